package sc.fiji.restoregan.metrics;

import java.util.stream.IntStream;

/**
 * Bicubic resizing with antialiasing, as MATLAB's {@code imresize(im, scale)}:
 * Keys' cubic (a = -0.5), widened by {@code 1 / scale} when shrinking, output
 * pixel {@code x} (1-based) centred on input position {@code x / scale + (1 -
 * 1 / scale) / 2}, weights normalised to sum 1, output size {@code
 * ceil(scale * size)}. The two {@link Border}s differ only near the edges.
 */
public final class BicubicResize
{
	/** How taps that fall outside the image are handled. */
	public enum Border
	{
		/** Mirrored with the edge pixel repeated, as MATLAB's {@code imresize}. */
		SYMMETRIC,
		/**
		 * Dropped, the remaining weights renormalised, as Pillow's
		 * {@code Image.resize(..., BICUBIC)} (used by scikit-video's NIQE).
		 */
		TRUNCATE
	}

	private BicubicResize()
	{}

	/**
	 * Resizes a plane by the same factor along X and Y.
	 *
	 * @param scale the factor, for example 0.5
	 */
	public static DoublePlane resize( final DoublePlane in, final double scale, final Border border )
	{
		final int w = ( int ) Math.ceil( scale * in.width ), h = ( int ) Math.ceil( scale * in.height );
		return resize( in, w, h, scale, scale, border );
	}

	/**
	 * Resizes a plane to {@code width x height}, as MATLAB's {@code imresize(im,
	 * [height width])}: the factor along each axis is output size / input size.
	 */
	public static DoublePlane resize( final DoublePlane in, final int width, final int height, final Border border )
	{
		return resize( in, width, height, width / ( double ) in.width, height / ( double ) in.height, border );
	}

	/**
	 * The resize along one axis as a dense {@code outSize x inSize} matrix
	 * (row-major): output = matrix x input. Used to resize tensors inside a
	 * network with the same operator (matrix products are differentiable).
	 */
	public static float[] matrix( final int inSize, final int outSize, final Border border )
	{
		final Taps taps = taps( inSize, outSize, outSize / ( double ) inSize, border );
		final float[] m = new float[ outSize * inSize ];
		for ( int o = 0; o < outSize; o++ )
			for ( int k = 0; k < taps.count; k++ )
				m[ o * inSize + taps.index[ o ][ k ] ] += ( float ) taps.weight[ o ][ k ];
		return m;
	}

	private static DoublePlane resize( final DoublePlane in, final int w, final int h, final double sx, final double sy, final Border border )
	{
		final Taps tx = taps( in.width, w, sx, border ), ty = taps( in.height, h, sy, border );
		final double[] rows = new double[ w * in.height ];
		IntStream.range( 0, in.height ).parallel().forEach( y -> {
			for ( int x = 0; x < w; x++ )
			{
				double s = 0;
				for ( int k = 0; k < tx.count; k++ )
					s += tx.weight[ x ][ k ] * in.data[ y * in.width + tx.index[ x ][ k ] ];
				rows[ y * w + x ] = s;
			}
		} );
		final double[] out = new double[ w * h ];
		IntStream.range( 0, h ).parallel().forEach( y -> {
			for ( int k = 0; k < ty.count; k++ )
			{
				final double c = ty.weight[ y ][ k ];
				final int o = ty.index[ y ][ k ] * w;
				for ( int x = 0; x < w; x++ )
					out[ y * w + x ] += c * rows[ o + x ];
			}
		} );
		return new DoublePlane( w, h, out );
	}

	/** Per output pixel, the input indices and weights (unused taps have weight 0). */
	private static final class Taps
	{
		final int count;

		final int[][] index;

		final double[][] weight;

		Taps( final int outSize, final int count )
		{
			this.count = count;
			index = new int[ outSize ][ count ];
			weight = new double[ outSize ][ count ];
		}
	}

	/** MATLAB's {@code contributions()} for the cubic kernel. */
	private static Taps taps( final int inSize, final int outSize, final double scale, final Border border )
	{
		final double widen = scale < 1 ? scale : 1;
		final double kernelWidth = 4 / widen;
		final int count = ( int ) Math.ceil( kernelWidth ) + 2;
		final Taps taps = new Taps( outSize, count );
		for ( int x = 1; x <= outSize; x++ )
		{
			final double u = x / scale + 0.5 * ( 1 - 1 / scale );
			final int left = ( int ) Math.floor( u - kernelWidth / 2 );
			double sum = 0;
			for ( int k = 0; k < count; k++ )
			{
				final int i = left + k;
				double wgt = widen * cubic( widen * ( u - i ) );
				int idx = i - 1;
				if ( idx < 0 || idx >= inSize )
				{
					if ( border == Border.TRUNCATE )
						wgt = 0;
					idx = symmetric( idx, inSize );
				}
				taps.index[ x - 1 ][ k ] = idx;
				taps.weight[ x - 1 ][ k ] = wgt;
				sum += wgt;
			}
			for ( int k = 0; k < count; k++ )
				taps.weight[ x - 1 ][ k ] /= sum;
		}
		return taps;
	}

	/** Keys' cubic convolution kernel with a = -0.5. */
	static double cubic( final double x )
	{
		final double a = Math.abs( x ), a2 = a * a, a3 = a2 * a;
		if ( a <= 1 )
			return 1.5 * a3 - 2.5 * a2 + 1;
		if ( a <= 2 )
			return -0.5 * a3 + 2.5 * a2 - 4 * a + 2;
		return 0;
	}

	/** A 0-based index mirrored into [0, n) with the edge repeated. */
	private static int symmetric( final int i, final int n )
	{
		final int m = Math.floorMod( i, 2 * n );
		return m < n ? m : 2 * n - 1 - m;
	}
}
