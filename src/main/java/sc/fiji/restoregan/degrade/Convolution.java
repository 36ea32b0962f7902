package sc.fiji.restoregan.degrade;

import sc.fiji.restoregan.filter.GaussianBlur;

/**
 * Direct 2D convolution with a {@link Kernel} and mirror borders (as
 * {@link GaussianBlur}). Only the non-zero kernel weights are visited, so
 * thin motion-blur kernels are cheap; a kernel that sums to 1 conserves the
 * total intensity up to border effects.
 */
public final class Convolution
{
	private Convolution()
	{}

	/**
	 * The convolution {@code out(x) = sum_u k(u) img(x - u)} of a row-major
	 * {@code width x height} image.
	 */
	public static float[] apply( final float[] img, final int width, final int height, final Kernel kernel )
	{
		final int r = kernel.radius(), pw = width + 2 * r;
		final float[] padded = new float[ pw * ( height + 2 * r ) ];
		for ( int y = -r; y < height + r; y++ )
		{
			final int sy = GaussianBlur.mirror( y, height );
			for ( int x = -r; x < width + r; x++ )
				padded[ ( y + r ) * pw + x + r ] = img[ sy * width + GaussianBlur.mirror( x, width ) ];
		}
		final double[] acc = new double[ width * height ];
		for ( int dy = -r; dy <= r; dy++ )
			for ( int dx = -r; dx <= r; dx++ )
			{
				final float w = kernel.at( dx, dy );
				if ( w == 0 )
					continue;
				for ( int y = 0; y < height; y++ )
				{
					final int src = ( y - dy + r ) * pw + r - dx, dst = y * width;
					for ( int x = 0; x < width; x++ )
						acc[ dst + x ] += w * padded[ src + x ];
				}
			}
		final float[] out = new float[ acc.length ];
		for ( int i = 0; i < out.length; i++ )
			out[ i ] = ( float ) acc[ i ];
		return out;
	}
}
