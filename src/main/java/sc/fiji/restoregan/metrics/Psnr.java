package sc.fiji.restoregan.metrics;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;

/**
 * Peak signal-to-noise ratio, {@code 10 log10(R^2 / MSE)}, as scikit-image's
 * {@code peak_signal_noise_ratio}. The data range R defaults to the
 * reference's maximum minus its minimum.
 */
public final class Psnr
{
	private Psnr()
	{}

	/** PSNR in dB with the data range taken from the reference (max - min). */
	public static double compute( final RandomAccessibleInterval< ? extends RealType< ? > > reference, final RandomAccessibleInterval< ? extends RealType< ? > > test )
	{
		return compute( reference, test, dataRange( reference ) );
	}

	/**
	 * PSNR in dB.
	 *
	 * @param dataRange R, the span of possible values
	 * @throws IllegalArgumentException if the sizes differ
	 */
	public static double compute( final RandomAccessibleInterval< ? extends RealType< ? > > reference, final RandomAccessibleInterval< ? extends RealType< ? > > test, final double dataRange )
	{
		return fromMse( mse( reference, test ), dataRange );
	}

	/** PSNR in dB of a known mean squared error: {@code 10 log10(R^2 / MSE)}. */
	public static double fromMse( final double mse, final double dataRange )
	{
		return 10 * Math.log10( dataRange * dataRange / mse );
	}

	/**
	 * PSNR of two row-major {@code width x height} float images.
	 *
	 * @param dataRange R, the span of possible values
	 */
	public static double compute( final float[] reference, final float[] test, final int width, final int height, final double dataRange )
	{
		return compute( ArrayImgs.floats( reference, width, height ), ArrayImgs.floats( test, width, height ), dataRange );
	}

	/** Mean squared difference of two images of equal size. */
	public static double mse( final RandomAccessibleInterval< ? extends RealType< ? > > a, final RandomAccessibleInterval< ? extends RealType< ? > > b )
	{
		Inputs.requireSameSize( a, b );
		final double[] sum = new double[ 1 ];
		LoopBuilder.setImages( a, b ).forEachPixel( ( x, y ) -> {
			final double d = x.getRealDouble() - y.getRealDouble();
			sum[ 0 ] += d * d;
		} );
		return sum[ 0 ] / Intervals.numElements( a );
	}

	/** Maximum minus minimum of an image. */
	public static double dataRange( final RandomAccessibleInterval< ? extends RealType< ? > > image )
	{
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for ( final RealType< ? > t : image )
		{
			final double v = t.getRealDouble();
			min = Math.min( min, v );
			max = Math.max( max, v );
		}
		return max - min;
	}
}
