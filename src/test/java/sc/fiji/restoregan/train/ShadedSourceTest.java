package sc.fiji.restoregan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The shading of clean regions: its factors, its shape, and how often the source applies it. */
class ShadedSourceTest
{
	@Test
	void factorsAreTheShadingLessItsBrightestPartAboveOne()
	{
		final float[] region = { 1, 1, 0.5f, 0.2f }, copy = region.clone();
		// top 0.5: factors e^-0.5, e^-1.5, e^0, e^-0.5
		final float[] shaded = ShadedSource.apply( region, new float[] { 0, -1, 0.5f, 0 } );
		assertArrayEquals( new float[] { ( float ) Math.exp( -0.5 ), ( float ) Math.exp( -1.5 ), 0.5f, ( float ) ( 0.2 * Math.exp( -0.5 ) ) }, shaded, 1e-6f );
		assertArrayEquals( copy, region, "the region is left as it is" );
		// only darkening: nothing is divided
		assertArrayEquals( new float[] { 1, ( float ) Math.exp( -1 ), 0.5f, 0.2f }, ShadedSource.apply( region, new float[] { 0, -1, 0, 0 } ), 1e-6f );
	}

	@Test
	void shadingIsSmoothBoundedAndReproducible()
	{
		final int n = 96;
		for ( int seed = 0; seed < 20; seed++ )
		{
			final float[] log = ShadedSource.shading( n, ShadedSource.MAX_WIDTH, new Random( seed ) );
			assertArrayEquals( log, ShadedSource.shading( n, ShadedSource.MAX_WIDTH, new Random( seed ) ) );
			float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY, step = 0;
			for ( int y = 0; y < n; y++ )
				for ( int x = 0; x < n; x++ )
				{
					final float v = log[ y * n + x ];
					lo = Math.min( lo, v );
					hi = Math.max( hi, v );
					if ( x > 0 )
						step = Math.max( step, Math.abs( v - log[ y * n + x - 1 ] ) );
					if ( y > 0 )
						step = Math.max( step, Math.abs( v - log[ ( y - 1 ) * n + x ] ) );
				}
			assertTrue( lo >= -ShadedSource.MAX_BLOBS * ShadedSource.MAX_DARKENING && hi <= ShadedSource.MAX_BLOBS * ShadedSource.MAX_BRIGHTENING, lo + " to " + hi );
			assertTrue( hi - lo > 1e-3, "some shading" );
			// a bump of height h and sigma s changes by at most h / (s sqrt(e)) per pixel
			final double steepest = ShadedSource.MAX_BLOBS * ShadedSource.MAX_DARKENING / ( ShadedSource.MIN_WIDTH * n * Math.sqrt( Math.E ) );
			assertTrue( step <= steepest + 1e-4, step + " per pixel" );
		}
	}

	@Test
	void narrowerDiscsShadeLessOfTheRegion()
	{
		// the same draws with the largest width 0.1 instead of 0.35: each disc narrower, so the shading's spread is smaller
		double wide = 0, narrow = 0;
		for ( int seed = 0; seed < 20; seed++ )
		{
			wide += spread( ShadedSource.shading( 64, ShadedSource.MAX_WIDTH, new Random( seed ) ) );
			narrow += spread( ShadedSource.shading( 64, 0.1, new Random( seed ) ) );
		}
		assertTrue( narrow < 0.7 * wide, narrow + " against " + wide );
	}

	private static double spread( final float[] log )
	{
		double s = 0;
		for ( final float v : log )
			s += Math.abs( v );
		return s / log.length;
	}

	@Test
	void shadesAboutTheGivenFractionOfThePlainRegions()
	{
		final CleanSource plain = new DeadLeavesSource();
		final ShadedSource shaded = new ShadedSource( plain, 0.4 );
		int changed = 0;
		final int n = 200;
		for ( int i = 0; i < n; i++ )
		{
			final float[] a = shaded.next( new Random( i ), 24 ), b = plain.next( new Random( i ), 24 );
			if ( Arrays.equals( a, b ) )
				continue;
			changed++;
			// the plain region times factors in (0, 1]
			for ( int k = 0; k < a.length; k++ )
				assertTrue( a[ k ] <= b[ k ] * 1.000001f + 1e-7f && ( b[ k ] <= 0 || a[ k ] > 0 ), a[ k ] + " from " + b[ k ] );
		}
		assertTrue( Math.abs( changed - 0.4 * n ) < 0.1 * n, changed + " of " + n + " shaded" );
	}

	@Test
	void rejectsFractionsOutsideZeroToOneAndSaysWhatItDoes()
	{
		assertThrows( IllegalArgumentException.class, () -> new ShadedSource( new DeadLeavesSource(), 0 ) );
		assertThrows( IllegalArgumentException.class, () -> new ShadedSource( new DeadLeavesSource(), Double.NaN ) );
		assertThrows( IllegalArgumentException.class, () -> new ShadedSource( new DeadLeavesSource(), 0.5, 0.05 ) );
		assertTrue( new ShadedSource( new DeadLeavesSource(), 1, 0.2 ).describe().contains( "sigma 0.08 to 0.20 of the side" ) );
		assertTrue( new ShadedSource( new DeadLeavesSource(), 1 ).describe().contains( "1.00 of the regions shaded" ) );
		assertThrows( IllegalArgumentException.class, () -> ShadedSource.shading( 16, 1.5, new Random( 1 ) ) );
		assertThrows( IllegalArgumentException.class, () -> ShadedSource.apply( new float[ 4 ], new float[ 3 ] ) );
	}
}
