package sc.fiji.restoregan.filter;

/**
 * Area-mean resizing of a plane to a smaller grid: each output pixel the
 * mean of the input pixels whose centres fall in it; where none do (an
 * output axis longer than the input's), the input pixel nearest its centre.
 */
public final class AreaMean
{
	private AreaMean()
	{}

	/**
	 * {@code plane} ({@code width x height}, row-major) averaged down to
	 * {@code outWidth x outHeight}.
	 */
	public static float[] resize( final float[] plane, final int width, final int height, final int outWidth, final int outHeight )
	{
		final float[] out = new float[ outWidth * outHeight ];
		final int[] count = new int[ outWidth * outHeight ];
		for ( int y = 0; y < height; y++ )
		{
			final int row = ( int ) ( ( y + 0.5 ) * outHeight / height ) * outWidth;
			for ( int x = 0; x < width; x++ )
			{
				final int c = row + ( int ) ( ( x + 0.5 ) * outWidth / width );
				out[ c ] += plane[ y * width + x ];
				count[ c ]++;
			}
		}
		for ( int c = 0; c < out.length; c++ )
			out[ c ] = count[ c ] > 0 ? out[ c ] / count[ c ] : plane[ ( int ) ( ( c / outWidth + 0.5 ) * height / outHeight ) * width + ( int ) ( ( c % outWidth + 0.5 ) * width / outWidth ) ];
		return out;
	}
}
