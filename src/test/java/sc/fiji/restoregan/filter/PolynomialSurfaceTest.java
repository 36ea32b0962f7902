package sc.fiji.restoregan.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

class PolynomialSurfaceTest
{
	private static final int W = 70, H = 45;

	private static double u( final int i, final int size )
	{
		return ( 2.0 * i + 1 ) / size - 1;
	}

	/** A seeded random polynomial of total degree {@code degree}, sampled on the plane. */
	private static float[] polynomial( final int degree, final long seed )
	{
		final Random rnd = new Random( seed );
		final double[][] c = new double[ degree + 1 ][ degree + 1 ];
		for ( int a = 0; a <= degree; a++ )
			for ( int b = 0; a + b <= degree; b++ )
				c[ a ][ b ] = rnd.nextGaussian();
		final float[] p = new float[ W * H ];
		for ( int y = 0; y < H; y++ )
			for ( int x = 0; x < W; x++ )
			{
				double v = 0;
				for ( int a = 0; a <= degree; a++ )
					for ( int b = 0; a + b <= degree; b++ )
						v += c[ a ][ b ] * Math.pow( u( x, W ), a ) * Math.pow( u( y, H ), b );
				p[ y * W + x ] = ( float ) v;
			}
		return p;
	}

	@Test
	void aPolynomialOfTheDegreeIsItsOwnSurface()
	{
		for ( int d = 1; d <= PolynomialSurface.MAX_DEGREE; d++ )
		{
			final float[] p = polynomial( d, d );
			final float[] fit = PolynomialSurface.fit( p, W, H, d );
			for ( int i = 0; i < p.length; i++ )
				assertEquals( p[ i ], fit[ i ], 1e-4, "degree " + d + " pixel " + i );
		}
	}

	/**
	 * The least-squares conditions themselves: the residual of a seeded
	 * random plane is orthogonal to every monomial of the degree, and not to
	 * one of the next degree.
	 */
	@Test
	void theResidualIsOrthogonalToEveryMonomialOfTheDegree()
	{
		final Random rnd = new Random( 7 );
		final float[] plane = new float[ W * H ];
		for ( int i = 0; i < plane.length; i++ )
			plane[ i ] = ( float ) ( rnd.nextDouble() + Math.pow( u( i % W, W ), 3 ) );
		final float[] fit = PolynomialSurface.fit( plane, W, H, 2 );
		for ( int a = 0; a <= 3; a++ )
			for ( int b = 0; a + b <= 3; b++ )
			{
				double dot = 0;
				for ( int y = 0; y < H; y++ )
					for ( int x = 0; x < W; x++ )
						dot += ( plane[ y * W + x ] - fit[ y * W + x ] ) * Math.pow( u( x, W ), a ) * Math.pow( u( y, H ), b );
				if ( a + b <= 2 )
					assertEquals( 0, dot / plane.length, 1e-5, "x^" + a + " y^" + b );
				else if ( a == 3 )
					// x^3 less its projection 0.6 x onto the quadrics: E[x^6] - 0.6 E[x^4] = 1/7 - 0.12 on a uniform x
					assertEquals( 1.0 / 7 - 0.12, dot / plane.length, 2e-3, "x^3 is left in the residual" );
			}
	}

	@Test
	void theFitCommutesWithATransposeAndAMirror()
	{
		final Random rnd = new Random( 3 );
		final float[] plane = new float[ W * H ], transposed = new float[ W * H ], mirrored = new float[ W * H ];
		for ( int i = 0; i < plane.length; i++ )
			plane[ i ] = rnd.nextFloat();
		for ( int y = 0; y < H; y++ )
			for ( int x = 0; x < W; x++ )
			{
				transposed[ x * H + y ] = plane[ y * W + x ];
				mirrored[ y * W + W - 1 - x ] = plane[ y * W + x ];
			}
		final float[] fit = PolynomialSurface.fit( plane, W, H, 3 ), t = PolynomialSurface.fit( transposed, H, W, 3 ), m = PolynomialSurface.fit( mirrored, W, H, 3 );
		for ( int y = 0; y < H; y++ )
			for ( int x = 0; x < W; x++ )
			{
				assertEquals( fit[ y * W + x ], t[ x * H + y ], 1e-5 );
				assertEquals( fit[ y * W + x ], m[ y * W + W - 1 - x ], 1e-5 );
			}
	}

	@Test
	void aSingleRowIsFittedAlongX()
	{
		final float[] row = new float[ W ];
		for ( int x = 0; x < W; x++ )
			row[ x ] = ( float ) ( 0.5 + 0.25 * u( x, W ) );
		final float[] fit = PolynomialSurface.fit( row, W, 1, 2 );
		for ( int x = 0; x < W; x++ )
			assertEquals( row[ x ], fit[ x ], 1e-5 );
	}

	@Test
	void refusesDegreesOutsideTheRangeAndMismatchedSizes()
	{
		assertThrows( IllegalArgumentException.class, () -> PolynomialSurface.fit( new float[ W * H ], W, H, 0 ) );
		assertThrows( IllegalArgumentException.class, () -> PolynomialSurface.fit( new float[ W * H ], W, H, PolynomialSurface.MAX_DEGREE + 1 ) );
		assertThrows( IllegalArgumentException.class, () -> PolynomialSurface.fit( new float[ W ], W, H, 1 ) );
	}
}
