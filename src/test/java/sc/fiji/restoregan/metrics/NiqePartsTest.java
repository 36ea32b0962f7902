package sc.fiji.restoregan.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The pieces of NIQE: Gamma, AGGD fit, pseudo-inverse, resize, MSCN. */
class NiqePartsTest
{
	@Test
	void gammaFunction()
	{
		assertEquals( 24, AggdFit.gamma( 5 ), 1e-11 );
		assertEquals( Math.sqrt( Math.PI ), AggdFit.gamma( 0.5 ), 1e-14 );
		assertEquals( Math.sqrt( Math.PI ) / 2, AggdFit.gamma( 1.5 ), 1e-14 );
		assertEquals( 87178291200.0, AggdFit.gamma( 15 ), 1e-3 );
	}

	@Test
	void aggdFitRecoversGaussianAndLaplacianShapes()
	{
		final Random random = new Random( 7 );
		final int n = 200_000;
		final double[] gauss = new double[ n ], laplace = new double[ n ];
		for ( int i = 0; i < n; i++ )
		{
			gauss[ i ] = 3 * random.nextGaussian();
			laplace[ i ] = ( random.nextBoolean() ? 1 : -1 ) * -Math.log( 1 - random.nextDouble() );
		}
		final AggdFit g = AggdFit.of( gauss, n );
		assertEquals( 2, g.alpha(), 0.05 );
		// for alpha = 2 the scale is sigma * sqrt(2)
		assertEquals( 3 * Math.sqrt( 2 ), g.betaLeft(), 0.1 );
		assertEquals( 0, g.eta(), 0.05 );
		final AggdFit l = AggdFit.of( laplace, n );
		assertEquals( 1, l.alpha(), 0.05 );
		assertEquals( 1, l.betaRight(), 0.03 );
	}

	@Test
	void pseudoInverseOfASingularSymmetricMatrix()
	{
		// rank 2: A pinv(A) A = A
		final double[][] a = { { 4, 2, 6 }, { 2, 5, 7 }, { 6, 7, 13 } };
		final double[][] p = SymmetricEigen.pseudoInverse( a );
		final double[][] apa = multiply( multiply( a, p ), a );
		for ( int i = 0; i < 3; i++ )
			assertArrayEquals( a[ i ], apa[ i ], 1e-9 );
		assertEquals( 0, SymmetricEigen.of( a ).min(), 1e-9 );
		final double[][] inv = SymmetricEigen.pseudoInverse( new double[][] { { 2, 1 }, { 1, 2 } } );
		assertArrayEquals( new double[] { 2.0 / 3, -1.0 / 3 }, inv[ 0 ], 1e-12 );
	}

	private static double[][] multiply( final double[][] a, final double[][] b )
	{
		final int n = a.length;
		final double[][] c = new double[ n ][ n ];
		for ( int i = 0; i < n; i++ )
			for ( int j = 0; j < n; j++ )
				for ( int k = 0; k < n; k++ )
					c[ i ][ j ] += a[ i ][ k ] * b[ k ][ j ];
		return c;
	}

	@Test
	void halfSizeResizeKeepsConstantsAndRamps()
	{
		final int w = 40, h = 20;
		final double[] ramp = new double[ w * h ];
		for ( int y = 0; y < h; y++ )
			for ( int x = 0; x < w; x++ )
				ramp[ y * w + x ] = 3 * x + 7;
		for ( final BicubicResize.Border border : BicubicResize.Border.values() )
		{
			final DoublePlane half = BicubicResize.resize( new DoublePlane( w, h, ramp ), 0.5, border );
			assertEquals( 20, half.width );
			assertEquals( 10, half.height );
			// output pixel x (0-based) is centred on input position 2x + 0.5; away from the borders a ramp stays exact
			for ( int x = 3; x < 17; x++ )
				assertEquals( 3 * ( 2 * x + 0.5 ) + 7, half.get( x, 5 ), 1e-9, border + " x " + x );
		}
		final DoublePlane flat = BicubicResize.resize( new DoublePlane( 9, 9, filled( 81, 5 ) ), 0.5, BicubicResize.Border.SYMMETRIC );
		assertEquals( 5, flat.width );
		for ( final double v : flat.data )
			assertEquals( 5, v, 1e-12 );
	}

	@Test
	void mscnOfAFlatImageIsZeroAndShiftInvariant()
	{
		final Mscn flat = Mscn.of( new DoublePlane( 16, 16, filled( 256, 100 ) ) );
		for ( final double v : flat.coefficients().data )
			assertEquals( 0, v, 1e-9 );
		final float[] t = TestImages.texture( 32, 32, 9 );
		final double[] a = new double[ t.length ], b = new double[ t.length ];
		for ( int i = 0; i < t.length; i++ )
		{
			a[ i ] = t[ i ];
			b[ i ] = a[ i ] + 50;
		}
		assertArrayEquals( Mscn.of( new DoublePlane( 32, 32, a ) ).coefficients().data, Mscn.of( new DoublePlane( 32, 32, b ) ).coefficients().data, 1e-9 );
	}

	private static double[] filled( final int n, final double v )
	{
		final double[] d = new double[ n ];
		java.util.Arrays.fill( d, v );
		return d;
	}
}
