package sc.fiji.restoregan.degrade;

/**
 * In-place radix-2 complex FFT of square power-of-two arrays (row-major
 * real and imaginary parts), enough for computing PSFs from pupil
 * functions.
 */
final class Fft
{
	private Fft()
	{}

	/** The 2D inverse transform (without the 1/n^2 factor) of an {@code n x n} array. */
	static void inverse2d( final double[] re, final double[] im, final int n )
	{
		if ( Integer.bitCount( n ) != 1 || re.length != n * n || im.length != n * n )
			throw new IllegalArgumentException( "Need n x n arrays with n a power of two" );
		final double[] rr = new double[ n ], ri = new double[ n ];
		for ( int pass = 0; pass < 2; pass++ )
			for ( int line = 0; line < n; line++ )
			{
				for ( int k = 0; k < n; k++ )
				{
					final int idx = pass == 0 ? line * n + k : k * n + line;
					rr[ k ] = re[ idx ];
					ri[ k ] = im[ idx ];
				}
				transform( rr, ri, +1 );
				for ( int k = 0; k < n; k++ )
				{
					final int idx = pass == 0 ? line * n + k : k * n + line;
					re[ idx ] = rr[ k ];
					im[ idx ] = ri[ k ];
				}
			}
	}

	/** Iterative Cooley-Tukey transform; {@code sign} +1 is the inverse direction. */
	static void transform( final double[] re, final double[] im, final int sign )
	{
		final int n = re.length;
		for ( int i = 1, j = 0; i < n; i++ )
		{
			int bit = n >> 1;
			for ( ; ( j & bit ) != 0; bit >>= 1 )
				j ^= bit;
			j ^= bit;
			if ( i < j )
			{
				double t = re[ i ];
				re[ i ] = re[ j ];
				re[ j ] = t;
				t = im[ i ];
				im[ i ] = im[ j ];
				im[ j ] = t;
			}
		}
		for ( int len = 2; len <= n; len <<= 1 )
		{
			final double angle = sign * 2 * Math.PI / len;
			final double wr = Math.cos( angle ), wi = Math.sin( angle );
			for ( int i = 0; i < n; i += len )
			{
				double cr = 1, ci = 0;
				for ( int k = 0; k < len / 2; k++ )
				{
					final int a = i + k, b = a + len / 2;
					final double xr = re[ b ] * cr - im[ b ] * ci, xi = re[ b ] * ci + im[ b ] * cr;
					re[ b ] = re[ a ] - xr;
					im[ b ] = im[ a ] - xi;
					re[ a ] += xr;
					im[ a ] += xi;
					final double t = cr * wr - ci * wi;
					ci = cr * wi + ci * wr;
					cr = t;
				}
			}
		}
	}
}
