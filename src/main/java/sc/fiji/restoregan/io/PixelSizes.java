package sc.fiji.restoregan.io;

import java.util.Locale;
import java.util.OptionalDouble;

import ij.ImagePlus;
import ij.measure.Calibration;

/**
 * Pixel sizes from ImageJ calibrations, in nanometres, for PSFs computed
 * from the microscope's optics.
 */
public final class PixelSizes
{
	private PixelSizes()
	{}

	/**
	 * The pixel width of a calibration in nanometres, when its unit is a
	 * length ImageJ writes for microscopy (nm, µm, um, micron, mm) and its
	 * pixels are square; empty otherwise (uncalibrated, or a unit such as
	 * "pixel" or "inch" that no microscope uses).
	 */
	public static OptionalDouble nanometres( final Calibration calibration )
	{
		if ( calibration == null || !calibration.scaled() || Math.abs( calibration.pixelWidth - calibration.pixelHeight ) > 1e-6 * calibration.pixelWidth )
			return OptionalDouble.empty();
		final double factor;
		switch ( calibration.getUnit().trim().toLowerCase( Locale.ROOT ) )
		{
		case "nm":
		case "nanometer":
		case "nanometers":
			factor = 1;
			break;
		case "µm":
		case "\u03bcm":
		case "um":
		case "micron":
		case "microns":
		case "micrometer":
		case "micrometers":
			factor = 1e3;
			break;
		case "mm":
			factor = 1e6;
			break;
		default:
			return OptionalDouble.empty();
		}
		return OptionalDouble.of( calibration.pixelWidth * factor );
	}

	/** {@link #nanometres(Calibration)} of an image, empty for none. */
	public static OptionalDouble nanometres( final ImagePlus image )
	{
		return image == null ? OptionalDouble.empty() : nanometres( image.getCalibration() );
	}
}
