package sc.fiji.restoregan.sisr;

import sc.fiji.restoregan.metrics.BicubicResize;
import sc.fiji.restoregan.metrics.BicubicResize.Border;
import sc.fiji.restoregan.metrics.DoublePlane;

/**
 * Down- and upscaling of planes for the single-image methods. Downscaling by
 * an integer factor is binning (the mean of each {@code f x f} block, what a
 * camera's pixel binning records, and the benchmark's degradation); other
 * factors use MATLAB-style antialiased bicubic. Upscaling is bicubic.
 */
public final class Resampling
{
	private Resampling()
	{}

	/** Whether {@code factor} is a whole number (within 1e-9). */
	public static boolean isInteger( final double factor )
	{
		return Math.abs( factor - Math.rint( factor ) ) < 1e-9;
	}

	/**
	 * Shrinks a plane by {@code factor}: binning when it is an integer (the
	 * remainder rows and columns are dropped), antialiased bicubic otherwise.
	 */
	public static DoublePlane down( final DoublePlane in, final double factor )
	{
		if ( isInteger( factor ) )
			return bin( in, ( int ) Math.rint( factor ) );
		return BicubicResize.resize( in, 1 / factor, Border.SYMMETRIC );
	}

	/** The mean of each {@code f x f} block; remainder rows and columns are dropped. */
	public static DoublePlane bin( final DoublePlane in, final int f )
	{
		final int w = in.width / f, h = in.height / f;
		if ( w < 1 || h < 1 )
			throw new IllegalArgumentException( "Cannot bin a " + in.width + "x" + in.height + " plane by " + f );
		final double[] out = new double[ w * h ];
		for ( int y = 0; y < h * f; y++ )
			for ( int x = 0; x < w * f; x++ )
				out[ ( y / f ) * w + x / f ] += in.data[ y * in.width + x ];
		final double n = f * f;
		for ( int i = 0; i < out.length; i++ )
			out[ i ] /= n;
		return new DoublePlane( w, h, out );
	}

	/** Bicubic resizing to exactly {@code width x height} (antialiased when shrinking). */
	public static DoublePlane resize( final DoublePlane in, final int width, final int height )
	{
		return BicubicResize.resize( in, width, height, Border.SYMMETRIC );
	}

	/**
	 * Back-projection (Irani and Peleg), as ZSSR uses it: repeatedly adds the
	 * upscaled difference between the low-resolution image and the downscaled
	 * estimate, so the estimate downscales back to {@code low}.
	 */
	public static DoublePlane backProject( final DoublePlane estimate, final DoublePlane low, final double factor, final int iterations )
	{
		DoublePlane y = estimate;
		for ( int i = 0; i < iterations; i++ )
		{
			final DoublePlane d = down( y, factor );
			final DoublePlane diff = subtract( low, d );
			final DoublePlane correction = resize( diff, y.width, y.height );
			y = add( y, correction );
		}
		return y;
	}

	/** {@code a - b}, cropped to the smaller of the two sizes. */
	static DoublePlane subtract( final DoublePlane a, final DoublePlane b )
	{
		final int w = Math.min( a.width, b.width ), h = Math.min( a.height, b.height );
		final double[] out = new double[ w * h ];
		for ( int y = 0; y < h; y++ )
			for ( int x = 0; x < w; x++ )
				out[ y * w + x ] = a.data[ y * a.width + x ] - b.data[ y * b.width + x ];
		return new DoublePlane( w, h, out );
	}

	/** {@code a + b} for planes of the same size. */
	static DoublePlane add( final DoublePlane a, final DoublePlane b )
	{
		final double[] out = new double[ a.data.length ];
		for ( int i = 0; i < out.length; i++ )
			out[ i ] = a.data[ i ] + b.data[ i ];
		return new DoublePlane( a.width, a.height, out );
	}

	/** A {@code w x h} crop with its top-left corner at ({@code x0}, {@code y0}), copied. */
	public static DoublePlane crop( final DoublePlane in, final int x0, final int y0, final int w, final int h )
	{
		final double[] out = new double[ w * h ];
		for ( int y = 0; y < h; y++ )
			System.arraycopy( in.data, ( y0 + y ) * in.width + x0, out, y * w, w );
		return new DoublePlane( w, h, out );
	}
}
