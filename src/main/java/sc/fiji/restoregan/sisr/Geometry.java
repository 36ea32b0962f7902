package sc.fiji.restoregan.sisr;

import sc.fiji.restoregan.metrics.DoublePlane;

/**
 * The eight symmetries of the square (four rotations by 90 degrees, each
 * with and without a mirror), applied to planes: training-pair augmentation
 * and ZSSR's geometric self-ensemble.
 */
public final class Geometry
{
	/** Number of variants. */
	public static final int COUNT = 8;

	private Geometry()
	{}

	/**
	 * Variant {@code k} (0 to 7) of a plane: mirrored along X when {@code k >= 4},
	 * then rotated by {@code k % 4} quarter turns. Variant 0 is the identity.
	 */
	public static DoublePlane apply( final DoublePlane in, final int k )
	{
		DoublePlane p = k >= 4 ? mirror( in ) : in;
		for ( int r = 0; r < k % 4; r++ )
			p = rotate( p );
		return p;
	}

	/** Undoes {@link #apply}: {@code invert(apply(p, k), k)} equals {@code p}. */
	public static DoublePlane invert( final DoublePlane in, final int k )
	{
		DoublePlane p = in;
		for ( int r = 0; r < ( 4 - k % 4 ) % 4; r++ )
			p = rotate( p );
		return k >= 4 ? mirror( p ) : p;
	}

	/** Mirrored along X (columns reversed). */
	static DoublePlane mirror( final DoublePlane in )
	{
		final double[] out = new double[ in.data.length ];
		for ( int y = 0; y < in.height; y++ )
			for ( int x = 0; x < in.width; x++ )
				out[ y * in.width + x ] = in.data[ y * in.width + in.width - 1 - x ];
		return new DoublePlane( in.width, in.height, out );
	}

	/** Rotated by a quarter turn: output (x, y) = input (y, W - 1 - x); width and height swap. */
	static DoublePlane rotate( final DoublePlane in )
	{
		final int w = in.height, h = in.width;
		final double[] out = new double[ in.data.length ];
		for ( int y = 0; y < h; y++ )
			for ( int x = 0; x < w; x++ )
				out[ y * w + x ] = in.data[ x * in.width + ( in.width - 1 - y ) ];
		return new DoublePlane( w, h, out );
	}
}
