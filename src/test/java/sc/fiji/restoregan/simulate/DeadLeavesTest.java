package sc.fiji.restoregan.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The radius law, the range and reproducibility of dead-leaves regions. */
class DeadLeavesTest
{
	@Test
	void radiiFollowTheTruncatedPowerLaw()
	{
		final double max = 64;
		assertEquals( DeadLeaves.MIN_RADIUS, DeadLeaves.radius( 0, max ), 1e-12 );
		assertEquals( max, DeadLeaves.radius( 1, max ), 1e-9 );
		// p(r) ~ r^-3 on [1, 64]: P(r <= 2) = (1 - 2^-2) / (1 - 64^-2)
		final double below2 = ( 1 - 0.25 ) / ( 1 - 1.0 / ( 64 * 64 ) );
		assertEquals( 2, DeadLeaves.radius( below2, max ), 1e-9 );
		final Random rnd = new Random( 1 );
		int n = 0;
		for ( int i = 0; i < 100_000; i++ )
			n += DeadLeaves.radius( rnd.nextDouble(), max ) <= 2 ? 1 : 0;
		assertEquals( below2, n / 100_000.0, 0.01 );
	}

	@Test
	void regionsAreReproducibleAndInRange()
	{
		final float[] a = DeadLeaves.generate( new Random( 5 ), 96 );
		assertArrayEquals( a, DeadLeaves.generate( new Random( 5 ), 96 ) );
		double min = 1, max = 0;
		for ( final float v : a )
		{
			min = Math.min( min, v );
			max = Math.max( max, v );
		}
		assertTrue( min >= 0 && max <= 1, min + " " + max );
		// many disks of random grey: the region spans most of the range
		assertTrue( max - min > 0.5, "range " + ( max - min ) );
	}

	@Test
	void regionsAreMostlyFlatPatchesBetweenEdges()
	{
		// occlusion makes piecewise-smooth images: most neighbours differ little, a few jump
		final int size = 128;
		final float[] img = DeadLeaves.generate( new Random( 9 ), size );
		int small = 0, large = 0, pairs = 0;
		for ( int y = 0; y < size; y++ )
			for ( int x = 1; x < size; x++, pairs++ )
			{
				final double d = Math.abs( img[ y * size + x ] - img[ y * size + x - 1 ] );
				small += d < 0.02 ? 1 : 0;
				large += d > 0.1 ? 1 : 0;
			}
		assertTrue( small > pairs / 3, "flat neighbours " + small + " of " + pairs );
		assertTrue( large > pairs / 100, "edges " + large + " of " + pairs );
	}
}
