package sc.fiji.restoregan.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class QuadraticTransportTest
{
	@Test
	void handCheckedOneDimensionalCase()
	{
		// real {0, 10}, fake {9, 1} in 1-D, K = 1: c = ½ (x - y)^2 = [[40.5, 0.5], [0.5, 40.5]]
		final double[][] c = QuadraticTransport.quadraticCost( new float[] { 0, 10 }, new float[] { 9, 1 }, 2 );
		assertArrayEquals( new double[] { 40.5, 0.5 }, c[ 0 ], 1e-12 );
		final QuadraticTransport.Plan plan = QuadraticTransport.solve( c );
		assertArrayEquals( new int[] { 1, 0 }, plan.match(), "fake 9 goes to real 10, fake 1 to real 0" );
		assertEquals( 0.5, plan.cost(), 1e-12, "mean cost of the optimal matching" );
		assertFeasibleAndTight( c, plan );
		double sum = 0;
		for ( int k = 0; k < 2; k++ )
			sum += plan.real()[ k ] + plan.fake()[ k ];
		assertEquals( 0, sum, 1e-12, "potentials centred as in WGAN-QC" );
	}

	@Test
	void matchesBruteForceOnRandomProblems()
	{
		final Random rnd = new Random( 11 );
		for ( int trial = 0; trial < 20; trial++ )
		{
			final int n = 2 + trial % 5;
			final double[][] c = new double[ n ][ n ];
			for ( final double[] row : c )
				for ( int j = 0; j < n; j++ )
					row[ j ] = rnd.nextDouble() * 10;
			final QuadraticTransport.Plan plan = QuadraticTransport.solve( c );
			assertEquals( bruteForce( c, new int[ n ], new boolean[ n ], 0 ) / n, plan.cost(), 1e-9, "trial " + trial );
			assertFeasibleAndTight( c, plan );
		}
	}

	/** Dual feasibility φ_i − ψ_j ≤ c_ij everywhere, equality on the matching, and a permutation. */
	private static void assertFeasibleAndTight( final double[][] c, final QuadraticTransport.Plan plan )
	{
		final int n = c.length;
		final boolean[] seen = new boolean[ n ];
		for ( int j = 0; j < n; j++ )
		{
			seen[ plan.match()[ j ] ] = true;
			assertEquals( c[ plan.match()[ j ] ][ j ], plan.real()[ plan.match()[ j ] ] - plan.fake()[ j ], 1e-9, "tight on the matching" );
			for ( int i = 0; i < n; i++ )
				assertTrue( plan.real()[ i ] - plan.fake()[ j ] <= c[ i ][ j ] + 1e-9, "feasible at " + i + "," + j );
		}
		for ( final boolean s : seen )
			assertTrue( s, "a permutation" );
	}

	private static double bruteForce( final double[][] c, final int[] perm, final boolean[] used, final int j )
	{
		if ( j == c.length )
		{
			double s = 0;
			for ( int k = 0; k < c.length; k++ )
				s += c[ perm[ k ] ][ k ];
			return s;
		}
		double best = Double.POSITIVE_INFINITY;
		for ( int i = 0; i < c.length; i++ )
			if ( !used[ i ] )
			{
				used[ i ] = true;
				perm[ j ] = i;
				best = Math.min( best, bruteForce( c, perm, used, j + 1 ) );
				used[ i ] = false;
			}
		return best;
	}
}
