package sc.fiji.restoregan.metrics;

import java.util.stream.IntStream;

/**
 * Separable 2D correlation of {@link DoublePlane}s with a symmetric 1D
 * kernel, row-parallel: the 'valid' region (MATLAB's {@code filter2(w, x,
 * 'valid')}) or a same-size output with replicated borders (MATLAB's
 * {@code imfilter(x, w, 'replicate')}).
 */
public final class Separable
{
	private Separable()
	{}

	/**
	 * The normalised Gaussian kernel of {@code size} taps, as MATLAB's
	 * {@code fspecial('gaussian', size, sigma)} along one axis (the 2D kernel
	 * is the outer product of this one with itself).
	 */
	public static double[] gaussian( final int size, final double sigma )
	{
		final double[] k = new double[ size ];
		final double c = ( size - 1 ) / 2.0;
		double sum = 0;
		for ( int i = 0; i < size; i++ )
			sum += k[ i ] = Math.exp( -( i - c ) * ( i - c ) / ( 2 * sigma * sigma ) );
		for ( int i = 0; i < size; i++ )
			k[ i ] /= sum;
		return k;
	}

	/**
	 * The 'valid' correlation: an output of {@code (width - n + 1) x (height -
	 * n + 1)} pixels for a kernel of {@code n} taps.
	 */
	public static DoublePlane valid( final DoublePlane in, final double[] kernel )
	{
		final int n = kernel.length, w = in.width - n + 1, h = in.height - n + 1;
		if ( w < 1 || h < 1 )
			throw new IllegalArgumentException( "A " + in.width + "x" + in.height + " plane is smaller than the " + n + "x" + n + " window" );
		final double[] rows = new double[ w * in.height ];
		IntStream.range( 0, in.height ).parallel().forEach( y -> {
			final int o = y * in.width;
			for ( int x = 0; x < w; x++ )
			{
				double s = 0;
				for ( int i = 0; i < n; i++ )
					s += kernel[ i ] * in.data[ o + x + i ];
				rows[ y * w + x ] = s;
			}
		} );
		final double[] out = new double[ w * h ];
		IntStream.range( 0, h ).parallel().forEach( y -> {
			for ( int i = 0; i < n; i++ )
			{
				final double k = kernel[ i ];
				final int o = ( y + i ) * w;
				for ( int x = 0; x < w; x++ )
					out[ y * w + x ] += k * rows[ o + x ];
			}
		} );
		return new DoublePlane( w, h, out );
	}

	/**
	 * The same-size correlation with replicated borders (pixels beyond an edge
	 * take the edge's value), for a kernel of odd length.
	 */
	public static DoublePlane replicate( final DoublePlane in, final double[] kernel )
	{
		final int n = kernel.length, r = n / 2, w = in.width, h = in.height;
		final double[] rows = new double[ w * h ];
		IntStream.range( 0, h ).parallel().forEach( y -> {
			final int o = y * w;
			for ( int x = 0; x < w; x++ )
			{
				double s = 0;
				for ( int i = 0; i < n; i++ )
					s += kernel[ i ] * in.data[ o + clamp( x + i - r, w ) ];
				rows[ o + x ] = s;
			}
		} );
		final double[] out = new double[ w * h ];
		IntStream.range( 0, h ).parallel().forEach( y -> {
			for ( int i = 0; i < n; i++ )
			{
				final double k = kernel[ i ];
				final int o = clamp( y + i - r, h ) * w;
				for ( int x = 0; x < w; x++ )
					out[ y * w + x ] += k * rows[ o + x ];
			}
		} );
		return new DoublePlane( w, h, out );
	}

	private static int clamp( final int i, final int n )
	{
		return i < 0 ? 0 : i >= n ? n - 1 : i;
	}
}
