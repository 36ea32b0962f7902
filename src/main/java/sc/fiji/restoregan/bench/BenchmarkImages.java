package sc.fiji.restoregan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import sc.fiji.restoregan.bridge.Planes;
import sc.fiji.restoregan.bridge.TensorBridge;
import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.simulate.MicroscopyScene;

/**
 * The clean images of a benchmark: every 2D plane (each channel of RGB and
 * multi-channel images) of every image in a folder, centre-cropped to at most
 * {@code maxSize} square and scaled to [0, 1] by its minimum and maximum.
 */
public final class BenchmarkImages
{
	private BenchmarkImages()
	{}

	/**
	 * One clean plane.
	 *
	 * @param name file name, with "#c" for plane c of a multi-plane image
	 * @param pixels row-major values in [0, 1]
	 * @param width columns
	 * @param height rows
	 */
	public record Item( String name, float[] pixels, int width, int height )
	{}

	/** Loads the images of {@code folder} (TIFF, PNG, JPEG), sorted by name, skipping {@code skip}. */
	public static List< Item > load( final Path folder, final int maxSize, final Set< String > skip ) throws IOException
	{
		final List< Item > items = new ArrayList<>();
		final List< Path > files;
		try ( Stream< Path > list = Files.list( folder ) )
		{
			files = list.filter( p -> p.getFileName().toString().toLowerCase( Locale.ROOT ).matches( ".*\\.(tif|tiff|png|jpg|jpeg)" ) )
					.filter( p -> !skip.contains( p.getFileName().toString() ) ).sorted().toList();
		}
		for ( final Path f : files )
			items.addAll( loadFile( f, maxSize ) );
		return items;
	}

	/**
	 * The planes of one image file (TIFF, PNG, JPEG), each centre-cropped to
	 * at most {@code maxSize} square and scaled to [0, 1], named as by
	 * {@link #load}.
	 *
	 * @throws sc.fiji.restoregan.pipeline.RestoreException when the file is
	 *             missing or not an image
	 */
	public static List< Item > loadFile( final Path file, final int maxSize )
	{
		final List< Item > items = new ArrayList<>();
		final Img< ? extends RealType< ? > > img = ImageFiles.read( file );
		final long planes = Planes.count( img );
		for ( long p = 0; p < planes; p++ )
			items.add( crop( planes == 1 ? file.getFileName().toString() : file.getFileName() + "#" + p, Planes.plane( img, p ), maxSize ) );
		return items;
	}

	/**
	 * {@code count} simulated microscopy scenes ({@link MicroscopyScene},
	 * default content), {@code size} square, named {@code scene-SEED}, with
	 * seeds {@code seed, seed + 1, ...}, scaled to [0, 1] like the images.
	 */
	public static List< Item > scenes( final int count, final int size, final long seed )
	{
		final List< Item > items = new ArrayList<>();
		for ( int k = 0; k < count; k++ )
			items.add( crop( "scene-" + ( seed + k ), ArrayImgs.floats( MicroscopyScene.of2d( size, size ).generate( seed + k ), size, size ), size ) );
		return items;
	}

	private static Item crop( final String name, final RandomAccessibleInterval< ? extends RealType< ? > > plane, final int maxSize )
	{
		final int w = ( int ) Math.min( maxSize, plane.dimension( 0 ) ), h = ( int ) Math.min( maxSize, plane.dimension( 1 ) );
		final long x0 = plane.min( 0 ) + ( plane.dimension( 0 ) - w ) / 2, y0 = plane.min( 1 ) + ( plane.dimension( 1 ) - h ) / 2;
		final float[] px = TensorBridge.toArray( Views.interval( plane, new long[] { x0, y0 }, new long[] { x0 + w - 1, y0 + h - 1 } ) );
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for ( final float v : px )
		{
			min = Math.min( min, v );
			max = Math.max( max, v );
		}
		final float range = max > min ? max - min : 1;
		for ( int i = 0; i < px.length; i++ )
			px[ i ] = ( px[ i ] - min ) / range;
		return new Item( name, px, w, h );
	}
}
