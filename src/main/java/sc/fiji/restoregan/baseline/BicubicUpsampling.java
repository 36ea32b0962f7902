package sc.fiji.restoregan.baseline;

import sc.fiji.restoregan.metrics.BicubicResize;
import sc.fiji.restoregan.metrics.DoublePlane;

/**
 * Bicubic interpolation by an integer factor, as MATLAB's
 * {@code imresize(im, scale)} ({@link BicubicResize}: Keys' cubic with
 * a = -0.5, symmetric borders). Output pixel centres follow the
 * block-averaging geometry of the degradation: low-resolution pixel
 * {@code i} covers high-resolution pixels {@code scale i} to
 * {@code scale i + scale - 1}. It has no setting to tune.
 */
public final class BicubicUpsampling
{
	private BicubicUpsampling()
	{}

	/** The {@code (scale width) x (scale height)} upsampled image. */
	public static float[] upsample( final float[] img, final int width, final int height, final int scale )
	{
		if ( scale < 1 )
			throw new IllegalArgumentException( "The factor must be at least 1, not " + scale );
		final double[] d = new double[ img.length ];
		for ( int i = 0; i < d.length; i++ )
			d[ i ] = img[ i ];
		final DoublePlane up = BicubicResize.resize( new DoublePlane( width, height, d ), scale, BicubicResize.Border.SYMMETRIC );
		final float[] out = new float[ up.data.length ];
		for ( int i = 0; i < out.length; i++ )
			out[ i ] = ( float ) up.data[ i ];
		return out;
	}
}
