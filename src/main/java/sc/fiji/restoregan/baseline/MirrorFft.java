package sc.fiji.restoregan.baseline;

import java.util.stream.IntStream;

import sc.fiji.restoregan.degrade.Fft;
import sc.fiji.restoregan.degrade.Kernel;
import sc.fiji.restoregan.filter.GaussianBlur;

/**
 * Discrete Fourier transforms of a {@code width x height} plane embedded,
 * mirror-extended (as {@link GaussianBlur#mirror}), in the middle of a
 * power-of-two grid at least {@code margin} pixels larger on every side.
 * The extension keeps the periodic image continuous, so filtering in the
 * frequency domain does not wrap one border into the other.
 */
public final class MirrorFft
{
	/** The plane's size. */
	public final int width, height;

	/** The grid's size, powers of two. */
	public final int gridWidth, gridHeight;

	private final int x0, y0;

	/** A spectrum (or a real grid, with {@code im} zero) on the grid, row-major. */
	public record Spectrum( double[] re, double[] im )
	{
		/** A deep copy. */
		public Spectrum copy()
		{
			return new Spectrum( re.clone(), im.clone() );
		}
	}

	/**
	 * The grid for planes of this size.
	 *
	 * @param margin at least this many pixels of mirrored image on every side
	 */
	public MirrorFft( final int width, final int height, final int margin )
	{
		this.width = width;
		this.height = height;
		gridWidth = Integer.highestOneBit( Math.max( 1, width + 2 * margin - 1 ) ) << 1;
		gridHeight = Integer.highestOneBit( Math.max( 1, height + 2 * margin - 1 ) ) << 1;
		x0 = ( gridWidth - width ) / 2;
		y0 = ( gridHeight - height ) / 2;
	}

	/** The plane mirror-extended over the whole grid. */
	public double[] extend( final float[] img )
	{
		final double[] g = new double[ gridWidth * gridHeight ];
		for ( int y = 0; y < gridHeight; y++ )
		{
			final int row = GaussianBlur.mirror( y - y0, height ) * width;
			for ( int x = 0; x < gridWidth; x++ )
				g[ y * gridWidth + x ] = img[ row + GaussianBlur.mirror( x - x0, width ) ];
		}
		return g;
	}

	/** The plane's part of a grid. */
	public float[] crop( final double[] grid )
	{
		final float[] out = new float[ width * height ];
		for ( int y = 0; y < height; y++ )
			for ( int x = 0; x < width; x++ )
				out[ y * width + x ] = ( float ) grid[ ( y + y0 ) * gridWidth + x + x0 ];
		return out;
	}

	/** The forward transform of a real grid (not modified). */
	public Spectrum forward( final double[] grid )
	{
		final Spectrum s = new Spectrum( grid.clone(), new double[ grid.length ] );
		Fft.transform2d( s.re(), s.im(), gridWidth, gridHeight, -1 );
		return s;
	}

	/** The real part of the inverse transform (normalised), as a grid; {@code s} is not modified. */
	public double[] inverse( final Spectrum s )
	{
		final Spectrum t = s.copy();
		Fft.transform2d( t.re(), t.im(), gridWidth, gridHeight, +1 );
		final double norm = 1.0 / ( gridWidth * gridHeight );
		final double[] re = t.re();
		for ( int i = 0; i < re.length; i++ )
			re[ i ] *= norm;
		return re;
	}

	/**
	 * The transfer function of a convolution kernel: its transform with the
	 * kernel's centre at the origin (wrapped), so that multiplying a spectrum
	 * by it convolves without a shift.
	 */
	public Spectrum transfer( final Kernel kernel )
	{
		final int r = kernel.radius();
		if ( 2 * r + 1 > Math.min( gridWidth, gridHeight ) )
			throw new IllegalArgumentException( "A kernel of radius " + r + " does not fit a " + gridWidth + " x " + gridHeight + " grid" );
		final double[] g = new double[ gridWidth * gridHeight ];
		for ( int dy = -r; dy <= r; dy++ )
			for ( int dx = -r; dx <= r; dx++ )
				g[ Math.floorMod( dy, gridHeight ) * gridWidth + Math.floorMod( dx, gridWidth ) ] = kernel.at( dx, dy );
		return forward( g );
	}

	/** {@code a * b}, or {@code a * conj(b)}, elementwise, as a new spectrum. */
	public static Spectrum multiply( final Spectrum a, final Spectrum b, final boolean conjugate )
	{
		final int n = a.re().length;
		final double[] re = new double[ n ], im = new double[ n ];
		final double sign = conjugate ? -1 : 1;
		IntStream.range( 0, n ).parallel().forEach( i -> {
			final double br = b.re()[ i ], bi = sign * b.im()[ i ];
			re[ i ] = a.re()[ i ] * br - a.im()[ i ] * bi;
			im[ i ] = a.re()[ i ] * bi + a.im()[ i ] * br;
		} );
		return new Spectrum( re, im );
	}

	/** The frequency of grid column {@code x}, cycles per pixel in [-0.5, 0.5). */
	public double frequencyX( final int x )
	{
		return frequency( x, gridWidth );
	}

	/** The frequency of grid row {@code y}, cycles per pixel in [-0.5, 0.5). */
	public double frequencyY( final int y )
	{
		return frequency( y, gridHeight );
	}

	private static double frequency( final int k, final int n )
	{
		return ( k < n / 2 ? k : k - n ) / ( double ) n;
	}
}
