package sc.fiji.restoregan.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;

import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * Finds models by name or folder. Shipped models live in the class path under
 * {@code models/<name>/} (the project's {@code models/} folder, packed into
 * the jar) and are listed in {@code models/models.json}.
 */
public final class ModelRegistry
{
	/** Class-path folder of the shipped models. */
	public static final String ROOT = "models";

	/** The file in the models folder that lists the shipped models, in order. */
	public static final String LIST = "models.json";

	private ModelRegistry()
	{}

	/** Names of the shipped models, in the order of {@code models/models.json}. */
	public static List< String > shipped()
	{
		try ( InputStream in = ModelRegistry.class.getClassLoader().getResourceAsStream( ROOT + "/" + LIST ) )
		{
			final List< String > names = new ArrayList<>();
			if ( in == null )
				return names;
			final JsonArray array = JsonParser.parseReader( new InputStreamReader( in, StandardCharsets.UTF_8 ) ).getAsJsonArray();
			array.forEach( e -> names.add( e.getAsString() ) );
			return names;
		}
		catch ( final IOException | RuntimeException e )
		{
			throw new IllegalStateException( "The list of shipped models is unreadable", e );
		}
	}

	/**
	 * The model named {@code nameOrFolder}: a folder on disk holding a
	 * {@code card.json}, or the name of a shipped model.
	 */
	public static ModelSource resolve( final String nameOrFolder )
	{
		if ( nameOrFolder == null || nameOrFolder.isBlank() )
			throw new RestoreException( "No model given." );
		final Path dir = Paths.get( nameOrFolder );
		if ( Files.isDirectory( dir ) )
			return ModelSource.directory( dir );
		if ( shipped().contains( nameOrFolder ) )
			return ModelSource.classpath( ROOT + "/" + nameOrFolder );
		throw new RestoreException( "No model folder or shipped model named '" + nameOrFolder + "'; shipped models: " + String.join( ", ", shipped() ) + "." );
	}

	/**
	 * Loads the GAN-trained twin that the card of {@code faithful} names, or
	 * returns null when it names none. The twin is looked for as a folder
	 * next to the faithful model's folder (when that is a folder on disk),
	 * then among the shipped models.
	 *
	 * @param nameOrFolder how the faithful model was given
	 * @param faithful the faithful model, loaded from {@code nameOrFolder}
	 * @throws RestoreException when the card names a twin that cannot be found
	 */
	public static StoredModel loadTwin( final String nameOrFolder, final StoredModel faithful )
	{
		final String twin = faithful.card().realismTwin;
		if ( twin == null || twin.isBlank() )
			return null;
		final Path dir = Paths.get( nameOrFolder );
		if ( Files.isDirectory( dir ) )
		{
			final Path sibling = dir.toAbsolutePath().normalize().resolveSibling( twin );
			if ( Files.isDirectory( sibling ) )
				return ModelStore.load( ModelSource.directory( sibling ) );
		}
		if ( shipped().contains( twin ) )
			return ModelStore.load( ModelSource.classpath( ROOT + "/" + twin ) );
		throw new RestoreException( "Model '" + faithful.card().name + "' names its GAN-trained twin '" + twin + "', but there is no such folder next to it nor shipped model." );
	}

	/** Loads and checks a model by name or folder (see {@link ModelStore#load}). */
	public static StoredModel load( final String nameOrFolder )
	{
		return ModelStore.load( resolve( nameOrFolder ) );
	}
}
