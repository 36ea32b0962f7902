package sc.fiji.restoregan.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Where a model's files are read from: a folder on disk or a folder of the
 * class path (models shipped inside the jar).
 */
public interface ModelSource
{
	/** The card's file name in every model folder. */
	String CARD = "card.json";

	/**
	 * Opens one file of the model.
	 *
	 * @throws NoSuchFileException if it does not exist
	 */
	InputStream open( String file ) throws IOException;

	/** Where the model lives, for messages. */
	String location();

	/** The model folder named {@code name} next to this one (in the same folder of the disk or the class path). */
	ModelSource sibling( String name );

	/** A model folder on disk. */
	static ModelSource directory( final Path dir )
	{
		return new ModelSource()
		{
			@Override
			public InputStream open( final String file ) throws IOException
			{
				return Files.newInputStream( dir.resolve( file ) );
			}

			@Override
			public String location()
			{
				return dir.toString();
			}

			@Override
			public ModelSource sibling( final String name )
			{
				return directory( dir.toAbsolutePath().normalize().resolveSibling( name ) );
			}
		};
	}

	/** A model folder inside the class path, such as {@code models/denoise}. */
	static ModelSource classpath( final String folder )
	{
		return new ModelSource()
		{
			@Override
			public InputStream open( final String file ) throws IOException
			{
				final InputStream in = ModelSource.class.getClassLoader().getResourceAsStream( folder + "/" + file );
				if ( in == null )
					throw new NoSuchFileException( folder + "/" + file );
				return in;
			}

			@Override
			public String location()
			{
				return "built-in " + folder;
			}

			@Override
			public ModelSource sibling( final String name )
			{
				final int slash = folder.lastIndexOf( '/' );
				return classpath( ( slash < 0 ? "" : folder.substring( 0, slash + 1 ) ) + name );
			}
		};
	}
}
