package sc.fiji.restoregan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import ij.ImagePlus;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.restoregan.degrade.ArtefactKind;
import sc.fiji.restoregan.degrade.KnownDegradation;
import sc.fiji.restoregan.degrade.PsfSpec;
import sc.fiji.restoregan.device.DeviceChoice;
import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.io.PsfFiles;
import sc.fiji.restoregan.model.Task;
import sc.fiji.restoregan.pipeline.RestoreOptions;
import sc.fiji.restoregan.pipeline.RestoreRunner;

/** {@code restore}: restores an image file into a 32-bit TIFF. */
@Command( name = "restore", mixinStandardHelpOptions = true, description = "Restore an image (TIFF, PNG, JPEG) into a 32-bit TIFF in the input's units, with its calibration (pixel size divided by the scale for super-resolution)." )
final class RestoreCommand implements Callable< Integer >
{
	@Option( names = "--task", required = true, description = "denoise, deblur, dehaze, derain, lighting, sr or auto." )
	String task;

	@Option( names = "--input", required = true, description = "Input image." )
	Path input;

	@Option( names = "--output", required = true, description = "Output TIFF (written to a temporary file, then renamed)." )
	Path output;

	@Option( names = "--model", description = "A shipped model's name or a model folder. Default: the task's model." )
	String model;

	@Option( names = "--scale", defaultValue = "2", description = "With --task sr: output pixels per input pixel, 2 or 4 (picks the sr2 or sr4 model). Default: ${DEFAULT-VALUE}." )
	int scale;

	@Option( names = "--realism", defaultValue = "0", description = "0 (faithful: the L1-trained model) to 1 (sharp: its GAN-trained twin); between, their weights are interpolated. Default: ${DEFAULT-VALUE}." )
	double realism;

	@Option( names = "--device", defaultValue = "auto", description = "auto, cpu or gpu. Default: ${DEFAULT-VALUE}." )
	String device;

	@Option( names = "--tile", defaultValue = "" + RestoreOptions.DEFAULT_TILE, description = "Tile size in pixels. Default: ${DEFAULT-VALUE}." )
	int tile;

	@Option( names = "--overlap", defaultValue = "" + RestoreOptions.DEFAULT_OVERLAP, description = "Tile overlap in pixels. Default: ${DEFAULT-VALUE}." )
	int overlap;

	@Option( names = "--low", defaultValue = "" + RestoreOptions.DEFAULT_LOW, description = "Lower normalisation percentile. Default: ${DEFAULT-VALUE}." )
	double low;

	@Option( names = "--high", defaultValue = "" + RestoreOptions.DEFAULT_HIGH, description = "Upper normalisation percentile. Default: ${DEFAULT-VALUE}." )
	double high;

	@Option( names = "--ensemble", defaultValue = "0", description = "Geometric self-ensemble: restore this many flips and turns of each plane and average them (" + RestoreOptions.ENSEMBLES + "); slower in proportion. 0: the model's own setting at realism 0 (its card's ensemble, `models` lists it), none above. Default: ${DEFAULT-VALUE}." )
	int ensemble;

	@Option( names = "--psf", description = "With --task deblur: the point-spread function the image was blurred with, as a PSF image file or " + PsfSpec.FORMS
			+ "; picks the model that deconvolves with it (" + Task.DEBLUR_WITH_PSF + "). Default: none (the blind model)." )
	String psf;

	@Option( names = "--stripe-direction", description = "With --task derain: the direction of the stripes or streaks in degrees from X towards Y (0: along X, 90: along Y), used instead of the estimate. Default: estimated on each plane." )
	Double stripeDirection;

	@Option( names = "--artefacts", defaultValue = "any", description = "With --task derain: which artefacts the image has: any (streaks, stripes or drops), stripes (light-sheet stripes: picks " + Task.DERAIN_STRIPES + ") or drops (drops or dust: picks " + Task.DERAIN_DROPS + "), each model when it ships. Default: ${DEFAULT-VALUE}." )
	String artefacts;

	@Override
	public Integer call() throws Exception
	{
		final Task t = Task.parse( task );
		final KnownDegradation known = new KnownDegradation( psf == null ? null : PsfFiles.resolve( psf ), stripeDirection == null ? Double.NaN : stripeDirection, ArtefactKind.parse( artefacts ) );
		final String name = model != null ? model : t.defaultModel( t == Task.SR ? scale : 1, known );
		final DeviceChoice choice = DeviceChoice.parse( device );
		final RestoreOptions options = new RestoreOptions( tile, overlap, low, high, ensemble, known );
		final ImagePlus opened = ImageFiles.open( input );
		final Img< ? extends RealType< ? > > image = ImageFiles.wrap( opened );
		final Img< FloatType > restored = restore( image, name, realism, choice, options );
		ImageFiles.writeFloatTiff( restored, output, opened );
		System.out.println( "Wrote " + output );
		return 0;
	}

	@SuppressWarnings( { "unchecked", "rawtypes" } )
	private static Img< FloatType > restore( final Img< ? extends RealType< ? > > image, final String name, final double realism, final DeviceChoice device, final RestoreOptions options )
	{
		return RestoreRunner.restore( ( RandomAccessibleInterval ) image, name, realism, device, options, new ConsoleProgress( System.err ), System.out::println );
	}
}
