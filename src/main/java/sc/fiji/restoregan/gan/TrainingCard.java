package sc.fiji.restoregan.gan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.model.StoredModel;
import sc.fiji.restoregan.model.Task;
import sc.fiji.restoregan.nn.GeneratorKind;
import sc.fiji.restoregan.train.DenoisePairSampler;
import sc.fiji.restoregan.train.LearningRateSchedule;
import sc.fiji.restoregan.train.PairSampler;
import sc.fiji.restoregan.train.SupervisedTrainer;
import sc.fiji.restoregan.train.TrainingConfig;

/**
 * The model folder a training run exports (the {@code train} command, the
 * Fiji training window): the weights and a card recording the full recipe
 * (command lines, seed, steps, data, objective, generator, losses) and where
 * training stands. The folder is a normal model folder that the Restore
 * commands load.
 */
public final class TrainingCard
{
	/** The file in a run folder that records the model a run started from (train --init). */
	public static final String INIT_FILE = "init.txt";

	private final Task task;

	private final TrainingConfig config;

	private final GanConfig gan;

	private final PairSampler sampler;

	private final Path run;

	/**
	 * @param gan the adversarial settings, or null for supervised training
	 * @param run the run folder holding the checkpoint and the log
	 */
	public TrainingCard( final Task task, final TrainingConfig config, final GanConfig gan, final PairSampler sampler, final Path run )
	{
		this.task = task;
		this.config = config;
		this.gan = gan;
		this.sampler = sampler;
		this.run = run;
	}

	/**
	 * Writes the model folder {@code export} with {@code parameters} and the card.
	 *
	 * @param heldOut names of images left out of training
	 * @param commands the commands (or a description of the session) that trained it
	 * @param log receives a line saying where the model went
	 */
	public void write( final Path export, final byte[] parameters, final List< String > heldOut, final List< String > commands, final Consumer< String > log ) throws IOException
	{
		final ModelCard card = new ModelCard();
		card.name = export.toAbsolutePath().normalize().getFileName().toString();
		card.task = task.id();
		card.description = description();
		card.architecture = config.architecture;
		card.scale = config.architecture.scale();
		if ( !sampler.targetsUnderInputMap() && card.scale == 1 )
			card.normalization.output = ModelCard.Normalization.LEAST_SQUARES;
		final long done = gan == null ? SupervisedTrainer.checkpointStep( run ) : GanTrainer.checkpointStep( run );
		final JsonObject training = new JsonObject();
		training.addProperty( "loss", gan == null ? ( config.content == null ? "L1" : "content " + config.content ) + ( config.lossUnits() == null ? "" : ", errors in " + config.lossUnits() )
				: "content " + gan.content + " + " + gan.adversarialWeight + " x adversarial (" + gan.objective + ")" );
		training.addProperty( "optimizer", "Adam (beta1 " + ( gan == null ? 0.9 : gan.beta1 ) + ", beta2 0.999), " + LearningRateSchedule.of( config.schedule ).describe( config ) );
		training.addProperty( "steps", done );
		training.addProperty( "plannedSteps", config.steps );
		training.addProperty( "batch", config.batch );
		training.addProperty( "patch", config.patch );
		training.addProperty( "seed", config.seed );
		training.addProperty( "generator", config.architecture.kind().label() );
		if ( gan != null )
			training.add( "gan", new Gson().toJsonTree( ganSettings() ) );
		lastLogRow( training );
		training.addProperty( "heldOut", String.join( ", ", heldOut ) );
		training.add( "data", sampler.recipe() );
		training.addProperty( "command", String.join( " && ", commands ) );
		final Path initRecord = run.resolve( INIT_FILE );
		if ( Files.exists( initRecord ) )
			training.addProperty( "init", Files.readString( initRecord ).strip() );
		if ( done < config.steps )
			training.addProperty( "resume", "training stopped at step " + done + " of " + config.steps + "; continue with the same command plus --resume (exact: weights, optimiser state and data depend only on seed and step)" );
		card.training = training;
		ModelStore.save( export, card, parameters );
		log.accept( "Model written to " + export + " at step " + done + " (" + new Gson().toJson( card.weights ) + ")" );
	}

	/**
	 * How a run's starting model is recorded: where it was given, its card's
	 * name and steps, and its weights' checksum (which identifies it exactly).
	 */
	public static String describeInit( final String given, final StoredModel start )
	{
		final JsonObject t = start.card().training;
		final String steps = t != null && t.has( "steps" ) ? t.get( "steps" ).getAsString() + " steps" : "steps unknown";
		return "started from " + given + " (model '" + start.card().name + "', " + steps + ", weights sha256 " + start.card().weights.sha256 + ")";
	}

	/** The adversarial settings without the generator's (recorded beside them). */
	private JsonObject ganSettings()
	{
		final JsonObject g = new Gson().toJsonTree( gan ).getAsJsonObject();
		g.remove( "generator" );
		return g;
	}

	private String description()
	{
		if ( gan == null && config.architecture.kind() == GeneratorKind.UNET && sampler instanceof DenoisePairSampler )
			return "Residual U-Net denoiser for Poisson-Gaussian noise (5 to 100 photons at the brightest pixel, read noise 0.5 to 5%), trained with L1.";
		final String data = sampler.recipe().has( "pairs" ) ? "real pairs" : "synthetic " + sampler.recipe().get( "degradation" ).getAsString().split( "[,:]" )[ 0 ] + " pairs";
		return config.architecture + " for " + task.id() + ", trained on " + data + " with " + ( gan == null ? ( config.content == null ? "L1" : config.content ) : gan.content + " and the " + gan.objective + " objective" ) + ".";
	}

	/** The last row of the run's loss log (supervised: under the names the first shipped card used). */
	private void lastLogRow( final JsonObject training ) throws IOException
	{
		if ( gan == null )
		{
			final String[] last = SupervisedTrainer.lastLogRow( run );
			training.addProperty( "lastLoggedStep", Long.parseLong( last[ 0 ] ) );
			training.addProperty( "lastLoggedTrainingLoss", Double.parseDouble( last[ 1 ] ) );
			training.addProperty( "lastLoggedValidationLoss", Double.parseDouble( last[ 2 ] ) );
			return;
		}
		final List< String > lines = Files.readAllLines( run.resolve( GanTrainer.LOG ) );
		final String[] header = lines.get( 0 ).split( "," ), last = lines.get( lines.size() - 1 ).split( "," );
		final JsonObject row = new JsonObject();
		for ( int i = 0; i < header.length && i < last.length; i++ )
			row.addProperty( header[ i ], Double.parseDouble( last[ i ] ) );
		training.add( "lastLogged", row );
	}
}
