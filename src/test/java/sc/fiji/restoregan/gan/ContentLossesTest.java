package sc.fiji.restoregan.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import sc.fiji.restoregan.pipeline.RestoreException;

/** Weighted content losses, the perceptual loss and the contextual loss against plain-Java computations. */
class ContentLossesTest
{
	private NDManager manager;

	@BeforeEach
	void setUp()
	{
		manager = NDManager.newBaseManager( "PyTorch" );
	}

	@AfterEach
	void tearDown()
	{
		manager.close();
	}

	private static double[] random( final int n, final long seed )
	{
		final Random rnd = new Random( seed );
		final double[] v = new double[ n ];
		for ( int i = 0; i < n; i++ )
			v[ i ] = rnd.nextGaussian();
		return v;
	}

	private NDArray tensor( final double[] v, final long... shape )
	{
		final float[] f = new float[ v.length ];
		for ( int i = 0; i < v.length; i++ )
			f[ i ] = ( float ) v[ i ];
		return manager.create( f, new Shape( shape ) );
	}

	/**
	 * The affine-invariant L1 and L2 against a plain-Java least-squares fit
	 * per image: an output that is the target up to a gain and offset
	 * (different per image) scores 0, and anything else the L1 or the mean
	 * squared error of the fitted output.
	 */
	@Test
	void affineLossesFitEachImageBeforeTheL1OrL2()
	{
		final int n = 2, px = 3 * 5;
		final double[] target = random( n * px, 1 ), noise = random( n * px, 2 ), out = new double[ n * px ];
		for ( int i = 0; i < n * px; i++ )
			out[ i ] = ( i < px ? 2.5 : -0.7 ) * target[ i ] + ( i < px ? 0.3 : 4 );
		final ContentLoss affine = ContentLoss.of( "affine-l1" ), affineL2 = ContentLoss.of( "affine-l2" );
		assertEquals( 0, affine.loss( tensor( out, n, 1, 3, 5 ), tensor( target, n, 1, 3, 5 ) ).getFloat(), 1e-5 );
		assertEquals( 0, affineL2.loss( tensor( out, n, 1, 3, 5 ), tensor( target, n, 1, 3, 5 ) ).getFloat(), 1e-5 );
		for ( int i = 0; i < n * px; i++ )
			out[ i ] += 0.5 * noise[ i ];
		double expected = 0, expectedL2 = 0;
		for ( int b = 0; b < n; b++ )
		{
			double mo = 0, mt = 0;
			for ( int i = b * px; i < ( b + 1 ) * px; i++ )
			{
				mo += out[ i ] / px;
				mt += target[ i ] / px;
			}
			double cov = 0, var = 0;
			for ( int i = b * px; i < ( b + 1 ) * px; i++ )
			{
				cov += ( out[ i ] - mo ) * ( target[ i ] - mt );
				var += ( out[ i ] - mo ) * ( out[ i ] - mo );
			}
			for ( int i = b * px; i < ( b + 1 ) * px; i++ )
			{
				final double residual = cov / var * ( out[ i ] - mo ) + mt - target[ i ];
				expected += Math.abs( residual ) / ( n * px );
				expectedL2 += residual * residual / ( n * px );
			}
		}
		assertEquals( expected, affine.loss( tensor( out, n, 1, 3, 5 ), tensor( target, n, 1, 3, 5 ) ).getFloat(), 1e-5 );
		assertEquals( expectedL2, affineL2.loss( tensor( out, n, 1, 3, 5 ), tensor( target, n, 1, 3, 5 ) ).getFloat(), 1e-5 );
		assertTrue( expectedL2 > 1e-3, "the noisy output is not an affine map of the target" );
		assertEquals( expected + 0.1 * ContentLoss.L1.loss( tensor( out, n, 1, 3, 5 ), tensor( target, n, 1, 3, 5 ) ).getFloat(),
				ContentObjective.parse( "affine-l1+0.1*l1" ).loss( tensor( out, n, 1, 3, 5 ), tensor( target, n, 1, 3, 5 ), null, null ).getFloat(), 1e-5 );
	}

	/**
	 * log-l2 is minus the mean PSNR (data range 1) of the images of a batch,
	 * each image's own: scaling one image's error by 10 moves it by 20 dB
	 * over the batch size, whatever the other's error.
	 */
	@Test
	void logL2IsMinusTheMeanPsnrOfTheImages()
	{
		final int n = 2, px = 4 * 4;
		final double[] target = random( n * px, 3 ), error = random( n * px, 4 ), out = new double[ n * px ];
		for ( int i = 0; i < n * px; i++ )
			out[ i ] = target[ i ] + ( i < px ? 0.01 : 0.3 ) * error[ i ];
		double expected = 0;
		for ( int b = 0; b < n; b++ )
		{
			double mse = 0;
			for ( int i = b * px; i < ( b + 1 ) * px; i++ )
				mse += Math.pow( out[ i ] - target[ i ], 2 ) / px;
			expected += 10 * Math.log10( mse ) / n;
		}
		final ContentLoss log = ContentLoss.of( "log-l2" );
		final float loss = log.loss( tensor( out, n, 1, 4, 4 ), tensor( target, n, 1, 4, 4 ) ).getFloat();
		assertEquals( expected, loss, 1e-3 );
		for ( int i = 0; i < px; i++ )
			out[ i ] = target[ i ] + 0.1 * error[ i ];
		assertEquals( loss + 20.0 / n, log.loss( tensor( out, n, 1, 4, 4 ), tensor( target, n, 1, 4, 4 ) ).getFloat(), 1e-3 );
		assertEquals( -100, log.loss( tensor( target, n, 1, 4, 4 ), tensor( target, n, 1, 4, 4 ) ).getFloat(), 1e-3 );
	}

	/**
	 * The contextual loss as the facts sheet (§7) states it, in double loops:
	 * features (N, C, P) in NCHW order flattened, only the positions in
	 * {@code keep}.
	 */
	private static double contextual( final double[] out, final double[] tgt, final int n, final int c, final int p, final int[] keep, final double h )
	{
		final int k = keep.length;
		final double[] mean = new double[ c ];
		for ( int b = 0; b < n; b++ )
			for ( int ch = 0; ch < c; ch++ )
				for ( final int j : keep )
					mean[ ch ] += tgt[ ( b * c + ch ) * p + j ] / ( n * k );
		double loss = 0;
		for ( int b = 0; b < n; b++ )
		{
			final double[][] x = new double[ k ][ c ], y = new double[ k ][ c ];
			for ( int i = 0; i < k; i++ )
			{
				for ( int ch = 0; ch < c; ch++ )
				{
					x[ i ][ ch ] = out[ ( b * c + ch ) * p + keep[ i ] ] - mean[ ch ];
					y[ i ][ ch ] = tgt[ ( b * c + ch ) * p + keep[ i ] ] - mean[ ch ];
				}
				normalise( x[ i ] );
				normalise( y[ i ] );
			}
			final double[][] cx = new double[ k ][ k ];
			for ( int i = 0; i < k; i++ )
			{
				final double[] d = new double[ k ];
				double min = Double.MAX_VALUE;
				for ( int j = 0; j < k; j++ )
				{
					double cos = 0;
					for ( int ch = 0; ch < c; ch++ )
						cos += x[ i ][ ch ] * y[ j ][ ch ];
					d[ j ] = ( 1 - cos ) / 2;
					min = Math.min( min, d[ j ] );
				}
				double sum = 0;
				for ( int j = 0; j < k; j++ )
				{
					cx[ i ][ j ] = Math.exp( ( 1 - d[ j ] / ( min + 1e-5 ) ) / h );
					sum += cx[ i ][ j ];
				}
				for ( int j = 0; j < k; j++ )
					cx[ i ][ j ] /= sum;
			}
			double score = 0;
			for ( int j = 0; j < k; j++ )
			{
				double max = 0;
				for ( int i = 0; i < k; i++ )
					max = Math.max( max, cx[ i ][ j ] );
				score += max / k;
			}
			loss += -Math.log( score ) / n;
		}
		return loss;
	}

	private static void normalise( final double[] v )
	{
		double s = 0;
		for ( final double a : v )
			s += a * a;
		final double norm = Math.sqrt( s );
		for ( int i = 0; i < v.length; i++ )
			v[ i ] /= norm;
	}

	@Test
	void contextualLossMatchesAStraightforwardImplementation()
	{
		final int n = 2, c = 3, h = 3, w = 4, p = h * w;
		final double[] out = random( n * c * p, 1 ), tgt = random( n * c * p, 2 );
		final int[] all = new int[ p ];
		Arrays.setAll( all, i -> i );
		for ( final double bandwidth : new double[] { 0.5, 0.1 } )
		{
			final double expected = contextual( out, tgt, n, c, p, all, bandwidth );
			final NDArray loss = new ContextualLoss( bandwidth, 65 ).loss( tensor( out, n, c, h, w ), tensor( tgt, n, c, h, w ), new Random( 0 ) );
			assertEquals( expected, loss.getFloat(), 1e-4 * Math.max( 1, expected ), "h = " + bandwidth );
			assertEquals( 0, loss.getShape().dimension() );
		}
		// identical features match best: a lower loss than unrelated ones
		final double same = new ContextualLoss( 0.5, 65 ).loss( tensor( tgt, n, c, h, w ), tensor( tgt, n, c, h, w ), new Random( 0 ) ).getFloat();
		assertTrue( same < contextual( out, tgt, n, c, p, all, 0.5 ), "same " + same );
	}

	@Test
	void contextualLossSubsamplesTheSamePositionsOfBoth()
	{
		final int n = 1, c = 4, h = 3, w = 3, p = h * w;
		final double[] out = random( n * c * p, 3 ), tgt = random( n * c * p, 4 );
		final long[] chosen = ContextualLoss.positions( p, 4, new Random( 11 ) );
		assertEquals( 4, Arrays.stream( chosen ).distinct().count() );
		final int[] keep = Arrays.stream( chosen ).mapToInt( v -> ( int ) v ).toArray();
		final NDArray loss = new ContextualLoss( 0.5, 2 ).loss( tensor( out, n, c, h, w ), tensor( tgt, n, c, h, w ), new Random( 11 ) );
		assertEquals( contextual( out, tgt, n, c, p, keep, 0.5 ), loss.getFloat(), 1e-4 );
		assertFalse( Arrays.equals( chosen, ContextualLoss.positions( p, 4, new Random( 12 ) ) ), "another seed, other positions" );
	}

	@Test
	void perceptualLossIsTheMeanSquaredFeatureDifference()
	{
		final double[] o = { 0.5, -1, 2, 0 }, t = { 1, 1, 0, 0.5 };
		final FeatureNetwork features = images -> new NDList( images.mul( 2 ), images.square() );
		double first = 0, second = 0;
		for ( int i = 0; i < 4; i++ )
		{
			first += Math.pow( 2 * o[ i ] - 2 * t[ i ], 2 ) / 4;
			second += Math.pow( o[ i ] * o[ i ] - t[ i ] * t[ i ], 2 ) / 4;
		}
		final NDArray output = tensor( o, 1, 1, 2, 2 );
		assertEquals( ( first + second ) / 2, PerceptualLoss.loss( features, output, tensor( t, 1, 1, 2, 2 ) ).getFloat(), 1e-5 );
		// through a weighted content objective, with gradients to the output only
		output.setRequiresGradient( true );
		try ( var gc = ai.djl.engine.Engine.getEngine( "PyTorch" ).newGradientCollector() )
		{
			final NDArray l = ContentObjective.parse( "0.5*l1+0.006*perceptual" ).loss( output, tensor( t, 1, 1, 2, 2 ), features, new Random( 0 ) );
			double l1 = 0;
			for ( int i = 0; i < 4; i++ )
				l1 += Math.abs( o[ i ] - t[ i ] ) / 4;
			assertEquals( 0.5 * l1 + 0.006 * ( first + second ) / 2, l.getFloat(), 1e-5 );
			assertEquals( ai.djl.ndarray.types.DataType.FLOAT32, l.getDataType() );
			gc.backward( l );
		}
		assertTrue( output.getGradient().abs().sum().getFloat() > 0 );
	}

	@Test
	void anUnloadableFeatureNetworkIsAClearError( @TempDir final Path dir ) throws Exception
	{
		final RestoreException missing = assertThrows( RestoreException.class, () -> new TorchScriptFeatures( dir.resolve( "vgg.pt" ) ) );
		assertTrue( missing.getMessage().contains( "TorchScript" ), missing.getMessage() );
		final Path text = Files.writeString( dir.resolve( "notes.pt" ), "not a TorchScript archive" );
		final RestoreException bad = assertThrows( RestoreException.class, () -> new TorchScriptFeatures( text ) );
		assertTrue( bad.getMessage().contains( "Cannot load the feature network" ), bad.getMessage() );
	}

	@Test
	void contentSpecificationsParse()
	{
		final ContentObjective o = ContentObjective.parse( " L1 + 0.5*ssim " );
		assertEquals( List.of( new ContentObjective.Term( 1, "l1" ), new ContentObjective.Term( 0.5, "ssim" ) ), o.terms() );
		assertFalse( o.needsFeatures() );
		assertEquals( "l1+0.5*ssim", o.toString() );
		assertTrue( ContentObjective.parse( "0.5*mse+0.006*perceptual+1e-3*contextual" ).needsFeatures() );
		assertEquals( "l2", ContentObjective.parse( "0.5*mse" ).terms().get( 0 ).name() );
		for ( final String bad : new String[] { "l3", "x*l1", "l1+", "-1*l1" } )
			assertThrows( IllegalArgumentException.class, () -> ContentObjective.parse( bad ), bad );
	}
}
