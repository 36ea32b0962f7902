package sc.fiji.restoregan.baseline;

import sc.fiji.restoregan.degrade.Kernel;
import sc.fiji.restoregan.degrade.KnownDegradation;

/**
 * A degraded plane with what a classical method may be told about its
 * degradation: the true point-spread function of a blur, the direction of
 * stripes, the low-resolution factor.
 *
 * @param pixels row-major values
 * @param width columns
 * @param height rows
 * @param psf the blur's kernel, or {@code null} if not blurred
 * @param direction stripe or streak direction in degrees from +X towards +Y,
 *            or NaN if none is known
 * @param scale the factor by which the plane is smaller than the clean one
 *            (1 unless low resolution)
 */
public record DegradedPlane( float[] pixels, int width, int height, Kernel psf, double direction, int scale )
{
	/** Checks the size. */
	public DegradedPlane
	{
		if ( width < 1 || height < 1 || pixels.length != width * height || scale < 1 )
			throw new IllegalArgumentException( "A " + width + " x " + height + " plane needs " + width * height + " values, not " + pixels.length );
	}

	/** A plane about whose degradation nothing is known. */
	public static DegradedPlane of( final float[] pixels, final int width, final int height )
	{
		return new DegradedPlane( pixels, width, height, null, Double.NaN, 1 );
	}

	/** What is known of the degradation: the PSF and the stripe direction. */
	public KnownDegradation known()
	{
		return new KnownDegradation( psf, direction );
	}
}
