package sc.fiji.restoregan.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.gson.GsonBuilder;

import net.imglib2.img.array.ArrayImgs;

import sc.fiji.restoregan.io.ImageFiles;

/**
 * Writes training pairs to a folder for inspection: {@code NNNN-input.tif}
 * and {@code NNNN-target.tif} (32-bit, normalised as the trainer sees them),
 * {@code pairs.tsv} (index and degradation of each pair) and
 * {@code recipe.json} (the sampler's recipe). Pair {@code i} is the first
 * pair of step {@code i}, so the files are reproducible from the seed.
 */
public final class PairExport
{
	private PairExport()
	{}

	/**
	 * Writes {@code count} pairs into {@code folder} (created if needed).
	 *
	 * @return the paths of the files written
	 */
	public static List< Path > write( final DegradationPairSampler sampler, final int count, final Path folder ) throws IOException
	{
		Files.createDirectories( folder );
		final List< Path > written = new ArrayList<>();
		final List< String > lines = new ArrayList<>();
		lines.add( "index\tinput\ttarget\tdegradation" );
		for ( int i = 0; i < count; i++ )
		{
			final ScaledBatch b = sampler.pairs( i, 1 );
			final Path in = folder.resolve( String.format( Locale.ROOT, "%04d-input.tif", i ) );
			final Path target = folder.resolve( String.format( Locale.ROOT, "%04d-target.tif", i ) );
			ImageFiles.writeFloatTiff( ArrayImgs.floats( b.imageInputs(), b.inputSize(), b.inputSize() ), in );
			ImageFiles.writeFloatTiff( ArrayImgs.floats( b.targets(), b.targetSize(), b.targetSize() ), target );
			written.add( in );
			written.add( target );
			lines.add( i + "\t" + in.getFileName() + "\t" + target.getFileName() + "\t" + b.descriptions().get( 0 ) );
		}
		final Path list = folder.resolve( "pairs.tsv" ), recipe = folder.resolve( "recipe.json" );
		Files.write( list, lines, StandardCharsets.UTF_8 );
		Files.writeString( recipe, new GsonBuilder().setPrettyPrinting().create().toJson( sampler.recipe() ), StandardCharsets.UTF_8 );
		written.add( list );
		written.add( recipe );
		return written;
	}
}
