package sc.fiji.restoregan.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import ij.ImagePlus;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.restoregan.bridge.Planes;
import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.sisr.SingleImageModel;
import sc.fiji.restoregan.sisr.SingleImageSr;
import sc.fiji.restoregan.sisr.SisrMethod;
import sc.fiji.restoregan.sisr.SisrPreset;
import sc.fiji.restoregan.sisr.SisrSettings;
import sc.fiji.restoregan.sisr.TrainingSession;

/**
 * {@code sisr}: single-image super-resolution trained on the input itself
 * (ZSSR, SinGAN, InGAN), or a saved model re-applied.
 */
@Command( name = "sisr", mixinStandardHelpOptions = true, subcommands = SisrBenchCommand.class,
		description = { "Single-image super-resolution: train ZSSR, SinGAN or InGAN on the input image itself and upscale it (or retarget it, InGAN),",
				"or re-apply a saved model (--model). Training uses one plane (--plane); the model is applied to every plane." } )
final class SisrCommand implements Callable< Integer >
{
	@Spec
	CommandSpec spec;

	@Option( names = "--method", description = "zssr, singan or ingan (not with --model)." )
	String method;

	@Option( names = "--model", description = "A saved model folder to apply (and, with --continue, to train further)." )
	Path model;

	@Option( names = "--continue", description = "With --model: train the saved model further on the input before applying it." )
	boolean resume;

	@Option( names = "--input", description = "Input image (TIFF, PNG, JPEG); required." )
	Path input;

	@Option( names = "--output", description = "Output 32-bit TIFF; required." )
	Path output;

	@Option( names = "--scale", defaultValue = "2", description = "Super-resolution factor. Default: ${DEFAULT-VALUE}." )
	double scale;

	@Option( names = "--preset", defaultValue = "fast", description = "fast, balanced or quality. Default: ${DEFAULT-VALUE}." )
	String preset;

	@Option( names = "--save-model", description = "Save the trained model to this folder." )
	Path saveModel;

	@Option( names = "--seed", description = "Random seed. Default: 42." )
	Long seed;

	@Option( names = "--plane", defaultValue = "0", description = "Plane of a stack to train on (0-based, in file order). Default: ${DEFAULT-VALUE}." )
	long plane;

	@Option( names = "--iterations", description = "Training updates (ZSSR and InGAN: in all; SinGAN: per scale). Default: the preset's." )
	Integer iterations;

	@Option( names = "--net-width", description = "Network width (filters). Default: the preset's." )
	Integer netWidth;

	@Option( names = "--lr", description = "Learning rate. Default: the preset's." )
	Double learningRate;

	@Option( names = "--scales", description = "SinGAN: pyramid scales; InGAN: discriminator scales. Default: from the image size." )
	Integer scales;

	@Option( names = "--noise", description = "SinGAN: noise amplitude factor; InGAN: input noise; ZSSR: noise added to training inputs. Default: the preset's." )
	Double noise;

	@Option( names = "--recon-weight", description = "SinGAN / InGAN reconstruction weight. Default: the preset's." )
	Double reconstructionWeight;

	@Option( names = "--gradient-penalty", description = "SinGAN: weight of the gradient penalty (0.1; 0 = none). Default: the preset's." )
	Double gradientPenalty;

	@Option( names = "--width", description = "InGAN: output width for retargeting." )
	Integer width;

	@Option( names = "--height", description = "InGAN: output height for retargeting." )
	Integer height;

	@Option( names = "--detail", description = "SinGAN: share of the generator's added detail kept at each upscaling pass, 0 (bicubic) to 1 (SinGAN); also overrides a saved model's. Default: the preset's." )
	Double detail;

	@Option( names = "--samples", defaultValue = "0", description = "SinGAN: also write this many random samples at the trained size (OUTPUT-sample-N.tif). Default: ${DEFAULT-VALUE}." )
	int samples;

	@Override
	public Integer call() throws Exception
	{
		if ( input == null || output == null )
			throw new ParameterException( spec.commandLine(), "Missing --input or --output" );
		final ImagePlus opened = ImageFiles.open( input );
		final Img< ? extends RealType< ? > > image = ImageFiles.wrap( opened );
		if ( plane < 0 || plane >= Planes.count( image ) )
			throw new RestoreException( "--plane " + plane + " is outside the image's " + Planes.count( image ) + " planes" );
		final TrainingSession session = ConsoleTraining.session( System.err );
		SingleImageModel trained = null;
		try
		{
			if ( model != null )
			{
				if ( method != null )
					throw new ParameterException( spec.commandLine(), "Give either --method (train a new model) or --model (apply a saved one), not both" );
				trained = SingleImageSr.load( model );
				if ( detail != null )
					trained.settings().detail = detail;
				if ( resume )
					trained = SingleImageSr.resume( trained, Planes.plane( image, plane ), session );
			}
			else
			{
				if ( method == null )
					throw new ParameterException( spec.commandLine(), "Missing --method (zssr, singan or ingan) or --model" );
				trained = SingleImageSr.train( Planes.plane( image, plane ), settings(), session );
			}
			System.out.println( String.format( Locale.ROOT, "Trained %s for %d updates", trained.settings().method, trained.trainedIterations() ) );
			if ( saveModel != null )
			{
				trained.save( saveModel );
				System.out.println( "Saved model to " + saveModel );
			}
			final Img< FloatType > out = apply( trained, image );
			ImageFiles.writeFloatTiff( out, output, opened );
			System.out.println( "Wrote " + output + " (" + out.dimension( 0 ) + "x" + out.dimension( 1 ) + ")" );
			RandomSampleFiles.write( trained, samples, image, plane, output, trained.settings().seed );
		}
		finally
		{
			if ( trained != null )
				trained.close();
		}
		return 0;
	}

	private SisrSettings settings()
	{
		final SisrSettings s = SisrSettings.of( SisrMethod.parse( method ), SisrPreset.parse( preset ), scale );
		if ( seed != null )
			s.seed = seed;
		if ( iterations != null )
			s.iterations = iterations;
		if ( netWidth != null )
			s.width = netWidth;
		if ( learningRate != null )
			s.learningRate = learningRate;
		if ( scales != null )
			s.scales = scales;
		if ( noise != null )
			s.noiseAmplitude = noise;
		if ( reconstructionWeight != null )
			s.reconstructionWeight = reconstructionWeight;
		if ( gradientPenalty != null )
			s.gradientPenalty = gradientPenalty;
		if ( detail != null )
			s.detail = detail;
		if ( width != null )
			s.outWidth = width;
		if ( height != null )
			s.outHeight = height;
		return s;
	}

	@SuppressWarnings( { "unchecked", "rawtypes" } )
	private static Img< FloatType > apply( final SingleImageModel model, final Img< ? extends RealType< ? > > image )
	{
		return SingleImageSr.apply( model, ( RandomAccessibleInterval ) image, new ConsoleProgress( System.err ) );
	}
}
