package sc.fiji.restoregan.metrics;

/**
 * Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations,
 * for NIQE's 36x36 covariances: their pseudo-inverse and a
 * positive-definiteness check.
 *
 * @param values the eigenvalues
 * @param vectors the eigenvectors, one per column ({@code vectors[ row ][ k
 *            ]} belongs to {@code values[ k ]})
 */
public record SymmetricEigen( double[] values, double[][] vectors )
{
	private static final int MAX_SWEEPS = 100;

	/**
	 * Decomposes a symmetric matrix (only its values are read; it is not
	 * changed).
	 */
	public static SymmetricEigen of( final double[][] matrix )
	{
		final int n = matrix.length;
		final double[][] a = new double[ n ][];
		final double[][] v = new double[ n ][ n ];
		for ( int i = 0; i < n; i++ )
		{
			a[ i ] = matrix[ i ].clone();
			v[ i ][ i ] = 1;
		}
		for ( int sweep = 0; sweep < MAX_SWEEPS; sweep++ )
		{
			double off = 0, diag = 0;
			for ( int i = 0; i < n; i++ )
			{
				diag += a[ i ][ i ] * a[ i ][ i ];
				for ( int j = i + 1; j < n; j++ )
					off += a[ i ][ j ] * a[ i ][ j ];
			}
			if ( off <= 1e-30 * diag || off == 0 )
				break;
			for ( int p = 0; p < n; p++ )
				for ( int q = p + 1; q < n; q++ )
					if ( a[ p ][ q ] != 0 )
						rotate( a, v, p, q );
		}
		final double[] values = new double[ n ];
		for ( int i = 0; i < n; i++ )
			values[ i ] = a[ i ][ i ];
		return new SymmetricEigen( values, v );
	}

	/** One Jacobi rotation zeroing {@code a[p][q]}. */
	private static void rotate( final double[][] a, final double[][] v, final int p, final int q )
	{
		final int n = a.length;
		final double theta = ( a[ q ][ q ] - a[ p ][ p ] ) / ( 2 * a[ p ][ q ] );
		final double t = Math.signum( theta == 0 ? 1 : theta ) / ( Math.abs( theta ) + Math.sqrt( theta * theta + 1 ) );
		final double c = 1 / Math.sqrt( t * t + 1 ), s = t * c;
		for ( int k = 0; k < n; k++ )
		{
			final double akp = a[ k ][ p ], akq = a[ k ][ q ];
			a[ k ][ p ] = c * akp - s * akq;
			a[ k ][ q ] = s * akp + c * akq;
		}
		for ( int k = 0; k < n; k++ )
		{
			final double apk = a[ p ][ k ], aqk = a[ q ][ k ];
			a[ p ][ k ] = c * apk - s * aqk;
			a[ q ][ k ] = s * apk + c * aqk;
		}
		for ( int k = 0; k < n; k++ )
		{
			final double vkp = v[ k ][ p ], vkq = v[ k ][ q ];
			v[ k ][ p ] = c * vkp - s * vkq;
			v[ k ][ q ] = s * vkp + c * vkq;
		}
	}

	/**
	 * The Moore-Penrose pseudo-inverse of a symmetric matrix, with MATLAB's
	 * default tolerance: eigenvalues of magnitude at most {@code n * max|lambda|
	 * * eps} are treated as zero.
	 */
	public static double[][] pseudoInverse( final double[][] matrix )
	{
		final SymmetricEigen e = of( matrix );
		final int n = matrix.length;
		double max = 0;
		for ( final double l : e.values )
			max = Math.max( max, Math.abs( l ) );
		final double tol = n * max * Math.ulp( 1.0 );
		final double[][] inv = new double[ n ][ n ];
		for ( int k = 0; k < n; k++ )
		{
			if ( Math.abs( e.values[ k ] ) <= tol )
				continue;
			final double r = 1 / e.values[ k ];
			for ( int i = 0; i < n; i++ )
				for ( int j = 0; j < n; j++ )
					inv[ i ][ j ] += e.vectors[ i ][ k ] * r * e.vectors[ j ][ k ];
		}
		return inv;
	}

	/** The smallest eigenvalue. */
	public double min()
	{
		double m = Double.POSITIVE_INFINITY;
		for ( final double l : values )
			m = Math.min( m, l );
		return m;
	}
}
