package sc.fiji.restoregan.degrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import sc.fiji.restoregan.filter.GaussianBlur;

/** Streaks follow their direction; stripes multiply; drops dim. */
class StreaksTest
{
	private static final int SIZE = 128;

	@ParameterizedTest
	@ValueSource( doubles = { 0, 30, 75, 120, 160 } )
	void streaksFollowTheRequestedDirection( final double angle )
	{
		final float[] out = new Streaks( 20, angle, 2, 0.8, 0.8, 0 ).apply( new float[ SIZE * SIZE ], SIZE, SIZE, new Random( 1 ) );
		assertEquals( 0, angleDifference( orientation( out ), angle ), 3 );
	}

	@Test
	void stripesRunAlongTheirAxisAndMultiply()
	{
		final Stripes stripes = new Stripes( 20, 0, 0.7, 3 );
		for ( final float v : stripes.apply( new float[ SIZE * SIZE ], SIZE, SIZE, new Random( 2 ) ) )
			assertEquals( 0, v );
		final float[] out = stripes.apply( Images.flat( SIZE * SIZE, 1 ), SIZE, SIZE, new Random( 2 ) );
		// near the far end (x) every stripe is on: constant along x, varying across (y)
		double along = 0;
		final float[] column = new float[ SIZE ];
		for ( int y = 0; y < SIZE; y++ )
		{
			column[ y ] = out[ y * SIZE + SIZE - 1 ];
			along = Math.max( along, Math.abs( out[ y * SIZE + SIZE - 1 ] - out[ y * SIZE + SIZE - 8 ] ) );
		}
		assertTrue( along < 0.01, "constant along the stripes" );
		assertTrue( Images.variance( column ) > 1e-3, "varying across the stripes" );
		assertEquals( 0, angleDifference( orientation( out ), 0 ), 5 );
	}

	@Test
	void dropsDimAndNeverBrighten()
	{
		final float[] img = Images.flat( SIZE * SIZE, 1 );
		final float[] out = new Drops( 10, 12, 0.5, 2 ).apply( img, SIZE, SIZE, new Random( 3 ) );
		double min = 1;
		for ( final float v : out )
		{
			assertTrue( v <= 1 + 1e-6 && v >= 0.5 - 1e-6 );
			min = Math.min( min, v );
		}
		assertEquals( 0.5, min, 1e-5 );
	}

	/** Dominant line direction, degrees in [0, 180), from the structure tensor (gradients are perpendicular to lines). */
	static double orientation( final float[] raw )
	{
		// smoothing first removes the axis bias of finite differences on thin lines
		final float[] img = GaussianBlur.blur( raw, SIZE, SIZE, 1.5 );
		double jxx = 0, jyy = 0, jxy = 0;
		for ( int y = 1; y < SIZE - 1; y++ )
			for ( int x = 1; x < SIZE - 1; x++ )
			{
				final double gx = ( img[ y * SIZE + x + 1 ] - img[ y * SIZE + x - 1 ] ) / 2, gy = ( img[ ( y + 1 ) * SIZE + x ] - img[ ( y - 1 ) * SIZE + x ] ) / 2;
				jxx += gx * gx;
				jyy += gy * gy;
				jxy += gx * gy;
			}
		final double gradient = Math.toDegrees( 0.5 * Math.atan2( 2 * jxy, jxx - jyy ) );
		return Math.floorMod( Math.round( ( gradient + 90 ) * 1000 ), 180_000 ) / 1000.0;
	}

	private static double angleDifference( final double a, final double b )
	{
		final double d = Math.floorMod( Math.round( ( a - b ) * 1000 ), 180_000 ) / 1000.0;
		return Math.min( d, 180 - d );
	}
}
