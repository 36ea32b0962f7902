package sc.fiji.restoregan.degrade;

import java.util.Random;

/**
 * One physical degradation of a 2D image, with fixed parameters.
 * <p>
 * Images are row-major {@code float[]} planes (X fastest) in the clean
 * image's units, where 1 is the brightness of bright structure (photon
 * counts, for example, are given relative to it). Every random choice comes
 * from the {@link Random} passed in, so the same generator state gives the
 * same output. Implementations never modify their input and keep every value
 * finite. Degradations compose with {@link Composite}.
 * </p>
 */
public interface Degradation
{
	/**
	 * A degraded copy of {@code img}.
	 *
	 * @param img {@code width * height} values, row-major; not modified
	 * @param width image width in pixels
	 * @param height image height in pixels
	 * @param rnd the only source of randomness
	 * @return {@code (width / scale()) * (height / scale())} values
	 */
	float[] apply( float[] img, int width, int height, Random rnd );

	/**
	 * The integer factor by which this degradation shrinks each side (1
	 * unless it lowers the resolution); outputs are
	 * {@code floor(side / scale())} pixels wide.
	 */
	default int scale()
	{
		return 1;
	}

	/** The degradation and its parameters in one line, for logs and pair lists. */
	String describe();

	/**
	 * The point-spread function this degradation blurs with, which a
	 * deconvolution given the PSF may know: null for none.
	 */
	default Kernel psf()
	{
		return null;
	}

	/**
	 * The direction of the stripes or streaks this degradation draws,
	 * degrees from +X towards +Y, which a destriping filter may know: NaN for
	 * none.
	 */
	default double direction()
	{
		return Double.NaN;
	}
}
