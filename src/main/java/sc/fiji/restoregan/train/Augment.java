package sc.fiji.restoregan.train;

/** The eight flips and 90-degree rotations of a square image. */
public final class Augment
{
	private Augment()
	{}

	/**
	 * One of the 8 symmetries of the square, applied to a row-major
	 * {@code size x size} image.
	 *
	 * @param which 0 to 7: bit 0 flips X, bit 1 flips Y, bit 2 transposes
	 */
	public static float[] apply( final float[] img, final int size, final int which )
	{
		final boolean fx = ( which & 1 ) != 0, fy = ( which & 2 ) != 0, tr = ( which & 4 ) != 0;
		final float[] out = new float[ img.length ];
		for ( int y = 0; y < size; y++ )
			for ( int x = 0; x < size; x++ )
			{
				int sx = fx ? size - 1 - x : x, sy = fy ? size - 1 - y : y;
				if ( tr )
				{
					final int t = sx;
					sx = sy;
					sy = t;
				}
				out[ y * size + x ] = img[ sy * size + sx ];
			}
		return out;
	}
}
