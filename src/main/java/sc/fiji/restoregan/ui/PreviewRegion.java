package sc.fiji.restoregan.ui;

import java.awt.Rectangle;

import sc.fiji.restoregan.metrics.DoublePlane;

/**
 * Which part of an image the training window previews: the user's selection
 * if there is one, else a central square crop, clipped to the image, with
 * sides rounded down to a multiple the network needs.
 */
public final class PreviewRegion
{
	/** The side of the default central crop, px. */
	public static final int DEFAULT_SIZE = 128;

	private PreviewRegion()
	{}

	/**
	 * The region to preview.
	 *
	 * @param width the image's width
	 * @param height the image's height
	 * @param roi the selection's bounds, or null
	 * @param multiple sides are rounded down to a multiple of this (at least one multiple)
	 */
	public static Rectangle choose( final int width, final int height, final Rectangle roi, final int multiple )
	{
		final Rectangle r = roi != null && !roi.isEmpty() ? roi.intersection( new Rectangle( width, height ) )
				: new Rectangle( ( width - Math.min( width, DEFAULT_SIZE ) ) / 2, ( height - Math.min( height, DEFAULT_SIZE ) ) / 2,
						Math.min( width, DEFAULT_SIZE ), Math.min( height, DEFAULT_SIZE ) );
		if ( r.isEmpty() )
			return choose( width, height, null, multiple );
		final int w = Math.min( width, Math.max( multiple, r.width / multiple * multiple ) );
		final int h = Math.min( height, Math.max( multiple, r.height / multiple * multiple ) );
		return new Rectangle( Math.min( r.x, width - w ), Math.min( r.y, height - h ), w, h );
	}

	/** The region of a plane, copied. */
	public static DoublePlane crop( final DoublePlane plane, final Rectangle region )
	{
		final double[] out = new double[ region.width * region.height ];
		for ( int y = 0; y < region.height; y++ )
			System.arraycopy( plane.data, ( region.y + y ) * plane.width + region.x, out, y * region.width, region.width );
		return new DoublePlane( region.width, region.height, out );
	}
}
