package sc.fiji.restoregan.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import com.google.gson.JsonObject;

import sc.fiji.restoregan.filter.ContextChannels;
import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * Training pairs from a folder with two subfolders, {@code input/} and
 * {@code target/}, holding same-named images (TIFF, PNG, JPEG): for
 * super-resolution each target is {@code scale} times the input's size,
 * otherwise the same size. The images are read once; normalisation,
 * cropping and augmentation are {@link ImagePairSampler}'s.
 */
public final class FolderPairSampler implements PairSampler
{
	private static final Set< String > SUFFIXES = Set.of( "tif", "tiff", "png", "jpg", "jpeg" );

	private final ImagePairSampler pairs;

	/**
	 * Reads every pair of {@code folder}.
	 *
	 * @param scale target size over input size (1, or the super-resolution factor)
	 * @param seed base seed
	 * @param patch side of the target patch, a multiple of {@code scale}
	 * @param percentiles normalisation percentiles {low, high}, for example {1, 99.8}
	 * @throws RestoreException when the folder, a partner or a matching size is missing
	 */
	public FolderPairSampler( final Path folder, final int scale, final long seed, final int patch, final double[] percentiles ) throws IOException
	{
		this( folder, scale, seed, patch, percentiles, ContextChannels.NONE );
	}

	/**
	 * Reads every pair of {@code folder}, adding context channels to the
	 * inputs (see {@link ImagePairSampler#context}).
	 *
	 * @see #FolderPairSampler(Path, int, long, int, double[])
	 */
	public FolderPairSampler( final Path folder, final int scale, final long seed, final int patch, final double[] percentiles, final ContextChannels context ) throws IOException
	{
		pairs = new ImagePairSampler( scale, seed, patch, percentiles ).context( context );
		final Path in = folder.resolve( "input" ), out = folder.resolve( "target" );
		if ( !Files.isDirectory( in ) || !Files.isDirectory( out ) )
			throw new RestoreException( "A pairs folder needs the subfolders input/ and target/ with same-named images: " + folder );
		for ( final Path file : images( in ) )
		{
			final Path partner = out.resolve( file.getFileName().toString() );
			if ( !Files.isRegularFile( partner ) )
				throw new RestoreException( "No target for " + file + " (expected " + partner + ")." );
			pairs.add( ImageFiles.read( file ), ImageFiles.read( partner ), file.getFileName().toString(), partner.toString() );
		}
	}

	private static List< Path > images( final Path dir ) throws IOException
	{
		try ( Stream< Path > list = Files.list( dir ) )
		{
			final List< Path > files = list.filter( p -> SUFFIXES.contains( suffix( p ) ) ).sorted().toList();
			if ( files.isEmpty() )
				throw new RestoreException( "No TIFF, PNG or JPEG images in " + dir + "." );
			return files;
		}
	}

	private static String suffix( final Path p )
	{
		final String n = p.getFileName().toString();
		return n.substring( n.lastIndexOf( '.' ) + 1 ).toLowerCase( Locale.ROOT );
	}

	@Override
	public ScaledBatch pairs( final long step, final int count )
	{
		return pairs.pairs( step, count );
	}

	/**
	 * Same-size pairs.
	 *
	 * @throws IllegalStateException when the scale is above 1 (use {@link #pairs})
	 */
	@Override
	public Batch batch( final long step, final int count )
	{
		return pairs.batch( step, count );
	}

	@Override
	public boolean targetsUnderInputMap()
	{
		return pairs.targetsUnderInputMap();
	}

	@Override
	public JsonObject recipe()
	{
		return pairs.recipe();
	}
}
