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
	void rejectsFractionsOutsideZeroToOne()
	{
		assertThrows( IllegalArgumentException.class, () -> new ToneAugmentedSource( new MicroscopySceneSource(), 0 ) );
		assertThrows( IllegalArgumentException.class, () -> new ToneAugmentedSource( new MicroscopySceneSource(), 1.5 ) );
		assertEquals( true, new ToneAugmentedSource( new MicroscopySceneSource(), 1 ).describe().contains( "tone curve" ) );
	}
}
