package sc.fiji.restoregan.filter;

/**
 * Bilinear upsampling of a small plane whose pixels each cover a
 * {@code factorX x factorY} block of a larger one (pixel centres aligned,
 * edges clamped): how a field estimated on block averages is brought back to
 * full size.
 */
public final class Bilinear
{
	private Bilinear()
	{}

	/**
	 * The {@code width x height} plane that {@code small} ({@code sw x sh},
	 * row-major) samples, each small pixel spanning {@code factorX} by
	 * {@code factorY} output pixels.
	 */
	public static float[] upsample( final float[] small, final int sw, final int sh, final double factorX, final double factorY, final int width, final int height )
	{
		final float[] out = new float[ width * height ];
		for ( int y = 0; y < height; y++ )
		{
			final double fy = Math.min( Math.max( ( y + 0.5 ) / factorY - 0.5, 0 ), sh - 1 );
			final int y0 = ( int ) fy, y1 = Math.min( y0 + 1, sh - 1 );
			final double ty = fy - y0;
			for ( int x = 0; x < width; x++ )
			{
				final double fx = Math.min( Math.max( ( x + 0.5 ) / factorX - 0.5, 0 ), sw - 1 );
				final int x0 = ( int ) fx, x1 = Math.min( x0 + 1, sw - 1 );
				final double tx = fx - x0;
				final double top = small[ y0 * sw + x0 ] * ( 1 - tx ) + small[ y0 * sw + x1 ] * tx;
				final double bottom = small[ y1 * sw + x0 ] * ( 1 - tx ) + small[ y1 * sw + x1 ] * tx;
				out[ y * width + x ] = ( float ) ( top * ( 1 - ty ) + bottom * ty );
			}
		}
		return out;
	}
}
