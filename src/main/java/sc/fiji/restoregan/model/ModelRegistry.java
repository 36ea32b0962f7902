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

	private ModelRegistry()
	{}

	/** Names of the shipped models, in the order of {@code models/models.json}. */
	public static List< String > shipped()
	{
		try ( InputStream in = ModelRegistry.class.getClassLoader().getResourceAsStream( ROOT + "/models.json" ) )
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

	/** Loads and checks a model by name or folder (see {@link ModelStore#load}). */
	public static StoredModel load( final String nameOrFolder )
	{
		return ModelStore.load( resolve( nameOrFolder ) );
	}
}
