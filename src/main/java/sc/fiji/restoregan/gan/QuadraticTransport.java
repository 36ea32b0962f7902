package sc.fiji.restoregan.gan;

import java.util.Arrays;

/**
 * Exact discrete optimal transport between two equally sized, uniformly
 * weighted batches, as WGAN-QC needs it. The optimal plan of such a problem
 * is a permutation (Birkhoff), so the Hungarian algorithm (Kuhn-Munkres with
 * potentials, O(n³)) solves the Kantorovich linear programme exactly and its
 * potentials solve the dual: maximise mean φ − mean ψ subject to
 * φ_i − ψ_j ≤ c_ij, the form of {@code wgan_qc_resnet2.py}, which uses an LP
 * solver (GLPK) instead. The dual is unique only up to a constant; as there,
 * the potentials are shifted so that Σφ + Σψ = 0. Where several optimal
 * duals exist, the LP solver's and this one's may differ.
 */
public final class QuadraticTransport
{
	private QuadraticTransport()
	{}

	/**
	 * The solution of one transport problem.
	 *
	 * @param match {@code match[j]} is the real sample the fake sample j is
	 *        transported to
	 * @param real φ, the dual potential of each real sample
	 * @param fake ψ, the dual potential of each fake sample
	 * @param cost the optimal mean cost, mean φ − mean ψ
	 */
	public record Plan( int[] match, double[] real, double[] fake, double cost )
	{}

	/**
	 * The WGAN-QC cost c_ij = K ½‖x_i − y_j‖², with K = 1 / dimension.
	 *
	 * @param real n samples of d values each, flattened
	 * @param fake n samples of d values each, flattened
	 * @param n number of samples
	 */
	public static double[][] quadraticCost( final float[] real, final float[] fake, final int n )
	{
		final int d = real.length / n;
		final double k = 1.0 / d;
		final double[][] c = new double[ n ][ n ];
		for ( int i = 0; i < n; i++ )
			for ( int j = 0; j < n; j++ )
			{
				double s = 0;
				for ( int t = 0; t < d; t++ )
				{
					final double diff = real[ i * d + t ] - fake[ j * d + t ];
					s += diff * diff;
				}
				c[ i ][ j ] = k * 0.5 * s;
			}
		return c;
	}

	/**
	 * Solves the problem with cost matrix {@code cost[i][j]} (real i, fake j,
	 * square).
	 */
	public static Plan solve( final double[][] cost )
	{
		final int n = cost.length;
		// 1-based arrays as in the classical formulation; row 0 / column 0 are sentinels
		final double[] u = new double[ n + 1 ], v = new double[ n + 1 ];
		final int[] rowOfColumn = new int[ n + 1 ], way = new int[ n + 1 ];
		for ( int i = 1; i <= n; i++ )
		{
			rowOfColumn[ 0 ] = i;
			int j0 = 0;
			final double[] minv = new double[ n + 1 ];
			Arrays.fill( minv, Double.POSITIVE_INFINITY );
			final boolean[] used = new boolean[ n + 1 ];
			do
			{
				used[ j0 ] = true;
				final int i0 = rowOfColumn[ j0 ];
				double delta = Double.POSITIVE_INFINITY;
				int j1 = 0;
				for ( int j = 1; j <= n; j++ )
					if ( !used[ j ] )
					{
						final double reduced = cost[ i0 - 1 ][ j - 1 ] - u[ i0 ] - v[ j ];
						if ( reduced < minv[ j ] )
						{
							minv[ j ] = reduced;
							way[ j ] = j0;
						}
						if ( minv[ j ] < delta )
						{
							delta = minv[ j ];
							j1 = j;
						}
					}
				for ( int j = 0; j <= n; j++ )
					if ( used[ j ] )
					{
						u[ rowOfColumn[ j ] ] += delta;
						v[ j ] -= delta;
					}
					else
						minv[ j ] -= delta;
				j0 = j1;
			}
			while ( rowOfColumn[ j0 ] != 0 );
			do
			{
				final int j1 = way[ j0 ];
				rowOfColumn[ j0 ] = rowOfColumn[ j1 ];
				j0 = j1;
			}
			while ( j0 != 0 );
		}
		final int[] match = new int[ n ];
		final double[] phi = new double[ n ], psi = new double[ n ];
		double sum = 0;
		for ( int j = 1; j <= n; j++ )
			match[ j - 1 ] = rowOfColumn[ j ] - 1;
		for ( int k = 0; k < n; k++ )
		{
			phi[ k ] = u[ k + 1 ];
			psi[ k ] = -v[ k + 1 ];
			sum += phi[ k ] + psi[ k ];
		}
		final double offset = 0.5 * sum / n;
		double mean = 0;
		for ( int k = 0; k < n; k++ )
		{
			phi[ k ] -= offset;
			psi[ k ] -= offset;
			mean += ( phi[ k ] - psi[ k ] ) / n;
		}
		return new Plan( match, phi, psi, mean );
	}
}
