package sc.fiji.restoregan.sisr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonParseException;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;

import sc.fiji.restoregan.model.Checksums;
import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.train.InitialWeights;

/**
 * A saved single-image model: {@code sisr.json} (the {@link Description})
 * and one {@code NAME.params} file per network, each checked against the
 * SHA-256 recorded in the description when it is loaded. Files are written
 * under temporary names and renamed, so a crash never leaves half a model.
 */
public final class ModelFolder
{
	/** The description's file name. */
	public static final String DESCRIPTION = "sisr.json";

	/** What a saved model is: settings, training record, method-specific values, checksums. */
	public static final class Description
	{
		/** Format version of the folder. */
		public int format = 1;

		/** The settings the model was trained with. */
		public SisrSettings settings;

		/** Training updates done (over all stages). */
		public long trainedIterations;

		/** Wall-clock seconds of training in all. */
		public double trainingSeconds;

		/** Size {width, height} of the image it was trained on. */
		public int[] trainedOn;

		/** Method-specific numbers (pyramid sizes, noise amplitudes, ...). */
		public Map< String, double[] > values = new LinkedHashMap<>();

		/** SHA-256 of each network's parameter file, by network name. */
		public Map< String, String > checksums = new LinkedHashMap<>();
	}

	private ModelFolder()
	{}

	/** Writes the networks' parameters and the description (checksums filled in). */
	public static void write( final Path dir, final Description description, final Map< String, Block > networks ) throws IOException
	{
		Files.createDirectories( dir );
		description.checksums.clear();
		for ( final Map.Entry< String, Block > e : networks.entrySet() )
		{
			final byte[] bytes = ModelStore.parameters( e.getValue() );
			description.checksums.put( e.getKey(), Checksums.sha256( bytes ) );
			ModelStore.writeAtomically( dir.resolve( e.getKey() + ".params" ), bytes );
		}
		ModelStore.writeAtomically( dir.resolve( DESCRIPTION ), SisrJson.GSON.toJson( description ).concat( "\n" ).getBytes( StandardCharsets.UTF_8 ) );
	}

	/** Reads a folder's description; a clear {@link RestoreException} if it is missing or malformed. */
	public static Description read( final Path dir )
	{
		final Path file = dir.resolve( DESCRIPTION );
		if ( !Files.isRegularFile( file ) )
			throw new RestoreException( "Not a single-image model folder (no " + DESCRIPTION + "): " + dir );
		try
		{
			final Description d = SisrJson.GSON.fromJson( Files.readString( file ), Description.class );
			if ( d == null || d.settings == null )
				throw new RestoreException( "Model description without settings: " + file );
			d.settings.method();
			return d;
		}
		catch ( final IOException | JsonParseException | IllegalArgumentException e )
		{
			throw new RestoreException( "Cannot read " + file + ": " + e.getMessage(), e );
		}
	}

	/**
	 * Loads network {@code name}'s parameters into an initialised block, after
	 * checking the file's checksum.
	 */
	public static void load( final Path dir, final Description description, final String name, final Block block, final NDManager manager )
	{
		final Path file = dir.resolve( name + ".params" );
		try
		{
			final byte[] bytes = Files.readAllBytes( file );
			final String expected = description.checksums.get( name );
			if ( expected == null || !expected.equals( Checksums.sha256( bytes ) ) )
				throw new RestoreException( "Checksum mismatch for " + file + ": the file is damaged or does not belong to this model" );
			InitialWeights.load( block, bytes, manager ); // also refuses parameters of another shape
		}
		catch ( final IOException | RuntimeException e )
		{
			if ( e instanceof RestoreException )
				throw ( RestoreException ) e;
			throw new RestoreException( "Cannot load " + file + ": " + e.getMessage(), e );
		}
	}
}
