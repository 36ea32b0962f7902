package sc.fiji.restoregan.degrade;

import java.util.Random;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import sc.fiji.restoregan.bridge.Planes;
import sc.fiji.restoregan.bridge.TensorBridge;
import sc.fiji.restoregan.normalize.Percentiles;

/**
 * Applies a {@link Degradation} to an ImgLib2 image of any real pixel type
 * (8, 16, 32-bit; stacks, channels, time points), plane by plane, into a new
 * 32-bit image; the input is never modified.
 * <p>
 * Degradations are defined on images whose bright structure is about 1, so
 * the image is divided by its 99.9th percentile (the reference level; 1 if
 * that is not positive) before and multiplied by it after: photon counts
 * refer to the image's bright level and the output keeps the input's
 * units. Plane {@code p} draws its randomness from
 * {@code new Random(seed + p * 0x9E3779B97F4A7C15L)}, so a 2D image uses
 * {@code new Random(seed)}. A degradation that lowers the resolution by
 * {@code s} gives planes of {@code floor(width / s) x floor(height / s)}.
 * </p>
 */
public final class ImageDegrader
{
	/** The percentile taken as the bright level. */
	public static final double REFERENCE_PERCENTILE = 99.9;

	private ImageDegrader()
	{}

	/**
	 * A degraded 32-bit copy of {@code input} (dimensions 0 and 1 are X and
	 * Y; all further dimensions are kept).
	 */
	public static Img< FloatType > apply( final RandomAccessibleInterval< ? extends RealType< ? > > input, final Degradation degradation, final long seed )
	{
		final int w = ( int ) input.dimension( 0 ), h = ( int ) input.dimension( 1 ), s = degradation.scale();
		final long[] dims = input.dimensionsAsLongArray();
		dims[ 0 ] = w / s;
		dims[ 1 ] = h / s;
		if ( dims[ 0 ] < 1 || dims[ 1 ] < 1 )
			throw new IllegalArgumentException( "A " + w + " x " + h + " image is too small to shrink by " + s );
		final double p = Percentiles.of( input, REFERENCE_PERCENTILE )[ 0 ];
		final double reference = p > 0 ? p : 1;
		final PlanarImg< FloatType, FloatArray > out = PlanarImgs.floats( dims );
		final long n = Planes.count( input );
		for ( long i = 0; i < n; i++ )
		{
			final float[] plane = TensorBridge.toArray( Views.zeroMin( Planes.plane( input, i ) ) );
			for ( int k = 0; k < plane.length; k++ )
				plane[ k ] /= reference;
			final float[] result = degradation.apply( plane, w, h, new Random( seed + i * 0x9E3779B97F4A7C15L ) );
			final float[] target = out.getPlane( ( int ) i ).getCurrentStorageArray();
			for ( int k = 0; k < target.length; k++ )
				target[ k ] = ( float ) ( result[ k ] * reference );
		}
		return out;
	}
}
