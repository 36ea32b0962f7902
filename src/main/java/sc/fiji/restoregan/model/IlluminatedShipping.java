package sc.fiji.restoregan.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import sc.fiji.restoregan.illumination.IlluminationInputs;
import sc.fiji.restoregan.illumination.IlluminationNetwork;
import sc.fiji.restoregan.nn.GeneratorArchitecture;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.train.SupervisedTrainer;
import sc.fiji.restoregan.train.TrainingConfig;

/**
 * Ships a lighting model that estimates each plane's illumination and then
 * restores it with another shipped model ({@link ModelCard#illumination}):
 * the two estimators' weights from their training runs, in half precision
 * (or the gamma network's from another shipped model, {@code gammaOf}),
 * beside a card that takes the restoring model's architecture,
 * normalisation, self-ensemble and twin, and names its weights
 * ({@link ModelCard.Weights#sharedWith}) instead of copying them. A model
 * shipped again under the same name keeps its own self-ensemble (set with
 * {@code models --set-ensemble}).
 */
public final class IlluminatedShipping
{
	/** The file in an estimator's run folder holding its data recipe, written by {@code illumination train}. */
	public static final String RECIPE_FILE = "recipe.json";

	/** The file in a run folder listing the commands run on it, in order. */
	public static final String COMMANDS_FILE = "commands.txt";

	private IlluminatedShipping()
	{}

	/**
	 * @param models the models folder
	 * @param name the model's name
	 * @param description for users; null keeps the description of a model
	 *            of that name
	 * @param restorer the shipped model that restores the corrected planes
	 * @param fieldRun the field network's finished run folder
	 * @param gammaRun the gamma network's finished run folder, or null
	 * @param gammaOf a shipped model in {@code models} whose gamma network
	 *            (weights and recipe) to take instead of a run, or null
	 * @param shipCommand the command line that ships it, appended to the recipe
	 * @return the card written
	 */
	public static ModelCard ship( final Path models, final String name, final String description, final String restorer, final Path fieldRun, final Path gammaRun, final String gammaOf,
			final String shipCommand ) throws IOException
	{
		if ( gammaRun != null && gammaOf != null )
			throw new RestoreException( "Give the gamma network as a run folder or as a shipped model's, not both." );
		final Path target = models.resolve( name );
		final ModelCard old = Files.exists( target.resolve( ModelSource.CARD ) ) ? ModelStore.readCard( ModelSource.directory( target ) ) : null;
		final String text = description != null ? description : old != null ? old.description : null;
		if ( text == null || text.isBlank() )
			throw new RestoreException( "A new model needs a description (--description)." );
		final ModelCard r = ModelStore.readCard( ModelSource.directory( models.resolve( restorer ) ) );
		if ( r.scale != 1 || r.meanWith != null || r.illumination != null || r.weights.sharedWith != null )
			throw new RestoreException( "Model '" + restorer + "' cannot restore the corrected planes: it must be one network with weights of its own that keeps the size." );
		final ModelCard card = new ModelCard();
		card.name = name;
		card.task = "lighting";
		card.description = text;
		card.architecture = r.architecture;
		card.normalization = r.normalization;
		card.ensemble = old != null ? old.ensemble : r.ensemble;
		card.realismTwin = r.realismTwin;
		card.weights = new Gson().fromJson( new Gson().toJson( r.weights ), ModelCard.Weights.class );
		card.weights.sharedWith = restorer;
		final Trained field = part( IlluminationNetwork.FIELD, fieldRun );
		final Trained gamma = gammaRun != null ? part( IlluminationNetwork.GAMMA, gammaRun ) : gammaOf != null ? shippedGamma( models, gammaOf ) : null;
		card.illumination = new ModelCard.IlluminationParts();
		card.illumination.field = field.part;
		card.illumination.gamma = gamma == null ? null : gamma.part;
		card.training = recipe( card, r, restorer, shipCommand );
		ModelShipping.requireRoom( models, name, card.ownBytes() );
		Files.createDirectories( target );
		for ( final Trained t : gamma == null ? List.of( field ) : List.of( field, gamma ) )
			ModelStore.writeAtomically( target.resolve( t.part.weights.file ), t.half );
		ModelStore.writeCard( target, card );
		ModelShipping.list( models, name );
		return card;
	}

	/** An estimator's card entry and its weights in half precision. */
	private record Trained( ModelCard.Part part, byte[] half )
	{}

	/**
	 * The card's recipe: the estimators' commands chained, their steps
	 * summed, the restoring model named, and the images held out of all
	 * three networks' training.
	 */
	private static JsonObject recipe( final ModelCard card, final ModelCard restorer, final String restorerName, final String shipCommand )
	{
		final ModelCard.Part field = card.illumination.field, gamma = card.illumination.gamma;
		final JsonObject t = new JsonObject();
		t.addProperty( "restoredBy", restorerName + " (weights sha256 " + restorer.weights.sha256 + "), run on each corrected plane" );
		t.addProperty( "command", field.training.get( "command" ).getAsString() + ( gamma == null ? "" : " && " + gamma.training.get( "command" ).getAsString() ) + " && " + shipCommand );
		t.add( "seed", field.training.get( "seed" ) );
		t.addProperty( "steps", field.training.get( "steps" ).getAsLong() + ( gamma == null ? 0 : gamma.training.get( "steps" ).getAsLong() ) );
		t.add( "data", restorer.training.get( "data" ) );
		t.addProperty( "dataOf", "data: the restorer's training pairs; each estimator's are in its own recipe, under illumination" );
		final List< ModelCard.Part > parts = gamma == null ? List.of( field ) : List.of( field, gamma );
		final Set< String > heldOut = new LinkedHashSet<>( heldOut( restorer.training ) );
		parts.forEach( p -> heldOut.retainAll( heldOut( p.training.getAsJsonObject( "data" ) ) ) );
		t.addProperty( "heldOut", String.join( ", ", heldOut ) );
		return t;
	}

	/** The images a recipe lists as held out of training. */
	private static List< String > heldOut( final JsonObject recipe )
	{
		return recipe.has( "heldOut" ) && recipe.get( "heldOut" ).isJsonPrimitive() ? List.of( recipe.get( "heldOut" ).getAsString().split( ",\\s*" ) ) : List.of();
	}

	/**
	 * The gamma network of a shipped model: its card entry copied (recipe
	 * included), its weights read and checked as loading checks them
	 * ({@link ModelStore}), and encoded again as the card says they are
	 * stored (half precision round-trips exactly). Only the card and the
	 * gamma network are read, so a lighting model whose restorer has changed
	 * since can still give its gamma network to the model that replaces it.
	 */
	private static Trained shippedGamma( final Path models, final String model ) throws IOException
	{
		final ModelSource source = ModelSource.directory( models.resolve( model ) );
		if ( !Files.exists( models.resolve( model ).resolve( ModelSource.CARD ) ) )
			throw new RestoreException( "No model '" + model + "' in " + models + " to take the gamma network from." );
		final ModelCard card = ModelStore.readCard( source );
		if ( card.illumination == null || card.illumination.gamma == null )
			throw new RestoreException( "Model '" + model + "' has no gamma network to take." );
		final Gson gson = new Gson();
		final ModelCard.Part part = gson.fromJson( gson.toJson( card.illumination.gamma ), ModelCard.Part.class );
		if ( !ModelCard.sameArchitecture( part.architecture, IlluminationNetwork.GAMMA.architecture() ) )
			throw new RestoreException( "The gamma network of model '" + model + "' is " + part.architecture + ", not the gamma network " + IlluminationNetwork.GAMMA.architecture() + "." );
		final byte[] float32 = ModelStore.part( card, "gamma", part, source ).weights();
		return new Trained( part, part.weights.halfPrecision() ? HalfPrecisionWeights.encode( part.architecture, float32 ) : float32 );
	}

	/** Whether {@code a} is {@code network}'s architecture on a number of input planes it can see. */
	private static boolean isArchitecture( final IlluminationNetwork network, final GeneratorArchitecture a )
	{
		try
		{
			return ModelCard.sameArchitecture( a, network.architecture( a.inChannels() ) );
		}
		catch ( final IllegalArgumentException e )
		{
			return false;
		}
	}

	/** One estimator's entry from its finished run folder. */
	private static Trained part( final IlluminationNetwork network, final Path run ) throws IOException
	{
		for ( final String file : List.of( "config.json", "train-log.csv", "checkpoint.params", RECIPE_FILE, COMMANDS_FILE ) )
			if ( !Files.exists( run.resolve( file ) ) )
				throw new RestoreException( "The run in " + run + " has no " + file + "; train it with illumination train." );
		if ( Files.readAllLines( run.resolve( "train-log.csv" ) ).stream().filter( l -> !l.isBlank() ).count() < 2 )
			throw new RestoreException( "The run in " + run + " has logged no step yet; train it with illumination train." );
		final TrainingConfig config;
		try ( Reader in = Files.newBufferedReader( run.resolve( "config.json" ) ) )
		{
			config = new Gson().fromJson( in, TrainingConfig.class );
		}
		if ( !isArchitecture( network, config.architecture ) )
			throw new RestoreException( "The run in " + run + " trained " + config.architecture + ", not the " + network.label() + " network " + network.architecture()
					+ ( network == IlluminationNetwork.FIELD ? " (or the same on " + IlluminationInputs.EXTREME_PLANES + " planes)" : "" ) + "." );
		final String[] last = SupervisedTrainer.lastLogRow( run );
		final long steps = Long.parseLong( last[ 0 ] );
		if ( steps != config.steps )
			throw new RestoreException( "The run in " + run + " has trained " + steps + " of its " + config.steps + " steps; finish it first." );
		final ModelCard.Part part = new ModelCard.Part();
		part.architecture = config.architecture;
		final JsonObject t = part.training;
		t.addProperty( "loss", config.loss() );
		t.addProperty( "optimizer", "Adam (beta1 0.9, beta2 0.999), " + config.schedule + " decay from " + config.learningRate + " over the planned steps" );
		t.addProperty( "steps", steps );
		t.addProperty( "batch", config.batch );
		t.addProperty( "patch", config.patch );
		t.addProperty( "seed", config.seed );
		t.addProperty( "lastLoggedValidationLoss", Double.parseDouble( last[ 2 ] ) );
		t.addProperty( "command", String.join( " && ", Files.readAllLines( run.resolve( COMMANDS_FILE ) ).stream().filter( l -> !l.isBlank() ).toList() ) );
		t.add( "data", JsonParser.parseString( Files.readString( run.resolve( RECIPE_FILE ) ) ) );
		final byte[] float32 = SupervisedTrainer.checkpointParameters( run );
		final byte[] half = HalfPrecisionWeights.encode( config.architecture, float32 );
		part.weights.file = network.label() + ".params";
		part.weights.encoding = HalfPrecisionWeights.ENCODING;
		part.weights.halvedFrom = Checksums.sha256( float32 );
		part.weights.sha256 = Checksums.sha256( half );
		part.weights.bytes = half.length;
		return new Trained( part, half );
	}
}
