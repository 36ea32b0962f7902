package sc.fiji.restoregan.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.measure.Calibration;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;

import sc.fiji.restoregan.bridge.Planes;
import sc.fiji.restoregan.bridge.TensorBridge;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * Reads and writes image files with ImageJ 1 ({@code ij.jar}): TIFF (8, 16
 * and 32-bit, single images and stacks), PNG and JPEG. Images become
 * five-dimensional ImgLib2 images (X, Y, channel, Z, time) that wrap
 * ImageJ's pixel arrays without copying; RGB images become three 8-bit
 * channels.
 */
public final class ImageFiles
{
	private ImageFiles()
	{}

	/**
	 * Reads an image file.
	 *
	 * @throws RestoreException if it is missing or not a readable image
	 */
	public static Img< ? extends RealType< ? > > read( final Path file )
	{
		return wrap( open( file ) );
	}

	/**
	 * Opens an image file as ImageJ does, with its calibration.
	 *
	 * @throws RestoreException if it is missing or not a readable image
	 */
	public static ImagePlus open( final Path file )
	{
		if ( !Files.isRegularFile( file ) )
			throw new RestoreException( "No such file: " + file );
		final ImagePlus imp = new Opener().openImage( file.toAbsolutePath().toString() );
		if ( imp == null )
			throw new RestoreException( "Cannot read " + file + " as an image (TIFF, PNG or JPEG expected)." );
		return imp;
	}

	/**
	 * The calibration of {@code source} for an image of {@code width x height}
	 * pixels made from it (restored, or resampled by super-resolution or
	 * retargeting): a copy whose pixel width, height and origin follow the
	 * change of pixel size; depth, frame interval and units are kept.
	 */
	private static Calibration resampled( final ImagePlus source, final long width, final long height )
	{
		final Calibration c = source.getCalibration().copy();
		final double sx = ( double ) source.getWidth() / width, sy = ( double ) source.getHeight() / height;
		c.pixelWidth *= sx;
		c.pixelHeight *= sy;
		c.xOrigin /= sx;
		c.yOrigin /= sy;
		return c;
	}

	/** An ImagePlus as an (X, Y, C, Z, T) image sharing its pixel arrays. */
	public static Img< ? extends RealType< ? > > wrap( final ImagePlus imp )
	{
		final ImageStack stack = imp.getStack();
		final int c = imp.getNChannels(), z = imp.getNSlices(), t = imp.getNFrames();
		final long w = imp.getWidth(), h = imp.getHeight();
		final List< Object > planes = new ArrayList<>();
		for ( int i = 1; i <= stack.getSize(); i++ )
			planes.add( stack.getPixels( i ) );
		switch ( imp.getType() )
		{
		case ImagePlus.GRAY8:
		case ImagePlus.COLOR_256:
			return bytes( planes, new long[] { w, h, c, z, t } );
		case ImagePlus.GRAY16:
		{
			final List< ShortArray > arrays = new ArrayList<>();
			planes.forEach( p -> arrays.add( new ShortArray( ( short[] ) p ) ) );
			final PlanarImg< UnsignedShortType, ShortArray > img = new PlanarImg<>( arrays, new long[] { w, h, c, z, t }, new Fraction() );
			img.setLinkedType( new UnsignedShortType( img ) );
			return img;
		}
		case ImagePlus.GRAY32:
		{
			final List< FloatArray > arrays = new ArrayList<>();
			planes.forEach( p -> arrays.add( new FloatArray( ( float[] ) p ) ) );
			final PlanarImg< FloatType, FloatArray > img = new PlanarImg<>( arrays, new long[] { w, h, c, z, t }, new Fraction() );
			img.setLinkedType( new FloatType( img ) );
			return img;
		}
		case ImagePlus.COLOR_RGB:
		{
			final List< Object > rgb = new ArrayList<>();
			for ( int i = 1; i <= stack.getSize(); i++ )
			{
				final ColorProcessor cp = ( ColorProcessor ) stack.getProcessor( i );
				final int n = cp.getPixelCount();
				final byte[] r = new byte[ n ], g = new byte[ n ], b = new byte[ n ];
				cp.getRGB( r, g, b );
				rgb.add( r );
				rgb.add( g );
				rgb.add( b );
			}
			return bytes( rgb, new long[] { w, h, 3L * c, z, t } );
		}
		default:
			throw new RestoreException( "Unsupported ImageJ image type " + imp.getType() + "." );
		}
	}

	private static Img< UnsignedByteType > bytes( final List< Object > planes, final long[] dims )
	{
		final List< ByteArray > arrays = new ArrayList<>();
		planes.forEach( p -> arrays.add( new ByteArray( ( byte[] ) p ) ) );
		final PlanarImg< UnsignedByteType, ByteArray > img = new PlanarImg<>( arrays, dims, new Fraction() );
		img.setLinkedType( new UnsignedByteType( img ) );
		return img;
	}

	/**
	 * An (X, Y, C, Z, T) float image as an ImagePlus hyperstack. The planes of
	 * a {@link PlanarImg} are shared, others are copied.
	 */
	public static ImagePlus toImagePlus( final RandomAccessibleInterval< FloatType > image, final String title )
	{
		final int w = ( int ) image.dimension( 0 ), h = ( int ) image.dimension( 1 );
		final ImageStack stack = new ImageStack( w, h );
		final long n = Planes.count( image );
		for ( long p = 0; p < n; p++ )
			stack.addSlice( new FloatProcessor( w, h, planeArray( image, p ) ) );
		final ImagePlus imp = new ImagePlus( title, stack );
		final int[] czt = new int[] { 1, 1, 1 };
		for ( int d = 2; d < image.numDimensions() && d < 5; d++ )
			czt[ d - 2 ] = ( int ) image.dimension( d );
		if ( czt[ 0 ] * czt[ 1 ] * czt[ 2 ] == n )
			imp.setDimensions( czt[ 0 ], czt[ 1 ], czt[ 2 ] );
		return imp;
	}

	@SuppressWarnings( "unchecked" )
	private static float[] planeArray( final RandomAccessibleInterval< FloatType > image, final long p )
	{
		if ( image instanceof PlanarImg && ( ( PlanarImg< ?, ? > ) image ).getPlane( 0 ) instanceof FloatArray )
			return ( ( PlanarImg< FloatType, FloatArray > ) image ).getPlane( ( int ) p ).getCurrentStorageArray();
		return TensorBridge.toArray( Planes.plane( image, p ) );
	}

	/**
	 * Writes a 32-bit TIFF (a hyperstack when there are several planes) under
	 * a temporary name beside {@code file}, then renames it, so a failure never
	 * leaves a partial file under the final name.
	 */
	public static void writeFloatTiff( final RandomAccessibleInterval< FloatType > image, final Path file ) throws IOException
	{
		write( image, file, null );
	}

	/**
	 * {@link #writeFloatTiff(RandomAccessibleInterval, Path)} with the
	 * calibration of the image it was made from (pixel size, units, frame
	 * interval), the pixel size scaled to the output's size (divided by the
	 * scale of super-resolution).
	 *
	 * @param source the image {@code image} was restored from
	 */
	public static void writeFloatTiff( final RandomAccessibleInterval< FloatType > image, final Path file, final ImagePlus source ) throws IOException
	{
		write( image, file, resampled( source, image.dimension( 0 ), image.dimension( 1 ) ) );
	}

	/** Writes a 32-bit TIFF atomically with the given calibration, or none for null. */
	private static void write( final RandomAccessibleInterval< FloatType > image, final Path file, final Calibration calibration ) throws IOException
	{
		final Path target = file.toAbsolutePath();
		final Path dir = target.getParent();
		if ( dir != null )
			Files.createDirectories( dir );
		final Path tmp = Files.createTempFile( dir, "." + target.getFileName(), ".tmp.tif" );
		try
		{
			final ImagePlus imp = toImagePlus( image, target.getFileName().toString() );
			if ( calibration != null )
				imp.setCalibration( calibration );
			final FileSaver saver = new FileSaver( imp );
			final boolean ok = imp.getStackSize() > 1 ? saver.saveAsTiffStack( tmp.toString() ) : saver.saveAsTiff( tmp.toString() );
			if ( !ok )
				throw new IOException( "ImageJ could not write " + tmp );
			Files.move( tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE );
		}
		finally
		{
			Files.deleteIfExists( tmp );
		}
	}
}
