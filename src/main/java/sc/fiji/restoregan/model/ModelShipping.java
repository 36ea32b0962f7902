package sc.fiji.restoregan.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.pipeline.RestoreOptions;

/**
 * Puts a training run's exported model into the models folder, keeping the
 * recipe reproducible:
 * <ul>
 * <li>a <b>new</b> model takes the run's card under its new name and is
 * added to {@code models.json}; when the run started ({@code --init}) from
 * other run folders, their commands come before its own in the recipe,
 * back to the first step, and the steps are summed;</li>
 * <li>a <b>continuation</b> (the run started with {@code --init} from the
 * model it replaces) keeps the model's name, description and twin, and
 * takes the run's training record with the whole chain of commands (the
 * earlier recipe, then the continuation with {@code --init} pointing at the
 * earlier run's folder), {@code stepsInAll}, and the earlier record's
 * settings under {@code before};</li>
 * <li>a <b>replacement</b> ({@code replace}) of another architecture,
 * trained from scratch or through run folders, keeps the model's name,
 * description, twin (stale until retrained), self-ensemble and, unless
 * shipped {@code alone}, partner, and takes the run's recipe (chained as
 * for a new model);</li>
 * <li>a <b>twin</b> ({@code twinOf}) must have been fine-tuned from the
 * faithful model's current weights (checked by checksum), and the faithful
 * card then names it as its {@code realismTwin};</li>
 * <li>a <b>partner</b> ({@code partnerOf}) must be one that the model
 * {@code partnerOf} can be averaged with ({@link ModelCard#meanWith}: the
 * same task, scale and normalisation, compatible context channels), whose
 * card then names it as its {@code meanWith}.</li>
 * </ul>
 * A continuation or replacement keeps the partner its model had.
 * Scores are cleared: they belong to the old weights; {@code quality
 * --update-card} measures the new ones. Shipped weights are stored in half
 * precision ({@link HalfPrecisionWeights}).
 */
public final class ModelShipping
{
	private static final Pattern TAIL = Pattern.compile( " && (?:mkdir|cp|java -jar target/restoregan\\.jar ship) .*$" );

	private static final Pattern RUN_FOLDER = Pattern.compile( "--(?:out|run) (\\S+)" );

	private static final Pattern INIT = Pattern.compile( "--init (\\S+)" );

	private static final String[] SETTINGS = { "loss", "optimizer", "steps", "batch", "patch", "seed", "before" };

	private ModelShipping()
	{}

	/**
	 * Ships the model exported in {@code run} as {@code models/name}.
	 *
	 * @param run a run folder written by {@code train --out} (card.json and generator.params)
	 * @param models the models folder (with its {@code models.json})
	 * @param name the model's name and folder
	 * @param description one or two sentences for users; required for a new model, optional otherwise
	 * @param twinOf the faithful model this one is the GAN twin of, or null
	 * @param partnerOf the model whose outputs this one's are to be averaged with, or null
	 * @param replace whether a model of another architecture, not trained
	 *            from the one named {@code name}, may take its place
	 * @param alone whether the model runs alone, even where the model it
	 *            replaces or continues had a partner
	 * @param shipCommand the command line that ships it, appended to the recipe
	 * @return the card written
	 */
	public static ModelCard ship( final Path run, final Path models, final String name, final String description, final String twinOf, final String partnerOf,
			final boolean replace, final boolean alone, final String shipCommand ) throws IOException
	{
		if ( twinOf != null && partnerOf != null )
			throw new RestoreException( "A model is either the GAN twin of another or its partner, not both." );
		if ( alone && partnerOf != null )
			throw new RestoreException( "A model shipped to run alone cannot be the partner of another." );
		final StoredModel trained = ModelStore.load( ModelSource.directory( run ) );
		final ModelCard card = trained.card();
		final Path target = models.resolve( name );
		final boolean replaces = Files.exists( target.resolve( ModelSource.CARD ) );
		final String command = command( card ) + " && " + shipCommand;
		if ( replaces )
		{
			final ModelCard old = ModelStore.readCard( ModelSource.directory( target ) );
			// a run started from the model's weights may have widened it (context channels), and a
			// new twin follows its faithful model's architecture (checked below)
			if ( !old.sameArchitecture( card ) && !startedFrom( card, old ) && twinOf == null && !replace )
				throw new RestoreException( "The run's architecture " + card.architecture + " differs from model '" + name + "''s " + old.architecture
						+ "; ship it under a new name, or with --replace in its place." );
			card.description = description != null ? description : old.description;
			card.realismTwin = old.realismTwin;
			card.meanWith = old.meanWith;
			card.ensemble = old.ensemble;
			// runs exported before cards recorded it: the task, and so the target normalisation, is the same
			if ( old.normalization.fitsOutputToInput() )
				card.normalization.output = ModelCard.Normalization.LEAST_SQUARES;
			if ( startedFrom( card, old ) )
				continuation( card.training, old.training, models, name, command );
			else
				recipe( card, models, name, command, twinOf == null );
		}
		else
		{
			if ( description == null || description.isBlank() )
				throw new RestoreException( "A new model needs a description (--description)." );
			card.description = description;
			card.realismTwin = null;
			card.meanWith = null;
			recipe( card, models, name, command, twinOf == null );
		}
		if ( alone )
			card.meanWith = null;
		card.name = name;
		card.scores = new JsonObject();
		ModelCard faithful = null;
		if ( twinOf != null )
		{
			faithful = ModelStore.readCard( ModelSource.directory( models.resolve( twinOf ) ) );
			if ( !faithful.sameArchitecture( card ) )
				throw new RestoreException( "A twin must have the architecture of '" + twinOf + "' (" + faithful.architecture + "), not " + card.architecture + "." );
			if ( !startedFrom( card, faithful ) )
				throw new RestoreException( "The run was not fine-tuned from the current weights of '" + twinOf + "' (sha256 " + faithful.weights.sha256
						+ "); the realism blend needs a twin that descends from the faithful model. Train it with --init " + models.resolve( twinOf ) + "." );
			if ( faithful.normalization.fitsOutputToInput() )
				card.normalization.output = ModelCard.Normalization.LEAST_SQUARES;
		}
		final ModelCard averaged = partnerOf == null ? null : ModelStore.readCard( ModelSource.directory( models.resolve( partnerOf ) ) );
		if ( averaged != null )
			ModelStore.checkPartner( averaged, models.resolve( partnerOf ).toString(), card, run.toString() );
		final byte[] half = ModelStore.toHalfPrecision( card, trained.weights() );
		requireRoom( models, name, half.length );
		ModelStore.save( target, card, half );
		if ( faithful != null )
		{
			faithful.realismTwin = name;
			ModelStore.writeCard( models.resolve( twinOf ), faithful );
		}
		if ( averaged != null )
		{
			averaged.meanWith = name;
			ModelStore.writeCard( models.resolve( partnerOf ), averaged );
		}
		list( models, name );
		return card;
	}

	/**
	 * Sets the self-ensemble a shipped model runs with by default
	 * ({@link ModelCard#ensemble}); its weights and scores are unchanged.
	 *
	 * @param models the models folder
	 * @param name a model in it
	 * @param ensemble 1, 2, 4 or 8
	 * @return the card written
	 * @throws IOException when the card cannot be written
	 */
	public static ModelCard setEnsemble( final Path models, final String name, final int ensemble ) throws IOException
	{
		if ( !RestoreOptions.validEnsemble( ensemble ) )
			throw new RestoreException( "Self-ensemble size must be " + RestoreOptions.ENSEMBLES + ", not " + ensemble + "." );
		final Path folder = models.resolve( name );
		if ( !Files.exists( folder.resolve( ModelSource.CARD ) ) )
			throw new RestoreException( "No model '" + name + "' in " + models + "." );
		final ModelCard card = ModelStore.readCard( ModelSource.directory( folder ) );
		card.ensemble = ensemble;
		ModelStore.writeCard( folder, card );
		return card;
	}

	/**
	 * Rewrites a shipped model's weights in half precision
	 * ({@link HalfPrecisionWeights}), keeping its card; does nothing when
	 * they already are.
	 *
	 * @return whether the model was rewritten
	 */
	public static boolean halve( final Path models, final String name ) throws IOException
	{
		final Path folder = models.resolve( name );
		final StoredModel model = ModelStore.load( ModelSource.directory( folder ) );
		// shared weights are halved with the model that holds them (then ship the sharing one again)
		if ( model.card().weights.halfPrecision() || model.card().weights.sharedWith != null )
			return false;
		ModelStore.save( folder, model.card(), ModelStore.toHalfPrecision( model.card(), model.weights() ) );
		return true;
	}

	/**
	 * Refuses weights of {@code bytes} for model {@code name} when they
	 * exceed {@link ModelStore#MAX_SHIPPED_BYTES}, or when with the other
	 * models listed in {@code models} they exceed
	 * {@link ModelStore#MAX_SHIPPED_TOTAL_BYTES}.
	 */
	static void requireRoom( final Path models, final String name, final long bytes ) throws IOException
	{
		if ( bytes > ModelStore.MAX_SHIPPED_BYTES )
			throw new RestoreException( "Model '" + name + "' has " + bytes + " bytes of weights; a shipped model may have at most " + ModelStore.MAX_SHIPPED_BYTES + "." );
		long others = 0;
		for ( final String other : listed( models ) )
			if ( !other.equals( name ) && Files.exists( models.resolve( other ).resolve( ModelSource.CARD ) ) )
				others += ModelStore.readCard( ModelSource.directory( models.resolve( other ) ) ).ownBytes();
		if ( others + bytes > ModelStore.MAX_SHIPPED_TOTAL_BYTES )
			throw new RestoreException( "With model '" + name + "' (" + bytes + " bytes) the shipped models would have " + ( others + bytes ) + " bytes of weights, more than the "
					+ ModelStore.MAX_SHIPPED_TOTAL_BYTES + " allowed; retire or shrink one first." );
	}

	/**
	 * Whether the model of {@code card} was trained starting from
	 * {@code model}'s current weights (its recorded {@code training.init}
	 * names their checksum).
	 */
	public static boolean startedFrom( final ModelCard card, final ModelCard model )
	{
		final JsonElement init = card.training.get( "init" );
		if ( init == null )
			return false;
		final String from = init.getAsString();
		return from.contains( model.weights.sha256 ) || model.weights.halvedFrom != null && from.contains( model.weights.halvedFrom );
	}

	/**
	 * The twin named by {@code card} when it lies in {@code models} but was
	 * fine-tuned from other weights than the card's (as after a
	 * continuation), or null.
	 */
	public static String staleTwin( final Path models, final ModelCard card )
	{
		if ( card.realismTwin == null || !Files.exists( models.resolve( card.realismTwin ).resolve( ModelSource.CARD ) ) )
			return null;
		return startedFrom( ModelStore.readCard( ModelSource.directory( models.resolve( card.realismTwin ) ) ), card ) ? null : card.realismTwin;
	}

	/**
	 * The models in {@code models} that share {@code name}'s weights
	 * ({@link ModelCard.Weights#sharedWith}, as a lighting model shares the
	 * denoiser's) but name other weights than {@code sha256}: after
	 * {@code name} was shipped with new weights they no longer load until
	 * they are shipped again themselves. Folders whose card cannot be read are
	 * passed over.
	 *
	 * @param sha256 the checksum of {@code name}'s weights now
	 * @return their names, sorted; empty if none
	 */
	public static List< String > staleSharers( final Path models, final String name, final String sha256 ) throws IOException
	{
		if ( !Files.isDirectory( models ) )
			return List.of();
		try ( Stream< Path > dirs = Files.list( models ) )
		{
			return dirs.filter( d -> !d.getFileName().toString().equals( name ) && Files.exists( d.resolve( ModelSource.CARD ) ) ).sorted().filter( d -> {
				try
				{
					final ModelCard.Weights w = ModelStore.readCard( ModelSource.directory( d ) ).weights;
					return name.equals( w.sharedWith ) && !sha256.equalsIgnoreCase( w.sha256 );
				}
				catch ( final RuntimeException unreadable )
				{
					return false;
				}
			} ).map( d -> d.getFileName().toString() ).toList();
		}
	}

	/** The run's commands, without what an earlier recipe did after training. */
	private static String command( final ModelCard card )
	{
		final JsonElement c = card.training.get( "command" );
		if ( c == null )
			throw new RestoreException( "The run's card has no training command; export it with train --out or --export." );
		return TAIL.matcher( c.getAsString() ).replaceFirst( "" );
	}

	/**
	 * Records the recipe of a model that continues none of the shipped ones:
	 * the run's command, and when it started with {@code --init} from a run
	 * folder outside {@code models} whose card its weights descend from
	 * ({@link #startedFrom}), that folder's recipe before it, followed back
	 * through the folders that one started from, so that the card holds
	 * every command from the first step, with the steps summed
	 * ({@code stepsInAll}). A card that already records such a chain is taken
	 * as it is. A GAN twin ({@code follow} false) names the model it was
	 * fine-tuned from instead.
	 */
	private static void recipe( final ModelCard card, final Path models, final String name, final String command, final boolean follow ) throws IOException
	{
		// a card whose recipe is already a chain (stepsInAll) holds the commands before its last one
		final Path from = follow && !card.training.has( "stepsInAll" ) ? lastInit( command ) : null;
		if ( from != null && !from.toAbsolutePath().normalize().startsWith( models.toAbsolutePath().normalize() ) && Files.exists( from.resolve( ModelSource.CARD ) ) )
		{
			final ModelCard earlier = ModelStore.readCard( ModelSource.directory( from ) );
			if ( startedFrom( card, earlier ) && earlier.training.has( "command" ) )
			{
				recipe( earlier, models, name, command( earlier ), true );
				continuation( card.training, earlier.training, models, name, command );
				return;
			}
		}
		card.training.addProperty( "command", command );
	}

	/** The folder the last {@code --init} of a chain of commands names, or null. */
	private static Path lastInit( final String commands )
	{
		final Matcher init = INIT.matcher( TAIL.matcher( commands ).replaceFirst( "" ) );
		String last = null;
		while ( init.find() )
			last = init.group( 1 );
		return last == null ? null : Path.of( last );
	}

	/**
	 * The training record of a continued model: the earlier recipe's commands,
	 * then this run's with its --init pointing at the earlier run's folder
	 * (the shipped folder is overwritten by this very step).
	 */
	private static void continuation( final JsonObject training, final JsonObject before, final Path models, final String name, final String command )
	{
		final String earlier = TAIL.matcher( before.get( "command" ).getAsString() ).replaceFirst( "" );
		final Matcher folders = RUN_FOLDER.matcher( earlier );
		String earlierRun = null;
		while ( folders.find() )
			earlierRun = folders.group( 1 );
		String continued = command;
		final Matcher init = INIT.matcher( command );
		if ( earlierRun != null && init.find() && ( init.group( 1 ).equals( name ) || Path.of( init.group( 1 ) ).normalize().equals( models.resolve( name ).normalize() ) ) )
			continued = command.substring( 0, init.start( 1 ) ) + earlierRun + command.substring( init.end( 1 ) );
		training.addProperty( "command", earlier + " && " + continued );
		final long stepsBefore = before.has( "stepsInAll" ) ? before.get( "stepsInAll" ).getAsLong() : before.get( "steps" ).getAsLong();
		training.addProperty( "stepsInAll", stepsBefore + training.get( "steps" ).getAsLong() );
		final JsonObject settings = new JsonObject();
		for ( final String key : SETTINGS )
			if ( before.has( key ) )
				settings.add( key, before.get( key ) );
		training.add( "before", settings );
	}

	/** The models listed in a models folder's {@code models.json}, in order (none without one). */
	public static List< String > listed( final Path models ) throws IOException
	{
		final Path file = models.resolve( ModelRegistry.LIST );
		final List< String > names = new ArrayList<>();
		if ( Files.exists( file ) )
			JsonParser.parseString( Files.readString( file ) ).getAsJsonArray().forEach( e -> names.add( e.getAsString() ) );
		return names;
	}

	/** Adds {@code name} to the models folder's list unless it is there. */
	static void list( final Path models, final String name ) throws IOException
	{
		final List< String > names = listed( models );
		if ( names.contains( name ) )
			return;
		names.add( name );
		final JsonArray array = new JsonArray();
		names.forEach( array::add );
		ModelStore.writeAtomically( models.resolve( ModelRegistry.LIST ), ( new GsonBuilder().setPrettyPrinting().create().toJson( array ) + "\n" ).getBytes( StandardCharsets.UTF_8 ) );
	}
}
