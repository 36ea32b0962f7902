package sc.fiji.restoregan.baseline;

import java.util.Arrays;

import sc.fiji.restoregan.filter.GaussianBlur;

/** Square median filter on a row-major float image with mirror borders. */
public final class MedianFilter
{
	private MedianFilter()
	{}

	/**
	 * The median over a {@code size x size} window (odd size, for example 3
	 * or 5) around each pixel.
	 */
	public static float[] apply( final float[] img, final int width, final int height, final int size )
	{
		if ( size < 1 || size % 2 == 0 )
			throw new IllegalArgumentException( "Median size must be odd: " + size );
		final int r = size / 2;
		final float[] out = new float[ img.length ], window = new float[ size * size ];
		for ( int y = 0; y < height; y++ )
			for ( int x = 0; x < width; x++ )
			{
				int k = 0;
				for ( int dy = -r; dy <= r; dy++ )
				{
					final int row = GaussianBlur.mirror( y + dy, height ) * width;
					for ( int dx = -r; dx <= r; dx++ )
						window[ k++ ] = img[ row + GaussianBlur.mirror( x + dx, width ) ];
				}
				Arrays.sort( window );
				out[ y * width + x ] = window[ window.length / 2 ];
			}
		return out;
	}
}
