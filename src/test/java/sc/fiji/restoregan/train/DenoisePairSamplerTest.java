package sc.fiji.restoregan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import sc.fiji.restoregan.filter.ContextChannels;

/** The denoising pairs with and without context channels. */
class DenoisePairSamplerTest
{
	private static DenoisePairSampler sampler()
	{
		return new DenoisePairSampler( List.of( new PhantomSource() ), 5, 64, 32, new double[] { 5, 20 }, new double[] { 0.01, 0.02 }, new double[] { 1, 99.8 } );
	}

	/**
	 * Context channels follow each input's image plane; the pairs themselves
	 * are those without context (same seed, same draws), and the non-local
	 * means channel is closer to the clean target than the noisy input.
	 */
	@Test
	void contextChannelsFollowTheSamePairs()
	{
		final ScaledBatch plain = sampler().pairs( 3, 4 );
		final ScaledBatch withContext = sampler().context( new ContextChannels( null ).withNlm( new double[] { 1.0 } ) ).pairs( 3, 4 );
		assertEquals( 1, plain.inputChannels() );
		assertEquals( 2, withContext.inputChannels() );
		assertArrayEquals( plain.targets(), withContext.targets(), 0 );
		assertArrayEquals( plain.inputs(), withContext.imageInputs(), 0 );
		assertArrayEquals( plain.noise(), withContext.noise(), 0 );
		assertArrayEquals( plain.inputs(), sampler().batch( 3, 4 ).inputs(), 0 );
		final int n = 32 * 32;
		double noisy = 0, filtered = 0;
		for ( int i = 0; i < 4; i++ )
			for ( int p = 0; p < n; p++ )
			{
				final double t = withContext.targets()[ i * n + p ];
				noisy += Math.pow( withContext.inputs()[ 2 * i * n + p ] - t, 2 );
				filtered += Math.pow( withContext.inputs()[ ( 2 * i + 1 ) * n + p ] - t, 2 );
			}
		assertTrue( filtered < noisy / 2, filtered + " vs " + noisy );
		assertTrue( sampler().context( new ContextChannels( null ).withNlm( new double[] { 1.0 } ) ).recipe().get( "context" ).getAsString().startsWith( "non-local means" ) );
		assertTrue( !sampler().recipe().has( "context" ) );
	}

	/** Each pair's range maps its target back to its source's clean units. */
	@Test
	void rangesMapTargetsBackToCleanUnits()
	{
		assertRangesMapTargetsToUnitInterval( sampler().pairs( 7, 6 ) );
	}

	/**
	 * Each pair's noise level is that of its Poisson-Gaussian draw over its
	 * clean region: by hand on a flat region, and between the read noise
	 * alone and the brightest region's level on the sampled pairs.
	 */
	@Test
	void noiseLevelsAreThoseOfTheDraws()
	{
		final float[] flat = new float[ 100 ];
		java.util.Arrays.fill( flat, 0.5f );
		assertEquals( Math.sqrt( 0.5 / 20 + 0.01 * 0.01 ), DenoisePairSampler.noiseSigma( flat, 20, 0.01 ), 1e-12 );
		flat[ 0 ] = -1; // negative clean values carry no photons
		assertEquals( Math.sqrt( 0.5 * 99 / 100 / 20 + 0.01 * 0.01 ), DenoisePairSampler.noiseSigma( flat, 20, 0.01 ), 1e-12 );
		assertEquals( DenoisePairSampler.LEAST_NOISE, DenoisePairSampler.noiseSigma( new float[ 100 ], 20, 0 ), 0, "a black region without read noise" );
		final ScaledBatch batch = sampler().pairs( 7, 6 );
		for ( final float s : batch.noise() )
			assertTrue( s >= 0.01 - 1e-6 && s <= Math.sqrt( 1.0 / 5 + 0.02 * 0.02 ) + 1e-6, "noise level " + s );
	}

	/**
	 * Asserts that each pair's range maps its target back into the clean
	 * units of a source scaled to [0, 1]: the target spans at most one over
	 * its range, and mapped back the widest spans much of [0, 1].
	 */
	static void assertRangesMapTargetsToUnitInterval( final ScaledBatch batch )
	{
		final int n = batch.targetSize() * batch.targetSize();
		double widest = 0;
		for ( int i = 0; i < batch.count(); i++ )
		{
			assertTrue( batch.ranges()[ i ] > 0 );
			double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
			for ( int p = i * n; p < ( i + 1 ) * n; p++ )
			{
				lo = Math.min( lo, batch.targets()[ p ] );
				hi = Math.max( hi, batch.targets()[ p ] );
			}
			final double span = ( hi - lo ) * batch.ranges()[ i ];
			assertTrue( span <= 1 + 1e-5, "pair " + i + " spans " + span + " clean units" );
			widest = Math.max( widest, span );
		}
		assertTrue( widest > 0.3, "widest clean span " + widest );
	}
}
