package sc.fiji.restoregan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The tone curve, and how often and how reproducibly the source applies it. */
class ToneAugmentedSourceTest
{
	private static final float[] RAMP = { 0.2f, 0.4f, 0.6f, 1.0f };

	@Test
	void gammaActsOnTheRegionsRangeAndKeepsIt()
	{
		// range [0.2, 1]: t = 0, 0.25, 0.5, 1; t^2 = 0, 0.0625, 0.25, 1
		assertArrayEquals( new float[] { 0.2f, 0.25f, 0.4f, 1.0f }, ToneAugmentedSource.apply( RAMP, 2, false ), 1e-6f );
		assertArrayEquals( RAMP, ToneAugmentedSource.apply( RAMP, 1, false ), 1e-6f );
	}

	@Test
	void inversionSwapsTheEndsOfTheRange()
	{
		assertArrayEquals( new float[] { 1.0f, 0.8f, 0.6f, 0.2f }, ToneAugmentedSource.apply( RAMP, 1, true ), 1e-6f );
	}

	@Test
	void constantRegionsAndTheInputAreLeftAsTheyAre()
	{
		final float[] flat = { 0.5f, 0.5f, 0.5f };
		assertArrayEquals( flat, ToneAugmentedSource.apply( flat, 2, true ) );
		final float[] copy = RAMP.clone();
		ToneAugmentedSource.apply( copy, 0.5, true );
		assertArrayEquals( RAMP, copy );
	}

	@Test
	void appliesToAboutTheGivenFractionReproducibly()
	{
		final CleanSource plain = new MicroscopySceneSource();
		final ToneAugmentedSource tone = new ToneAugmentedSource( plain, 0.3 );
		int changed = 0;
		final int n = 200;
		for ( int i = 0; i < n; i++ )
		{
			final float[] a = tone.next( new Random( i ), 32 ), b = tone.next( new Random( i ), 32 );
			assertArrayEquals( a, b );
			if ( !Arrays.equals( a, plain.next( new Random( i ), 32 ) ) )
				changed++;
		}
		assertTrue( Math.abs( changed - 0.3 * n ) < 0.1 * n, changed + " of " + n + " changed" );
	}

	@Test
	void withoutInversionTheSameDrawsGiveGammaOnly()
	{
		final CleanSource plain = new MicroscopySceneSource();
		final ToneAugmentedSource both = new ToneAugmentedSource( plain, 1 ), gammaOnly = new ToneAugmentedSource( plain, 1, false );
		int inverted = 0;
		for ( int i = 0; i < 40; i++ )
		{
			final float[] a = both.next( new Random( i ), 16 ), b = gammaOnly.next( new Random( i ), 16 );
			if ( !Arrays.equals( a, b ) )
			{
				inverted++;
				// the inverted curve mirrors the gamma-only one within the region's range
				final float lo = min( b ), hi = max( b );
				for ( int k = 0; k < a.length; k++ )
					assertEquals( lo + hi - b[ k ], a[ k ], 1e-5 );
			}
		}
		assertTrue( inverted > 10 && inverted < 30, inverted + " of 40 inverted" );
		assertTrue( gammaOnly.describe().contains( "not inverted" ) );
	}

	private static float min( final float[] a )
	{
		float m = Float.POSITIVE_INFINITY;
		for ( final float v : a )
			m = Math.min( m, v );
		return m;
	}

	private static float max( final float[] a )
	{
		float m = Float.NEGATIVE_INFINITY;
		for ( final float v : a )
			m = Math.max( m, v );
		return m;
	}

	@Test
	void rejectsFractionsOutsideZeroToOne()
	{
		assertThrows( IllegalArgumentException.class, () -> new ToneAugmentedSource( new MicroscopySceneSource(), 0 ) );
		assertThrows( IllegalArgumentException.class, () -> new ToneAugmentedSource( new MicroscopySceneSource(), 1.5 ) );
		assertEquals( true, new ToneAugmentedSource( new MicroscopySceneSource(), 1 ).describe().contains( "tone curve" ) );
	}
}
