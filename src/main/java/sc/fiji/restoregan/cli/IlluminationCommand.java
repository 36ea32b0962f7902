package sc.fiji.restoregan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import sc.fiji.restoregan.illumination.IlluminationInputs;
import sc.fiji.restoregan.illumination.IlluminationNetwork;
import sc.fiji.restoregan.illumination.LitPairs;
import sc.fiji.restoregan.model.IlluminatedShipping;
import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.train.ShadedSource;
import sc.fiji.restoregan.train.SupervisedTrainer;
import sc.fiji.restoregan.train.TrainingConfig;

/**
 * {@code illumination}: trains the networks that estimate a plane's
 * illumination field and gamma, and ships a lighting model that corrects
 * each plane with them before a restoring model
 * ({@link sc.fiji.restoregan.illumination.IlluminationEstimator}).
 */
@Command( name = "illumination", mixinStandardHelpOptions = true, description = "Train the illumination estimators (field, gamma) and ship a lighting model that uses them.",
		subcommands = { IlluminationCommand.Train.class, IlluminationCommand.Ship.class } )
final class IlluminationCommand implements Callable< Integer >
{
	@Override
	public Integer call()
	{
		throw new RestoreException( "Give a subcommand: illumination train or illumination ship." );
	}

	/** {@code illumination train}: one estimator, with checkpoints that resume exactly. */
	@Command( name = "train", mixinStandardHelpOptions = true, description = "Train the field or the gamma network on lit synthetic crops (squared error, batches of 16, cosine schedule from 4e-4); checkpoints every 250 steps and resumes." )
	static final class Train implements Callable< Integer >
	{
		@Option( names = "--network", required = true, description = "field (the log illumination field from the plane averaged to 64 px) or gamma (the gamma from 64 px tiles)." )
		String network;

		@Option( names = "--out", required = true, description = "Run folder: checkpoints, loss log, the commands run and the data recipe." )
		Path out;

		@Option( names = "--steps", defaultValue = "3000", description = "Total steps; a resumed run takes the schedule of the new total from its checkpoint. Default: ${DEFAULT-VALUE}." )
		int steps;

		@Option( names = "--seed", description = "Seed. Default: 42 for the field network, 43 for the gamma network." )
		Long seed;

		@Option( names = "--clean", required = true, description = "Folder of clean images to crop from, besides simulated scenes and dead leaves." )
		Path clean;

		@Option( names = "--exclude", split = ",", description = "File names in --clean to leave out (held out for evaluation)." )
		List< String > exclude = new ArrayList<>();

		@Option( names = "--zoom", defaultValue = "1", description = "Zoom the real images' crops out by a factor drawn log-uniformly from 1 to this (area mean), to show their content at larger fields of view. Default: ${DEFAULT-VALUE} (plain crops)." )
		double zoom;

		@Option( names = "--tone", defaultValue = "0", description = "Fraction of the real images' crops given a random tone curve (gamma 0.5 to 2, inverted half the time). Default: ${DEFAULT-VALUE}." )
		double tone;

		@Option( names = "--shade", defaultValue = "0", description = "Fraction of the real images' crops given smooth shading of their own (1 to 3 soft dark or bright discs), which the target field leaves out. Default: ${DEFAULT-VALUE}." )
		double shade;

		@Option( names = "--shade-width", defaultValue = "0.35", description = "The shading discs' largest width (Gaussian sigma) as a fraction of the crop's side, from " + ShadedSource.MIN_WIDTH + " to 1 (the smallest is " + ShadedSource.MIN_WIDTH + "). Default: ${DEFAULT-VALUE}." )
		double shadeWidth;

		@Option( names = "--extremes", description = "The field network also sees, for each of its 64 x 64 input pixels, the log of the brightest and darkest values of the plane averaged to up to 256 px (four input planes, not two)." )
		boolean extremes;

		@Option( names = "--resume", description = "Continue from the run folder's checkpoint." )
		boolean resume;

		@Override
		public Integer call() throws Exception
		{
			if ( steps < 1 )
				throw new RestoreException( "--steps must be at least 1, not " + steps + "." );
			if ( !( zoom >= 1 ) || Double.isInfinite( zoom ) || !( tone >= 0 && tone <= 1 ) || !( shade >= 0 && shade <= 1 ) )
				throw new RestoreException( "--zoom must be at least 1, and --tone and --shade between 0 and 1 (given " + zoom + ", " + tone + " and " + shade + ")." );
			if ( !( shadeWidth >= ShadedSource.MIN_WIDTH && shadeWidth <= 1 ) )
				throw new RestoreException( "--shade-width must be from " + ShadedSource.MIN_WIDTH + " to 1, not " + shadeWidth + "." );
			final IlluminationNetwork n = IlluminationNetwork.of( network );
			if ( extremes && n != IlluminationNetwork.FIELD )
				throw new RestoreException( "--extremes is for the field network only." );
			final int planes = extremes ? IlluminationInputs.EXTREME_PLANES : IlluminationInputs.PLAIN_PLANES;
			final long s = seed == null ? n.seed : seed;
			final TrainingConfig config = n.config( steps, s, planes );
			final LitPairs sampler = n.sampler( LitPairs.sources( clean, Set.copyOf( exclude ), zoom, tone, shade, shadeWidth ), s, planes );
			if ( resume )
				SupervisedTrainer.checkResumable( out, config );
			RunCommands.record( out );
			final JsonObject recipe = sampler.recipe();
			recipe.addProperty( "heldOut", String.join( ", ", exclude ) );
			Files.writeString( out.resolve( IlluminatedShipping.RECIPE_FILE ), new GsonBuilder().setPrettyPrinting().create().toJson( recipe ) + "\n" );
			final SupervisedTrainer.Result r = new SupervisedTrainer( config, sampler, out ).log( System.out::println ).train( resume, Progress.NONE );
			System.out.println( "Trained the " + n.label() + " network to step " + r.steps() + " in " + out + ( Double.isFinite( r.validationLoss() ) ? " (validation loss " + r.validationLoss() + ")." : "." ) );
			return 0;
		}
	}

	/** {@code illumination ship}: the lighting model that uses the estimators. */
	@Command( name = "ship", mixinStandardHelpOptions = true, description = "Ship a lighting model that divides each plane by its estimated illumination field, undoes its estimated gamma, then restores it with a shipped model (the denoiser), whose weights and twin it shares." )
	static final class Ship implements Callable< Integer >
	{
		@Option( names = "--field", required = true, description = "The field network's finished run folder." )
		Path field;

		@Option( names = "--gamma", description = "The gamma network's finished run folder (absent, and no --gamma-of: the gamma is left as it is)." )
		Path gamma;

		@Option( names = "--gamma-of", description = "Take the gamma network (weights and recipe) of this shipped model instead of a run folder." )
		String gammaOf;

		@Option( names = "--restorer", defaultValue = "denoise", description = "The shipped model that restores the corrected planes. Default: ${DEFAULT-VALUE}." )
		String restorer;

		@Option( names = "--as", required = true, description = "Model name (and folder in --models)." )
		String name;

		@Option( names = "--description", description = "One or two sentences for users; required for a new model." )
		String description;

		@Option( names = "--models", defaultValue = "models", description = "Models folder. Default: ${DEFAULT-VALUE}." )
		Path models;

		@Override
		public Integer call() throws Exception
		{
			final String command = "java -jar target/restoregan.jar illumination ship --field " + field + ( gamma == null ? "" : " --gamma " + gamma ) + ( gammaOf == null ? "" : " --gamma-of " + gammaOf ) + " --restorer " + restorer + " --as " + name;
			final ModelCard card = IlluminatedShipping.ship( models, name, description, restorer, field, gamma, gammaOf, command );
			System.out.println( "Shipped " + models.resolve( name ) + " (" + card.ownBytes() + " bytes of its own; restores with '" + restorer + "', whose weights it shares)." );
			return 0;
		}
	}
}
