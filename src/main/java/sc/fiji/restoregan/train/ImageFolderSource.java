package sc.fiji.restoregan.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import sc.fiji.restoregan.bridge.Planes;
import sc.fiji.restoregan.bridge.TensorBridge;
import sc.fiji.restoregan.filter.AreaMean;
import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.normalize.Percentiles;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * Random crops of clean images read from files (or given in memory,
 * {@link #ofImages}): every 2D plane (each
 * channel of RGB and multi-channel images) is one source, scaled so that its
 * 0.1 and 99.9 percentiles become 0 and 1 (clipped to [0, 1]).
 */
public final class ImageFolderSource implements CleanSource
{
	private static final Set< String > SUFFIXES = Set.of( "tif", "tiff", "png", "jpg", "jpeg" );

	private final List< float[] > planes = new ArrayList<>();

	private final List< int[] > sizes = new ArrayList<>();

	private final List< String > names = new ArrayList<>();

	/**
	 * Loads every image of {@code folder} (not recursive) whose file name is
	 * not in {@code exclude}.
	 */
	public static ImageFolderSource of( final Path folder, final Set< String > exclude ) throws IOException
	{
		final List< Path > files = new ArrayList<>();
		try ( Stream< Path > list = Files.list( folder ) )
		{
			list.filter( p -> SUFFIXES.contains( suffix( p ) ) && !exclude.contains( p.getFileName().toString() ) ).sorted().forEach( files::add );
		}
		if ( files.isEmpty() )
			throw new RestoreException( "No TIFF, PNG or JPEG images in " + folder + "." );
		return new ImageFolderSource( files );
	}

	private static String suffix( final Path p )
	{
		final String n = p.getFileName().toString();
		return n.substring( n.lastIndexOf( '.' ) + 1 ).toLowerCase( Locale.ROOT );
	}

	/**
	 * Crops of images already in memory (every plane of each, copied), for
	 * example the images open in Fiji.
	 *
	 * @param names one per image, for the training card
	 */
	public static ImageFolderSource ofImages( final List< ? extends RandomAccessibleInterval< ? extends RealType< ? > > > images, final List< String > names )
	{
		final ImageFolderSource source = new ImageFolderSource( List.of() );
		for ( final RandomAccessibleInterval< ? extends RealType< ? > > img : images )
			for ( final RandomAccessibleInterval< ? extends RealType< ? > > plane : Planes.of( img ) )
				source.add( plane );
		source.names.addAll( names );
		return source;
	}

	/** Loads the given image files. */
	public ImageFolderSource( final List< Path > files )
	{
		for ( final Path f : files )
		{
			final Img< ? extends RealType< ? > > img = ImageFiles.read( f );
			for ( final RandomAccessibleInterval< ? extends RealType< ? > > plane : Planes.of( img ) )
				add( plane );
			names.add( f.getFileName().toString() );
		}
	}

	private void add( final RandomAccessibleInterval< ? extends RealType< ? > > plane )
	{
		final double[] p = Percentiles.of( plane, 0.1, 99.9 );
		final float[] data = TensorBridge.toArray( Views.zeroMin( plane ) );
		final double range = p[ 1 ] > p[ 0 ] ? p[ 1 ] - p[ 0 ] : 1;
		for ( int i = 0; i < data.length; i++ )
			data[ i ] = ( float ) Math.min( 1, Math.max( 0, ( data[ i ] - p[ 0 ] ) / range ) );
		planes.add( data );
		sizes.add( new int[] { ( int ) plane.dimension( 0 ), ( int ) plane.dimension( 1 ) } );
	}

	@Override
	public float[] next( final Random rnd, final int size )
	{
		return region( rnd, size, 1 );
	}

	/**
	 * This source with its regions zoomed out: each region a square of the
	 * plane {@code zoom} times the asked size, {@code zoom} drawn
	 * log-uniformly from [1, {@code maxZoom}] (less where the plane is too
	 * small), averaged down to the asked size ({@link AreaMean}). It shows
	 * the images' content at the scales of larger fields of view.
	 *
	 * @param maxZoom the largest zoom, at least 1; 1 gives this source's own
	 *            regions, from the same random draws
	 */
	public CleanSource zoomedOut( final double maxZoom )
	{
		if ( !( maxZoom >= 1 ) || Double.isInfinite( maxZoom ) )
			throw new IllegalArgumentException( "The largest zoom must be a finite number of at least 1, not " + maxZoom );
		return new CleanSource()
		{
			@Override
			public float[] next( final Random rnd, final int size )
			{
				return region( rnd, size, maxZoom );
			}

			@Override
			public String describe()
			{
				return ImageFolderSource.this.describe() + String.format( Locale.ROOT, ", zoomed out by a factor drawn log-uniformly from 1 to %.1f, the region at most the plane's shorter side (area mean)", maxZoom );
			}
		};
	}

	/** A region of {@code size} px, zoomed out by up to {@code maxZoom} (1: a plain crop, no draw for the zoom). */
	private float[] region( final Random rnd, final int size, final double maxZoom )
	{
		for ( int attempt = 0; attempt < 100; attempt++ )
		{
			final int k = rnd.nextInt( planes.size() );
			final int w = sizes.get( k )[ 0 ], h = sizes.get( k )[ 1 ];
			if ( w < size || h < size )
				continue;
			final int side = maxZoom == 1 ? size : ( int ) Math.min( Math.min( w, h ), Math.round( size * Math.exp( rnd.nextDouble() * Math.log( maxZoom ) ) ) );
			final int x0 = rnd.nextInt( w - side + 1 ), y0 = rnd.nextInt( h - side + 1 );
			final float[] src = planes.get( k ), out = new float[ side * side ];
			for ( int y = 0; y < side; y++ )
				System.arraycopy( src, ( y0 + y ) * w + x0, out, y * side, side );
			return side == size ? out : AreaMean.resize( out, side, side, size, size );
		}
		throw new RestoreException( "No training image is at least " + size + " pixels wide and high." );
	}

	@Override
	public String describe()
	{
		return "crops of " + String.join( ", ", names ) + " (" + planes.size() + " planes)";
	}
}
