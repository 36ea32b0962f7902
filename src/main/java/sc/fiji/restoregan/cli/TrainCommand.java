package sc.fiji.restoregan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.model.Task;
import sc.fiji.restoregan.nn.UNetConfig;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.train.CleanSource;
import sc.fiji.restoregan.train.DenoisePairSampler;
import sc.fiji.restoregan.train.ImageFolderSource;
import sc.fiji.restoregan.train.PhantomSource;
import sc.fiji.restoregan.train.SupervisedTrainer;
import sc.fiji.restoregan.train.TrainingConfig;

/** {@code train}: supervised training of a generator on synthetic pairs. */
@Command( name = "train", mixinStandardHelpOptions = true, description = "Train a generator (L1, Adam) on synthetic pairs; checkpoints and resumes." )
final class TrainCommand implements Callable< Integer >
{
	@Option( names = "--task", defaultValue = "denoise", description = "Task to train (denoise). Default: ${DEFAULT-VALUE}." )
	String task;

	@Option( names = "--run", required = true, description = "Run folder for checkpoints and the log." )
	Path run;

	@Option( names = "--export", description = "Model folder to write when training ends (for example models/denoise)." )
	Path export;

	@Option( names = "--clean", description = "Folder of clean images to crop from (besides the built-in phantoms)." )
	Path clean;

	@Option( names = "--exclude", split = ",", description = "File names in --clean to leave out (held out for evaluation)." )
	List< String > exclude = new ArrayList<>();

	@Option( names = "--steps", defaultValue = "3000", description = "Total steps. Default: ${DEFAULT-VALUE}." )
	int steps;

	@Option( names = "--batch", defaultValue = "16", description = "Pairs per step. Default: ${DEFAULT-VALUE}." )
	int batch;

	@Option( names = "--patch", defaultValue = "64", description = "Patch size. Default: ${DEFAULT-VALUE}." )
	int patch;

	@Option( names = "--filters", defaultValue = "32", description = "Base filters of the U-Net. Default: ${DEFAULT-VALUE}." )
	int filters;

	@Option( names = "--depth", defaultValue = "2", description = "U-Net depth. Default: ${DEFAULT-VALUE}." )
	int depth;

	@Option( names = "--shuffle", defaultValue = "1", description = "Pixel-unshuffle factor before the U-Net (1: plain CARE U-Net). Default: ${DEFAULT-VALUE}." )
	int shuffle;

	@Option( names = "--lr", defaultValue = "4e-4", description = "Peak learning rate. Default: ${DEFAULT-VALUE}." )
	double lr;

	@Option( names = "--seed", defaultValue = "42", description = "Seed. Default: ${DEFAULT-VALUE}." )
	long seed;

	@Option( names = "--resume", description = "Continue from the run folder's checkpoint." )
	boolean resume;

	@Option( names = "--export-only", description = "Do not train: write the run folder's latest checkpoint as the --export model (give the options the run was started with)." )
	boolean exportOnly;

	@Override
	public Integer call() throws Exception
	{
		if ( Task.parse( task ) != Task.DENOISE )
			throw new RestoreException( "Only --task denoise can be trained with this version." );
		final TrainingConfig config = new TrainingConfig();
		config.steps = steps;
		config.batch = batch;
		config.patch = patch;
		config.learningRate = lr;
		config.seed = seed;
		final UNetConfig architecture = new UNetConfig( depth, filters );
		architecture.shuffle = shuffle;
		config.architecture = architecture;
		final List< CleanSource > sources = new ArrayList<>();
		sources.add( new PhantomSource() );
		if ( clean != null )
			sources.add( ImageFolderSource.of( clean, Set.copyOf( exclude ) ) );
		final ModelCard defaults = new ModelCard();
		final DenoisePairSampler sampler = new DenoisePairSampler( sources, seed, Math.max( 128, patch + 32 ), patch, new double[] { 5, 100 }, new double[] { 0.005, 0.05 },
				new double[] { defaults.normalization.low, defaults.normalization.high } );
		final byte[] parameters;
		if ( exportOnly )
		{
			if ( export == null )
				throw new RestoreException( "--export-only needs --export." );
			parameters = SupervisedTrainer.checkpointParameters( run );
		}
		else
		{
			recordCommand();
			parameters = new SupervisedTrainer( config, sampler, run ).log( System.out::println ).train( resume, Progress.NONE ).parameters();
		}
		if ( export != null )
			export( config, sampler, parameters );
		return 0;
	}

	/** The file in the run folder listing every training command run on it, in order. */
	private Path commandsFile()
	{
		return run.resolve( "commands.txt" );
	}

	private void recordCommand() throws IOException
	{
		Files.createDirectories( run );
		final String line = "java -jar target/restoregan.jar " + String.join( " ", Main.lastArgs() ) + "\n";
		Files.writeString( commandsFile(), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND );
	}

	/**
	 * The training commands that produced the run's checkpoint (the schedule
	 * depends on {@code --steps}, so a resumed run needs all of them).
	 */
	private List< String > commands() throws IOException
	{
		if ( Files.exists( commandsFile() ) )
			return Files.readAllLines( commandsFile() ).stream().filter( l -> !l.isBlank() ).toList();
		return List.of( "java -jar target/restoregan.jar " + String.join( " ", Main.lastArgs() ).replace( " --export-only", "" ) );
	}

	/** Writes the model folder with a card recording the recipe and where training stands. */
	private void export( final TrainingConfig config, final DenoisePairSampler sampler, final byte[] parameters ) throws IOException
	{
		final ModelCard card = new ModelCard();
		card.name = export.getFileName().toString();
		card.task = Task.DENOISE.id();
		card.description = "Residual U-Net denoiser for Poisson-Gaussian noise (5 to 100 photons at the brightest pixel, read noise 0.5 to 5%), trained with L1.";
		card.architecture = config.architecture;
		final long done = SupervisedTrainer.checkpointStep( run );
		final String[] last = SupervisedTrainer.lastLogRow( run );
		final JsonObject training = new JsonObject();
		training.addProperty( "loss", "L1" );
		training.addProperty( "optimizer", "Adam (beta1 0.9, beta2 0.999), cosine decay from " + lr + " to " + ( lr * config.finalLearningRateFraction ) + " over the planned steps" );
		training.addProperty( "steps", done );
		training.addProperty( "plannedSteps", config.steps );
		training.addProperty( "batch", batch );
		training.addProperty( "patch", patch );
		training.addProperty( "seed", seed );
		training.addProperty( "lastLoggedStep", Long.parseLong( last[ 0 ] ) );
		training.addProperty( "lastLoggedTrainingLoss", Double.parseDouble( last[ 1 ] ) );
		training.addProperty( "lastLoggedValidationLoss", Double.parseDouble( last[ 2 ] ) );
		training.addProperty( "heldOut", String.join( ", ", exclude ) );
		training.add( "data", sampler.recipe() );
		training.addProperty( "command", String.join( " && ", commands() ) );
		if ( done < config.steps )
			training.addProperty( "resume", "training stopped at step " + done + " of " + config.steps + "; continue with the same command plus --resume (exact: weights, Adam moments and data depend only on seed and step)" );
		card.training = training;
		ModelStore.save( export, card, parameters );
		System.out.println( "Model written to " + export + " at step " + done + " (" + new Gson().toJson( card.weights ) + ")" );
	}
}
