package sc.fiji.restoregan.baseline;

import sc.fiji.restoregan.degrade.Kernel;
import sc.fiji.restoregan.degrade.KnownDegradation;

/**
 * A degraded plane with what a classical method may be told about its
 * degradation: the true point-spread function of a blur and the direction
 * of stripes ({@link KnownDegradation}), and the low-resolution factor.
 *
 * @param pixels row-major values
 * @param width columns
 * @param height rows
 * @param known the blur's PSF and the stripes' direction, each where there
 *            is one
 * @param scale the factor by which the plane is smaller than the clean one
 *            (1 unless low resolution)
 */
public record DegradedPlane( float[] pixels, int width, int height, KnownDegradation known, int scale )
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
		return new DegradedPlane( pixels, width, height, KnownDegradation.NONE, 1 );
	}

	/** The blur's kernel, or {@code null} if not blurred. */
	public Kernel psf()
	{
		return known.psf();
	}

	/** The stripe or streak direction in degrees from +X towards +Y, or NaN if none is known. */
	public double direction()
	{
		return known.direction();
	}
}
