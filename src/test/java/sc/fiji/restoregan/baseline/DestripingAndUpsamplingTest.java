package sc.fiji.restoregan.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import sc.fiji.restoregan.degrade.Stripes;

/** FFT wedge destriping and bicubic upsampling. */
class DestripingAndUpsamplingTest
{
	private static final int N = 128;

	/** A scene on a bright background, so that multiplicative stripes show. */
	private static float[] brightScene( final long seed )
	{
		final float[] clean = Planes2d.scene( N, seed );
		for ( int i = 0; i < clean.length; i++ )
			clean[ i ] = 0.3f + 0.7f * clean[ i ];
		return clean;
	}

	@Test
	void directionOfStripesIsEstimatedFromTheSpectrum()
	{
		final float[] clean = brightScene( 9 );
		for ( final double angle : new double[] { 0, 30, 90 } )
		{
			final float[] striped = new Stripes( 30, angle, 0.6, 2 ).apply( clean, N, N, new Random( 1 ) );
			assertEquals( angle, WedgeDestriping.estimateDirection( striped, N, N ), 1 );
		}
	}

	/**
	 * Stripes along X put their power on the frequencies at 90 degrees: on
	 * seeded white noise (no structure of its own; on a scene the image's own
	 * lines can outweigh the stripes, docs/decisions.md "Axis wedges") the
	 * angular profile peaks there, well above its value without stripes, and
	 * stays low elsewhere.
	 */
	@Test
	void theAngularPowerPeaksAcrossTheStripes()
	{
		final Random rnd = new Random( 11 );
		final float[] clean = new float[ N * N ];
		for ( int i = 0; i < clean.length; i++ )
			clean[ i ] = 0.5f + 0.05f * ( float ) rnd.nextGaussian();
		final float[] striped = new Stripes( 30, 0, 0.6, 2 ).apply( clean, N, N, new Random( 4 ) );
		final double[] before = WedgeDestriping.angularPower( clean, N, N ), after = WedgeDestriping.angularPower( striped, N, N );
		assertEquals( 180, after.length );
		int peak = 0;
		for ( int b = 1; b < 180; b++ )
			if ( after[ b ] > after[ peak ] )
				peak = b;
		assertEquals( 90, peak, 1 );
		assertTrue( after[ peak ] > 3 * before[ peak ], after[ peak ] + " against " + before[ peak ] + " without stripes" );
		assertTrue( after[ 45 ] < after[ peak ] / 3 && after[ 0 ] < after[ peak ] / 3 );
	}

	@Test
	void wedgeRemovesStripes()
	{
		final float[] clean = brightScene( 10 );
		for ( final double angle : new double[] { 0, 90 } )
		{
			final float[] striped = new Stripes( 30, angle, 0.6, 2 ).apply( clean, N, N, new Random( 2 ) );
			final Tuned best = WedgeDestriping.best( striped, N, N, angle, o -> Planes2d.psnr( clean, o, N ) );
			assertTrue( best.score() > Planes2d.psnr( clean, striped, N ) + 2, best.setting() + " vs " + Planes2d.psnr( clean, striped, N ) + " " + " " + best.score() );
		}
		// several wedges at once are each wedge alone
		final float[] striped = new Stripes( 30, 0, 0.6, 2 ).apply( clean, N, N, new Random( 3 ) );
		final float[][] both = WedgeDestriping.filter( striped, N, N, 0, new double[] { 3, 15 }, new double[] { 0.03, 0.01 } );
		assertArrayEquals( WedgeDestriping.filter( striped, N, N, 0, 3, 0.03 ), both[ 0 ] );
		assertArrayEquals( WedgeDestriping.filter( striped, N, N, 0, 15, 0.01 ), both[ 1 ] );
		assertEquals( 0, WedgeDestriping.angleBetween( 179, -1 ), 1e-9 );
		assertEquals( -10, WedgeDestriping.angleBetween( 80, 90 ), 1e-9 );
	}

	@Test
	void bicubicKeepsConstantsAndLinearRampsInside()
	{
		final int w = 16, h = 12, s = 2;
		final float[] ramp = new float[ w * h ];
		for ( int y = 0; y < h; y++ )
			for ( int x = 0; x < w; x++ )
				ramp[ y * w + x ] = 0.1f * x + 0.05f * y;
		final float[] up = BicubicUpsampling.upsample( ramp, w, h, s );
		assertEquals( w * h * s * s, up.length );
		// high-resolution pixel u sits at low-resolution position (u + 0.5) / s - 0.5
		for ( int v = 6; v < h * s - 6; v++ )
			for ( int u = 6; u < w * s - 6; u++ )
				assertEquals( 0.1 * ( ( u + 0.5 ) / s - 0.5 ) + 0.05 * ( ( v + 0.5 ) / s - 0.5 ), up[ v * w * s + u ], 1e-5 );
		final float[] flat = new float[ w * h ];
		java.util.Arrays.fill( flat, 0.3f );
		final float[] expected = new float[ w * h * 16 ];
		java.util.Arrays.fill( expected, 0.3f );
		assertArrayEquals( expected, BicubicUpsampling.upsample( flat, w, h, 4 ), 1e-6f );
	}
}
