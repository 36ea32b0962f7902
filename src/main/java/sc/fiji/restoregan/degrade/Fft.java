package sc.fiji.restoregan.degrade;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * In-place radix-2 complex FFT of power-of-two arrays (row-major real and
 * imaginary parts): enough for computing PSFs from pupil functions and for
 * the FFT-based classical baselines (deconvolution, destriping). Transforms
 * are unnormalised; the lines of a 2D transform run in parallel.
 */
public final class Fft
{
	private Fft()
	{}

	/** The 2D inverse transform (without the 1/n^2 factor) of an {@code n x n} array. */
	static void inverse2d( final double[] re, final double[] im, final int n )
	{
		transform2d( re, im, n, n, +1 );
	}

	/**
	 * The 2D transform of a {@code width x height} array, in place.
	 *
	 * @param width a power of two
	 * @param height a power of two
	 * @param sign -1 forward, +1 inverse (without the {@code 1 / (width
	 *            height)} factor)
	 */
	public static void transform2d( final double[] re, final double[] im, final int width, final int height, final int sign )
	{
		if ( Integer.bitCount( width ) != 1 || Integer.bitCount( height ) != 1 || re.length != width * height || im.length != width * height )
			throw new IllegalArgumentException( "Need width x height arrays with power-of-two sides" );
		IntStream.range( 0, height ).parallel().forEach( y -> {
			final double[] rr = Arrays.copyOfRange( re, y * width, ( y + 1 ) * width ), ri = Arrays.copyOfRange( im, y * width, ( y + 1 ) * width );
			transform( rr, ri, sign );
			System.arraycopy( rr, 0, re, y * width, width );
			System.arraycopy( ri, 0, im, y * width, width );
		} );
		IntStream.range( 0, width ).parallel().forEach( x -> {
			final double[] cr = new double[ height ], ci = new double[ height ];
			for ( int y = 0; y < height; y++ )
			{
				cr[ y ] = re[ y * width + x ];
				ci[ y ] = im[ y * width + x ];
			}
			transform( cr, ci, sign );
			for ( int y = 0; y < height; y++ )
			{
				re[ y * width + x ] = cr[ y ];
				im[ y * width + x ] = ci[ y ];
			}
		} );
	}

	/** Iterative Cooley-Tukey transform; {@code sign} +1 is the inverse direction. */
	public static void transform( final double[] re, final double[] im, final int sign )
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
