package sc.fiji.restoregan.illumination;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.nn.Block;

import sc.fiji.restoregan.nn.UNetConfig;

class IlluminationEstimatorTest
{
	private static float[] clean( final int n, final long seed )
	{
		final Random rnd = new Random( seed );
		final float[] x = new float[ n ];
		for ( int i = 0; i < n; i++ )
			x[ i ] = ( float ) ( 0.1 + rnd.nextDouble() );
		return x;
	}

	@Test
	void applyDividesTheFieldOut()
	{
		final float[] x = clean( 500, 1 ), f = new float[ 500 ], lit = new float[ 500 ];
		for ( int i = 0; i < 500; i++ )
		{
			f[ i ] = ( float ) Math.sin( i / 50.0 );
			lit[ i ] = ( float ) ( x[ i ] * Math.exp( f[ i ] ) );
		}
		assertArrayEquals( x, IlluminationEstimator.apply( lit, f, 1 ), 1e-5f );
	}

	@Test
	void applyUndoesTheGammaUpToAScale()
	{
		final float[] x = clean( 500, 2 ), lit = new float[ 500 ];
		for ( int i = 0; i < 500; i++ )
			lit[ i ] = ( float ) Math.pow( x[ i ], 1.4 );
		final float[] out = IlluminationEstimator.apply( lit, new float[ 500 ], 1.4 );
		final double ratio = out[ 0 ] / x[ 0 ];
		for ( int i = 0; i < 500; i++ )
			assertEquals( ratio, out[ i ] / x[ i ], 1e-4 * ratio );
		// about the mean: the corrected plane keeps the lit plane's level
		double a = 0, b = 0;
		for ( int i = 0; i < 500; i++ )
		{
			a += lit[ i ];
			b += out[ i ];
		}
		assertEquals( 1, b / a, 0.1 );
	}

	/** A network of the gamma architecture, its weights zero and every bias {@code bias}: its output is that constant. */
	private static Model constant( final int depth, final float bias )
	{
		final Model m = Model.newInstance( "constant", Device.cpu(), "PyTorch" );
		final UNetConfig a = IlluminationNetwork.GAMMA.architecture().withDepth( depth );
		a.baseFilters = 4;
		final Block b = a.newInitializedBlock( m.getNDManager() );
		m.setBlock( b );
		b.getParameters().forEach( p -> p.getValue().getArray().muli( 0 ).addi( p.getKey().endsWith( "bias" ) ? bias : 0 ) );
		return m;
	}

	@Test
	void networksOfConstantOutputSeeNoFieldAndOneGamma()
	{
		final int w = 150, h = 100;
		final float[] plane = clean( w * h, 3 );
		try ( IlluminationEstimator zero = new IlluminationEstimator( constant( 2, 0 ), constant( 2, 0 ) ) )
		{
			assertArrayEquals( new float[ w * h ], zero.logField( plane, w, h ), 1e-6f );
			assertEquals( 1, zero.gamma( plane, w, h ), 1e-6 );
			assertArrayEquals( plane, zero.correct( plane, w, h ), 1e-6f );
			// a plane smaller than a tile is mirrored out to one
			assertEquals( 1, zero.gamma( clean( 40 * 30, 4 ), 40, 30 ), 1e-6 );
		}
		try ( IlluminationEstimator biased = new IlluminationEstimator( constant( 2, 0.3f ), constant( 3, 0.3f ) ) )
		{
			// a constant log field is no field (its mean is the plane's level, not the field's)
			assertArrayEquals( new float[ w * h ], biased.logField( plane, w, h ), 1e-6f );
			final double g = biased.gamma( plane, w, h );
			assertNotEquals( 1, g, 1e-3 );
			assertArrayEquals( IlluminationEstimator.apply( plane, new float[ w * h ], g ), biased.correct( plane, w, h ), 1e-6f );
		}
		try ( IlluminationEstimator noGamma = new IlluminationEstimator( constant( 2, 0.3f ), null ) )
		{
			assertEquals( 1, noGamma.gamma( plane, w, h ) );
			assertArrayEquals( plane, noGamma.correct( plane, w, h ), 1e-6f );
		}
	}

	/** The plane mirrored along x ({@code mirror}) or transposed. */
	private static float[] turned( final float[] plane, final int n, final boolean mirror )
	{
		final float[] out = new float[ n * n ];
		for ( int y = 0; y < n; y++ )
			for ( int x = 0; x < n; x++ )
				out[ y * n + x ] = mirror ? plane[ y * n + n - 1 - x ] : plane[ x * n + y ];
		return out;
	}

	@ParameterizedTest
	@ValueSource( ints = { IlluminationInputs.PLAIN_PLANES, IlluminationInputs.EXTREME_PLANES } )
	void theFieldEstimateTurnsWithThePlane( final int planes )
	{
		// averaged over the eight flips and turns, the estimate of a mirrored or transposed plane is the estimate mirrored or transposed
		final int n = 128;
		final float[] plane = clean( n * n, 5 );
		for ( int i = 0; i < plane.length; i++ )
			plane[ i ] *= 1 + ( i % n ) / 100f;
		final Model m = Model.newInstance( "random", Device.cpu(), "PyTorch" );
		final UNetConfig a = IlluminationNetwork.FIELD.architecture( planes ).withDepth( 2 );
		a.baseFilters = 4;
		m.setBlock( a.newInitializedBlock( m.getNDManager() ) );
		try ( IlluminationEstimator est = new IlluminationEstimator( m, planes, null ) )
		{
			final float[] f = est.logField( plane, n, n );
			float lo = Float.MAX_VALUE, hi = -Float.MAX_VALUE;
			for ( final float v : f )
			{
				lo = Math.min( lo, v );
				hi = Math.max( hi, v );
			}
			assertTrue( hi - lo > 1e-4, "a field, not a constant: " + ( hi - lo ) );
			for ( final boolean mirror : new boolean[] { true, false } )
				assertArrayEquals( turned( f, n, mirror ), est.logField( turned( plane, n, mirror ), n, n ), 1e-5f );
			// a plane that is not square, transposed
			final int w = 150, h = 100;
			final float[] wide = clean( w * h, 6 ), tall = new float[ w * h ];
			for ( int y = 0; y < h; y++ )
				for ( int x = 0; x < w; x++ )
					tall[ x * h + y ] = wide[ y * w + x ];
			final float[] fw = est.logField( wide, w, h ), ft = est.logField( tall, h, w );
			for ( int y = 0; y < h; y++ )
				for ( int x = 0; x < w; x++ )
					assertEquals( fw[ y * w + x ], ft[ x * h + y ], 1e-5f );
		}
	}
}
