package sc.fiji.restoregan.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.measure.Calibration;

/** Pixel sizes in nanometres from ImageJ calibrations. */
class PixelSizesTest
{
	private static Calibration calibration( final double width, final double height, final String unit )
	{
		final Calibration c = new Calibration();
		c.pixelWidth = width;
		c.pixelHeight = height;
		c.setUnit( unit );
		return c;
	}

	@Test
	void lengthUnitsBecomeNanometres()
	{
		assertEquals( 65, PixelSizes.nanometres( calibration( 0.065, 0.065, "µm" ) ).getAsDouble(), 1e-9 );
		assertEquals( 65, PixelSizes.nanometres( calibration( 0.065, 0.065, "micron" ) ).getAsDouble(), 1e-9 );
		assertEquals( 108, PixelSizes.nanometres( calibration( 108, 108, "nm" ) ).getAsDouble(), 1e-9 );
		assertEquals( 2000, PixelSizes.nanometres( calibration( 0.002, 0.002, "mm" ) ).getAsDouble(), 1e-9 );
	}

	/** Uncalibrated images, non-square pixels and units no microscope uses give nothing. */
	@Test
	void otherCalibrationsGiveNothing()
	{
		assertTrue( PixelSizes.nanometres( new Calibration() ).isEmpty() );
		assertTrue( PixelSizes.nanometres( calibration( 0.1, 0.2, "µm" ) ).isEmpty() );
		assertTrue( PixelSizes.nanometres( calibration( 1, 1, "inch" ) ).isEmpty() );
		assertTrue( PixelSizes.nanometres( ( ImagePlus ) null ).isEmpty() );
		final ImagePlus image = new ImagePlus( "calibrated", new ij.process.ByteProcessor( 4, 4 ) );
		image.setCalibration( calibration( 0.1, 0.1, "um" ) );
		assertEquals( 100, PixelSizes.nanometres( image ).getAsDouble(), 1e-9 );
	}
}
