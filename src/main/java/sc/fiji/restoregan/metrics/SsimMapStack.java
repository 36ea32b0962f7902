package sc.fiji.restoregan.metrics;

import java.util.Map;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.FloatProcessor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.restoregan.bridge.Planes;

/**
 * The {@link Ssim#map SSIM maps} of several images against one reference, as
 * a 32-bit ImageJ stack: one slice per plane of each image, labelled with its
 * name, each {@code (width - 10) x (height - 10)} (pixel (0, 0) is centred on
 * image pixel (5, 5)), display range 0..1.
 */
public final class SsimMapStack
{
	private SsimMapStack()
	{}

	/**
	 * Builds the stack.
	 *
	 * @param images the restored images by name, in order, each the size of
	 *            the reference
	 */
	public static ImagePlus of( final RandomAccessibleInterval< ? extends RealType< ? > > reference, final Map< String, ? extends RandomAccessibleInterval< ? extends RealType< ? > > > images,
			final double dataRange )
	{
		final int w = ( int ) reference.dimension( 0 ) - Ssim.WINDOW + 1, h = ( int ) reference.dimension( 1 ) - Ssim.WINDOW + 1;
		final ImageStack stack = new ImageStack( w, h );
		final long planes = Planes.count( reference );
		for ( final Map.Entry< String, ? extends RandomAccessibleInterval< ? extends RealType< ? > > > e : images.entrySet() )
		{
			final ArrayImg< FloatType, FloatArray > map = Ssim.map( reference, e.getValue(), dataRange );
			final float[] all = map.update( null ).getCurrentStorageArray();
			for ( int p = 0; p < planes; p++ )
			{
				final float[] slice = new float[ w * h ];
				System.arraycopy( all, p * w * h, slice, 0, w * h );
				stack.addSlice( planes == 1 ? e.getKey() : e.getKey() + " plane " + ( p + 1 ), new FloatProcessor( w, h, slice ) );
			}
		}
		final ImagePlus imp = new ImagePlus( "SSIM map", stack );
		imp.setDisplayRange( 0, 1 );
		return imp;
	}
}
