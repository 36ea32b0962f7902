package sc.fiji.restoregan.model;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import com.google.gson.JsonParseException;

import ai.djl.nn.Block;

import sc.fiji.restoregan.illumination.IlluminationInputs;
import sc.fiji.restoregan.nn.GeneratorArchitecture;
import sc.fiji.restoregan.nn.UNetConfig;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * Saves and loads models as a folder holding {@code card.json} and the
 * parameter file it names: DJL's, or half precision
 * ({@link HalfPrecisionWeights}) for shipped models. Loading verifies the
 * card and the weights' SHA-256 and fails with a clear message when they
 * don't match.
 */
public final class ModelStore
{
	/** The most bytes a shipped model may have (issue 6: 5 MB, read as 5,000,000 bytes). */
	public static final long MAX_SHIPPED_BYTES = 5_000_000L;

	/** The most bytes all shipped models together may have (issue 6: 40 MB, read as 40,000,000 bytes). */
	public static final long MAX_SHIPPED_TOTAL_BYTES = 40_000_000L;

	private ModelStore()
	{}

	/** The parameters of an initialised block, as bytes. */
	public static byte[] parameters( final Block block )
	{
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try ( DataOutputStream out = new DataOutputStream( bytes ) )
		{
			block.saveParameters( out );
		}
		catch ( final IOException e )
		{
			throw new IllegalStateException( "Cannot serialise parameters", e );
		}
		return bytes.toByteArray();
	}

	/**
	 * Writes {@code block}'s parameters and the card (with the weights'
	 * checksum and size filled in) into {@code dir}. Each file is written to
	 * a temporary name first and then renamed.
	 */
	public static void save( final Path dir, final ModelCard card, final Block block ) throws IOException
	{
		save( dir, card, parameters( block ) );
	}

	/** As {@link #save(Path, ModelCard, Block)}, from serialised parameters. */
	public static void save( final Path dir, final ModelCard card, final byte[] weights ) throws IOException
	{
		Files.createDirectories( dir );
		card.weights.sha256 = Checksums.sha256( weights );
		card.weights.bytes = weights.length;
		writeAtomically( dir.resolve( card.weights.file ), weights );
		writeCard( dir, card );
	}

	/**
	 * The float32 parameters of {@code card}'s model rounded to half
	 * precision ({@link HalfPrecisionWeights}), to save with
	 * {@link #save(Path, ModelCard, byte[])}; the card now records the
	 * encoding and the checksum of the parameters rounded.
	 */
	public static byte[] toHalfPrecision( final ModelCard card, final byte[] float32 )
	{
		final byte[] half = HalfPrecisionWeights.encode( card.architecture, float32 );
		card.weights.encoding = HalfPrecisionWeights.ENCODING;
		card.weights.halvedFrom = Checksums.sha256( float32 );
		return half;
	}

	/**
	 * Rewrites only the card of a model folder (for example with new scores);
	 * the weights and their checksum stay as they are.
	 */
	public static void writeCard( final Path dir, final ModelCard card ) throws IOException
	{
		writeAtomically( dir.resolve( ModelSource.CARD ), card.toJson().concat( "\n" ).getBytes( StandardCharsets.UTF_8 ) );
	}

	/** Writes a file under a temporary name in the same folder, then renames it. */
	public static void writeAtomically( final Path target, final byte[] content ) throws IOException
	{
		final Path tmp = Files.createTempFile( target.toAbsolutePath().getParent(), "." + target.getFileName(), ".tmp" );
		try
		{
			Files.write( tmp, content );
			Files.move( tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE );
		}
		finally
		{
			Files.deleteIfExists( tmp );
		}
	}

	/** Reads a card alone, for listings; clear error if missing or malformed. */
	public static ModelCard readCard( final ModelSource source )
	{
		try ( InputStream in = source.open( ModelSource.CARD ) )
		{
			final ModelCard card = ModelCard.read( new InputStreamReader( in, StandardCharsets.UTF_8 ) );
			checkCard( card, source );
			return card;
		}
		catch ( final NoSuchFileException e )
		{
			throw new RestoreException( "No model card (" + ModelSource.CARD + ") in " + source.location() + "." );
		}
		catch ( final IOException | JsonParseException e )
		{
			throw new RestoreException( "The model card in " + source.location() + " cannot be read: " + e.getMessage() );
		}
	}

	private static void checkCard( final ModelCard card, final ModelSource source )
	{
		final String where = " in the model card of " + source.location();
		if ( card.format != ModelCard.FORMAT )
			throw new RestoreException( "Unsupported card format " + card.format + where + " (this version reads " + ModelCard.FORMAT + ")." );
		if ( card.name == null || card.task == null || card.architecture == null || card.weights == null || card.weights.file == null || card.weights.sha256 == null )
			throw new RestoreException( "Missing name, task, architecture or weights" + where + "." );
		try
		{
			card.architecture.validate();
		}
		catch ( final IllegalArgumentException e )
		{
			throw new RestoreException( e.getMessage() + where + "." );
		}
		if ( card.scale != card.architecture.scale() )
			throw new RestoreException( "Invalid scale " + card.scale + where + ": its architecture upsamples by " + card.architecture.scale() + "." );
		final String output = card.normalization == null ? null : card.normalization.output;
		if ( !ModelCard.Normalization.PERCENTILES.equals( output ) && !ModelCard.Normalization.LEAST_SQUARES.equals( output ) )
			throw new RestoreException( "Unknown normalization output '" + output + "'" + where + " (expected " + ModelCard.Normalization.PERCENTILES + " or " + ModelCard.Normalization.LEAST_SQUARES + ")." );
		if ( card.illumination != null )
			checkIllumination( card.illumination, where );
		if ( card.normalization.fitsOutputToInput() && card.scale != 1 )
			throw new RestoreException( "A least-squares output fit needs a model that keeps the size, not one that upsamples by " + card.scale + where + "." );
	}

	/** Checks that a card's illumination networks are complete, valid U-Nets that take two 64 px planes (a field network also four) to one. */
	private static void checkIllumination( final ModelCard.IlluminationParts parts, final String where )
	{
		if ( parts.field == null )
			throw new RestoreException( "Missing illumination field network" + where + "." );
		for ( final ModelCard.Part p : parts.gamma == null ? List.of( parts.field ) : List.of( parts.field, parts.gamma ) )
		{
			if ( p.architecture == null || p.weights == null || p.weights.file == null || p.weights.sha256 == null )
				throw new RestoreException( "Missing illumination network, architecture or weights" + where + "." );
			try
			{
				p.architecture.validate();
			}
			catch ( final IllegalArgumentException e )
			{
				throw new RestoreException( e.getMessage() + where + "." );
			}
			final boolean extremes = p == parts.field && p.architecture.inChannels() == IlluminationInputs.EXTREME_PLANES;
			if ( !( p.architecture instanceof UNetConfig u ) || ( u.inChannels != IlluminationInputs.PLAIN_PLANES && !extremes ) || u.outChannels != 1 || IlluminationInputs.SIZE % u.blockSize() != 0 )
				throw new RestoreException( "An illumination network must be a U-Net that takes two planes of " + IlluminationInputs.SIZE + " px (a field network also four) to one, not " + p.architecture
						+ where + "." );
		}
	}

	/**
	 * Reads a model's card and weights and checks that they belong together.
	 *
	 * @throws RestoreException with a clear message when anything is missing,
	 *             malformed or does not match the checksum
	 */
	public static StoredModel load( final ModelSource source )
	{
		final StoredModel model = loadAlone( source );
		final String partner = model.card().meanWith;
		if ( partner == null || partner.isBlank() )
			return model;
		final StoredModel other;
		try
		{
			other = loadAlone( source.sibling( partner ) );
		}
		catch ( final RestoreException e )
		{
			throw new RestoreException( "Model '" + model.card().name + "' (" + source.location() + ") is to be averaged with the model next to it named '" + partner + "', which cannot be loaded: " + e.getMessage(), e );
		}
		checkPartner( model.card(), model.location(), other.card(), other.location() );
		final String twin = other.card().realismTwin;
		if ( twin == null || twin.isBlank() )
			return model.withPartner( other, null );
		final StoredModel otherTwin;
		try
		{
			otherTwin = loadAlone( source.sibling( partner ).sibling( twin ) );
		}
		catch ( final RestoreException e )
		{
			throw new RestoreException( "Model '" + other.card().name + "', the partner of '" + model.card().name + "', names its GAN-trained twin '" + twin + "', which cannot be loaded: " + e.getMessage(), e );
		}
		return model.withPartner( other, otherTwin );
	}

	/**
	 * Checks that the model of card {@code b} can be averaged with that of
	 * {@code a} ({@link ModelCard#meanWith}): the same task, scale and
	 * normalisation, no partner of its own, and context channels of which
	 * one model's are the first of the other's.
	 *
	 * @param aLocation where {@code a} is, for the message
	 * @param bLocation where {@code b} is, for the message
	 * @throws RestoreException naming what differs
	 */
	static void checkPartner( final ModelCard a, final String aLocation, final ModelCard b, final String bLocation )
	{
		final String why;
		if ( !a.task.equals( b.task ) )
			why = "it restores " + b.task + ", not " + a.task;
		else if ( a.scale != b.scale )
			why = "it upsamples by " + b.scale + ", not " + a.scale;
		else if ( !a.sameNormalization( b ) )
			why = "it normalises its input or output differently";
		else if ( b.meanWith != null && !b.meanWith.isBlank() )
			why = "it names a partner of its own";
		else if ( b.illumination != null )
			why = "it corrects the light of each plane itself";
		else if ( !a.architecture.context().isPrefixOf( b.architecture.context() ) && !b.architecture.context().isPrefixOf( a.architecture.context() ) )
			why = "it sees other context channels";
		else
			return;
		throw new RestoreException( "Model '" + a.name + "' (" + aLocation + ") is to be averaged with '" + b.name + "' (" + bLocation + "), but " + why + "." );
	}

	/**
	 * Reads one model folder's card and weights (from the model it shares
	 * them with, if any) and its illumination networks, not its partner.
	 */
	private static StoredModel loadAlone( final ModelSource source )
	{
		final ModelCard card = readCard( source );
		final String shared = card.weights.sharedWith;
		final ModelSource from = shared == null || shared.isBlank() ? source : source.sibling( shared );
		final byte[] weights = weights( card, card.architecture, card.weights, from, shared == null || shared.isBlank() ? "" : " (shared with '" + shared + "')" );
		final ModelCard.IlluminationParts parts = card.illumination;
		final IlluminationModels illumination = parts == null ? null
				: new IlluminationModels( part( card, "field", parts.field, source ), parts.gamma == null ? null : part( card, "gamma", parts.gamma, source ) );
		return new StoredModel( card, weights, source.location(), null, null, illumination );
	}

	/** One of a card's illumination networks, as a model of its own named after the card and its role. */
	static StoredModel part( final ModelCard card, final String role, final ModelCard.Part part, final ModelSource source )
	{
		final ModelCard own = new ModelCard();
		own.name = card.name + "/" + role;
		own.task = card.task;
		own.architecture = part.architecture;
		own.weights = part.weights;
		own.training = part.training;
		return new StoredModel( own, weights( card, part.architecture, part.weights, source, " (its " + role + " network)" ), source.location() );
	}

	/**
	 * The float32 parameters a card's weights entry names in {@code source},
	 * checked against its checksum and decoded from half precision when
	 * stored so.
	 */
	private static byte[] weights( final ModelCard card, final GeneratorArchitecture architecture, final ModelCard.Weights entry, final ModelSource source, final String which )
	{
		final byte[] bytes;
		try ( InputStream in = source.open( entry.file ) )
		{
			bytes = in.readAllBytes();
		}
		catch ( final NoSuchFileException e )
		{
			throw new RestoreException( "Model '" + card.name + "': the weights file " + entry.file + which + " is missing from " + source.location() + "." );
		}
		catch ( final IOException e )
		{
			throw new RestoreException( "Model '" + card.name + "': cannot read " + entry.file + which + " (" + e.getMessage() + ")." );
		}
		final String actual = Checksums.sha256( bytes );
		if ( !actual.equalsIgnoreCase( entry.sha256 ) && entry.sharedWith != null && !entry.sharedWith.isBlank() )
			throw new RestoreException( "Model '" + card.name + "' shares the weights of '" + entry.sharedWith + "', which have changed since it was shipped (their SHA-256 is " + actual
					+ ", the card says " + entry.sha256 + "): ship it again with illumination ship, or put back the earlier '" + entry.sharedWith + "'." );
		if ( !actual.equalsIgnoreCase( entry.sha256 ) )
			throw new RestoreException( "Model '" + card.name + "' in " + source.location() + " is corrupt: the weights' SHA-256" + which + " is " + actual + " but the card says " + entry.sha256 + "." );
		if ( !entry.halfPrecision() )
			return bytes;
		try
		{
			return HalfPrecisionWeights.decode( architecture, bytes );
		}
		catch ( final RestoreException e )
		{
			throw new RestoreException( "Model '" + card.name + "' (" + source.location() + "): its weights" + which + " do not fit the architecture in its card (" + e.getMessage() + ").", e );
		}
	}
}
