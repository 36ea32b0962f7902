package sc.fiji.restoregan.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;

import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * Scores of the classical baselines kept in a JSON file between benchmark
 * runs. The baselines' oracle search is by far the slowest part of a
 * benchmark (minutes per task) and does not depend on the model, so a
 * second model, or the same model after more training, is measured against
 * the same baseline scores without recomputing them. A score is keyed by
 * everything it depends on: task, image (name, size and a hash of its
 * pixels), level, degradation seed and baseline; any change gives a new key.
 */
public final class BaselineCache
{
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

	private final Path file;

	private final Map< String, RestorationBenchmark.Score > scores;

	private BaselineCache( final Path file, final Map< String, RestorationBenchmark.Score > scores )
	{
		this.file = file;
		this.scores = scores;
	}

	/**
	 * Opens the cache in {@code file}, empty if the file does not exist.
	 *
	 * @throws RestoreException if the file exists but cannot be read
	 */
	public static BaselineCache open( final Path file )
	{
		if ( !Files.exists( file ) )
			return new BaselineCache( file, new TreeMap<>() );
		try ( Reader in = Files.newBufferedReader( file, StandardCharsets.UTF_8 ) )
		{
			final Map< String, RestorationBenchmark.Score > read = GSON.fromJson( in, new TypeToken< TreeMap< String, RestorationBenchmark.Score > >()
			{}.getType() );
			return new BaselineCache( file, read == null ? new TreeMap<>() : read );
		}
		catch ( final IOException | JsonParseException e )
		{
			throw new RestoreException( "The baseline cache " + file + " cannot be read (" + e.getMessage() + "); delete it to start afresh." );
		}
	}

	/** The key of one plane at one level; a baseline's score is stored under {@link #key(String, String)} of it. */
	static String caseKey( final BenchmarkTask task, final BenchmarkImages.Item item, final DegradationLevel level, final long seed )
	{
		return String.join( "|", task.id(), item.name(), item.width() + "x" + item.height(), Integer.toHexString( Arrays.hashCode( item.pixels() ) ), level.name(),
				Long.toString( seed ) );
	}

	/** The key of one baseline's score in the case {@code caseKey}. */
	static String key( final String caseKey, final String baseline )
	{
		return caseKey + "|" + baseline;
	}

	/** The stored score, or null. */
	RestorationBenchmark.Score get( final String key )
	{
		return scores.get( key );
	}

	/** Stores a score and rewrites the file (atomically), so an interrupted run keeps what it measured. */
	void put( final String key, final RestorationBenchmark.Score score )
	{
		scores.put( key, score );
		try
		{
			if ( file.toAbsolutePath().getParent() != null )
				Files.createDirectories( file.toAbsolutePath().getParent() );
			ModelStore.writeAtomically( file, GSON.toJson( scores ).getBytes( StandardCharsets.UTF_8 ) );
		}
		catch ( final IOException e )
		{
			throw new RestoreException( "Cannot write the baseline cache " + file + ": " + e.getMessage() );
		}
	}

	/** Number of stored scores. */
	public int size()
	{
		return scores.size();
	}
}
