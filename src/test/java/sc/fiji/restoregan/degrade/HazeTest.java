package sc.fiji.restoregan.degrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** {@link ScatterHaze} and {@link AtmosphericHaze}. */
class HazeTest
{
	@Test
	void scatterHazeAddsWeightedCopiesAndOffset()
	{
		final float[] out = new ScatterHaze( new double[] { 5, 30 }, new double[] { 0.5, 1.5 }, 0.05 ).apply( Images.flat( 64 * 64, 0.2f ), 64, 64, new Random( 1 ) );
		for ( final float v : out )
			assertEquals( 0.2 * ( 1 + 0.5 + 1.5 ) + 0.05, v, 1e-5 );
	}

	@Test
	void scatterHazeSpreadsLightAroundStructure()
	{
		final float[] img = new float[ 101 * 101 ];
		img[ 50 * 101 + 50 ] = 1;
		final float[] out = new ScatterHaze( new double[] { 10 }, new double[] { 1 }, 0 ).apply( img, 101, 101, new Random( 2 ) );
		assertTrue( out[ 50 * 101 + 60 ] > 0 && out[ 50 * 101 + 60 ] < out[ 50 * 101 + 55 ] );
		assertEquals( 2, Images.sum( out ), 1e-4 );
	}

	@Test
	void atmosphericHazeFollowsTheScatteringModel()
	{
		final double airlight = 0.8, tMin = 0.3;
		final AtmosphericHaze haze = new AtmosphericHaze( airlight, tMin, 32 );
		// J = A everywhere stays A; J = 0 gives A (1 - t) in [0, A (1 - tMin)], reaching both ends
		for ( final float v : haze.apply( Images.flat( 64 * 64, ( float ) airlight ), 64, 64, new Random( 3 ) ) )
			assertEquals( airlight, v, 1e-6 );
		final float[] dark = haze.apply( new float[ 64 * 64 ], 64, 64, new Random( 3 ) );
		float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
		for ( final float v : dark )
		{
			min = Math.min( min, v );
			max = Math.max( max, v );
		}
		assertEquals( 0, min, 1e-6 );
		assertEquals( airlight * ( 1 - tMin ), max, 1e-5 );
	}
}
