package sc.fiji.restoregan.commands;

import java.io.File;
import java.util.List;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

import sc.fiji.restoregan.degrade.DegradationKind;
import sc.fiji.restoregan.gan.ContentObjective;
import sc.fiji.restoregan.gan.DiscriminatorKind;
import sc.fiji.restoregan.gan.GanConfig;
import sc.fiji.restoregan.gan.GanObjective;
import sc.fiji.restoregan.model.Task;
import sc.fiji.restoregan.nn.GeneratorKind;
import sc.fiji.restoregan.pipeline.CancelledException;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.train.PairSampler;
import sc.fiji.restoregan.train.TrainingConfig;
import sc.fiji.restoregan.ui.GeneratorJob;
import sc.fiji.restoregan.ui.ImageTrainingData;

/**
 * {@code Plugins>Restore>Train generator...}: trains a restoration
 * generator on the user's data, either pairs of open images (an input and
 * its target, the same size, or the target {@code scale} times larger for
 * the sr generator) or a clean image degraded on the fly. Objective
 * {@code none} trains with L1 alone; the GAN objectives add a discriminator.
 * With a display the training window opens (live losses, preview, Stop,
 * Save model..., Apply to image) and the command returns at once; headless
 * or from a macro it trains, saves the model if a folder is given, and
 * returns the input restored by the new model. Inputs are never modified.
 */
@Plugin( type = Command.class, menuPath = "Plugins>Restore>Train generator...", headless = true, label = "Train generator", description = "Train a restoration generator on your pairs or on your clean images with a synthetic degradation." )
public class TrainGeneratorCommand extends ContextCommand
{
	/** The data choice for real pairs. */
	public static final String PAIRS = "pairs (image and target)";

	/** The data choice for synthetic pairs. */
	public static final String SYNTHETIC = "clean image, synthetic degradation";

	@Parameter
	private LogService log;

	@Parameter( required = false )
	private StatusService status;

	@Parameter( label = "Image", description = "The clean image (synthetic), or the degraded input of the pairs. Apply restores this image." )
	private ImagePlus input;

	@Parameter( label = "Training data", choices = { SYNTHETIC, PAIRS } )
	private String data = SYNTHETIC;

	@Parameter( label = "Target (pairs)", required = false, description = "The clean partner of the image, plane by plane." )
	private ImagePlus target;

	@Parameter( label = "Degradation (synthetic)", choices = { "noise", "blur", "haze", "streaks", "lighting", "lowres", "composite" } )
	private String degradation = "noise";

	@Parameter( label = "Task (pairs, for the model card)", choices = { "denoise", "deblur", "dehaze", "derain", "lighting", "sr", "auto" } )
	private String task = "denoise";

	@Parameter( label = "Generator", choices = { "unet", "fpn", "sr" } )
	private String generator = "unet";

	@Parameter( label = "Scale (sr generator)", choices = { "2", "4" } )
	private String scale = "2";

	@Parameter( label = "Width (0 = the generator's default)", min = "0" )
	private int filters = 0;

	@Parameter( label = "Objective", choices = { "none", "vanilla", "lsgan", "hinge", "wgan-gp", "ragan", "ralsgan", "wgan-qc" }, description = "none: L1 only (supervised)." )
	private String objective = "none";

	@Parameter( label = "Discriminator", choices = { "patch", "double", "multiscale" } )
	private String discriminator = "patch";

	@Parameter( label = "Adversarial weight", min = "0", stepSize = "0.001" )
	private double adversarialWeight = 0.01;

	@Parameter( label = "Content loss (GAN)", description = "A weighted sum of l1, l2, ssim, perceptual, contextual, e.g. l1+0.5*ssim." )
	private String content = "l1";

	@Parameter( label = "Steps", min = "1" )
	private int steps = 1000;

	@Parameter( label = "Batch", min = "1" )
	private int batch = 8;

	@Parameter( label = "Patch (px)", min = "8", stepSize = "8" )
	private int patch = 64;

	@Parameter( label = "Learning rate", min = "0", stepSize = "0.0001" )
	private double learningRate = 4e-4;

	@Parameter( label = "Seed" )
	private long seed = 42;

	@Parameter( label = "Save the model to (optional)", style = "directory", required = false, persist = false, description = "Headless and macros: the model folder written after training. In the window: use Save model..." )
	private File modelFolder;

	@Parameter( label = "Show the training window", description = "Off, headless and in macros: train, then return the restored image." )
	private boolean window = true;

	@Parameter( type = ItemIO.OUTPUT, required = false )
	private ImagePlus output;

	@Override
	public void run()
	{
		if ( input == null || input.getWidth() == 0 )
		{
			cancel( "Open an image first." );
			return;
		}
		try
		{
			final GeneratorJob job = job();
			if ( TrainingRuns.windowed( window ) )
			{
				TrainingRuns.inWindow( job, log );
				return;
			}
			output = TrainingRuns.headless( job, modelFolder, status, log, this::isCanceled ).get( 0 );
		}
		catch ( final CancelledException e )
		{
			cancel( e.getMessage() );
		}
		catch ( final RestoreException | IllegalArgumentException e )
		{
			log.error( "RestoreGAN training: " + e.getMessage() );
			cancel( e.getMessage() );
		}
	}

	private GeneratorJob job()
	{
		final TrainingConfig config = new TrainingConfig();
		config.steps = steps;
		config.batch = batch;
		config.patch = patch;
		config.learningRate = learningRate;
		config.seed = seed;
		final GeneratorKind kind = GeneratorKind.of( generator );
		config.architecture = kind.configure( null, filters > 0 ? filters : null, 1, Integer.valueOf( scale ) ).validate();
		final int s = config.architecture.scale();
		final int block = config.architecture.blockSize() * s;
		if ( patch % block != 0 )
			throw new RestoreException( "The patch (" + patch + ") must be a multiple of " + block + " for " + config.architecture + "." );
		final PairSampler sampler;
		final Task t;
		final String description;
		if ( PAIRS.equals( data ) )
		{
			if ( target == null || target.getWidth() == 0 )
				throw new RestoreException( "Training on pairs needs a target image." );
			sampler = ImageTrainingData.pairs( input, target, s, seed, patch );
			t = Task.parse( task );
			description = input.getTitle() + " -> " + target.getTitle();
		}
		else
		{
			final DegradationKind d = DegradationKind.parse( degradation );
			sampler = ImageTrainingData.synthetic( List.of( input ), d, s, seed, patch );
			t = ImageTrainingData.task( d );
			description = input.getTitle() + " (" + d.id() + ")";
		}
		return new GeneratorJob( t, config, ganConfig( config ), sampler, input, description, log::info );
	}

	/** The adversarial settings, or null for objective none. */
	private GanConfig ganConfig( final TrainingConfig config )
	{
		if ( "none".equalsIgnoreCase( objective ) )
		{
			if ( !"l1".equalsIgnoreCase( content.trim() ) )
				throw new RestoreException( "Training without a GAN objective uses L1; other content losses (" + content + ") need an objective." );
			return null;
		}
		final GanConfig c = new GanConfig();
		c.generator = config;
		c.objective = GanObjective.of( objective ).label();
		c.discriminator = DiscriminatorKind.of( discriminator ).label();
		ContentObjective.parse( content );
		c.content = content;
		c.adversarialWeight = adversarialWeight;
		return c;
	}

	/** The restored image, after a run without the window. */
	public ImagePlus getOutput()
	{
		return output;
	}
}
