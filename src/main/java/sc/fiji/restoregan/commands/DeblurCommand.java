package sc.fiji.restoregan.commands;

import java.io.File;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.WindowManager;

import net.imglib2.type.numeric.RealType;

import sc.fiji.restoregan.degrade.Kernel;
import sc.fiji.restoregan.degrade.KnownDegradation;
import sc.fiji.restoregan.degrade.PsfSpec;
import sc.fiji.restoregan.io.PixelSizes;
import sc.fiji.restoregan.io.PsfFiles;
import sc.fiji.restoregan.model.Task;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * {@code Plugins>Restore>Deblur}: removes defocus, optical and motion blur
 * with the shipped deblurring generators (or a model of the user's). Without
 * a PSF the blind model runs; with one (a Gaussian, defocus disk or widefield
 * model of given size, or a measured PSF image) the model that deconvolves
 * with it ({@link Task#DEBLUR_WITH_PSF}). A widefield PSF can also be
 * computed from the objective's numerical aperture, the emission wavelength
 * and the pixel size, which the dialog reads from the active image's
 * calibration when it has one.
 *
 * @param <T> the input's pixel type
 */
@Plugin( type = Command.class, menuPath = "Plugins>Restore>Deblur", headless = true, label = "Deblur", description = "Remove defocus, optical (widefield) and motion blur with a trained generator, blind or with a known PSF." )
public class DeblurCommand< T extends RealType< T > > extends AbstractRestoreCommand< T >
{
	/** The PSF choice for a blind restoration. */
	static final String NO_PSF = "none (blind)";

	/** The PSF choice that reads a PSF image file. */
	static final String PSF_FILE = "PSF image file";

	/** The PSF choice that computes a widefield PSF from NA, wavelength and pixel size. */
	static final String OPTICS = "Widefield from optics";

	@Parameter( label = "PSF", choices = { NO_PSF, "Gaussian", "Defocus disk", "Widefield", OPTICS, PSF_FILE }, persist = false,
			description = "The point-spread function the image was blurred with, if known: the deblurring network then deconvolves with it, which is more accurate than deblurring blind." )
	private String psfType = NO_PSF;

	@Parameter( label = "PSF size (px)", min = "0", stepSize = "0.1", persist = false,
			description = "Gaussian: sigma. Defocus disk: radius. Widefield: radius of the first dark ring of the Airy pattern (0.61 wavelength / NA, in pixels)." )
	private double psfSize = 2;

	@Parameter( label = "Widefield defocus (waves)", min = "0", stepSize = "0.1", persist = false, description = "Widefield and widefield from optics: defocus at the pupil edge, in waves." )
	private double psfDefocus = 0;

	@Parameter( label = "Numerical aperture", min = "0.05", max = "1.7", stepSize = "0.05", description = "Widefield from optics: the objective's NA." )
	private double numericalAperture = 1.4;

	@Parameter( label = "Emission wavelength (nm)", min = "200", max = "2000", description = "Widefield from optics: the emission wavelength." )
	private double wavelength = 520;

	@Parameter( label = "Pixel size (nm)", min = "0", persist = false, initializer = "initPixelSize",
			description = "Widefield from optics: the pixel size in the sample, in nm; read from the active image's calibration when it is in nm, µm or mm." )
	private double pixelSize = 100;

	@Parameter( label = "PSF image file", required = false, persist = false, description = "PSF image file only: a measured or computed PSF (of a 3D PSF, the in-focus plane; centred on its centroid, normalised)." )
	private File psfFile;

	@Override
	protected Task task()
	{
		return Task.DEBLUR;
	}

	@Override
	protected KnownDegradation known()
	{
		return KnownDegradation.NONE.withPsf( psf() );
	}

	private Kernel psf()
	{
		switch ( psfType == null ? NO_PSF : psfType )
		{
		case NO_PSF:
			return null;
		case PSF_FILE:
			if ( psfFile == null )
				throw new RestoreException( "Choose the PSF image file, or another PSF." );
			return PsfFiles.read( psfFile.toPath() );
		case "Gaussian":
			return named( "gaussian", psfSize );
		case "Defocus disk":
			return named( "defocus", psfSize );
		case "Widefield":
			return named( "widefield", psfSize, psfDefocus );
		case OPTICS:
			return named( "optics", numericalAperture, wavelength, pixelSize, psfDefocus );
		default:
			throw new RestoreException( "Unknown PSF '" + psfType + "'." );
		}
	}

	/** {@link PsfSpec#of}, its complaint as a message for the user. */
	private static Kernel named( final String kind, final double... sizes )
	{
		try
		{
			return PsfSpec.of( kind, sizes );
		}
		catch ( final IllegalArgumentException e )
		{
			throw new RestoreException( e.getMessage() + "." );
		}
	}

	/**
	 * Sets the PSF as the dialog does.
	 *
	 * @param type one of the dialog's choices: "none (blind)", "Gaussian",
	 *            "Defocus disk", "Widefield" (a file needs {@link #setPsfFile})
	 * @param size sigma, disk radius or Airy radius in pixels
	 * @param defocus widefield defocus in waves
	 */
	public void setPsf( final String type, final double size, final double defocus )
	{
		psfType = type;
		psfSize = size;
		psfDefocus = defocus;
	}

	/**
	 * Sets a widefield PSF computed from the optics, as the dialog's
	 * "Widefield from optics" does.
	 *
	 * @param na the objective's numerical aperture
	 * @param wavelengthNm emission wavelength, nm
	 * @param pixelSizeNm pixel size in the sample, nm
	 * @param defocus defocus in waves
	 */
	public void setOpticsPsf( final double na, final double wavelengthNm, final double pixelSizeNm, final double defocus )
	{
		psfType = OPTICS;
		numericalAperture = na;
		wavelength = wavelengthNm;
		pixelSize = pixelSizeNm;
		psfDefocus = defocus;
	}

	/** The pixel size from the active image's calibration, when it has one in a length unit. */
	void initPixelSize()
	{
		PixelSizes.nanometres( WindowManager.getCurrentImage() ).ifPresent( nm -> pixelSize = nm );
	}

	/** Sets a PSF image file as the PSF. */
	public void setPsfFile( final File file )
	{
		psfType = PSF_FILE;
		psfFile = file;
	}
}
