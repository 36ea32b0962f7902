package sc.fiji.restoregan.io;

import java.nio.file.Files;
import java.nio.file.Path;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import sc.fiji.restoregan.bridge.Planes;
import sc.fiji.restoregan.bridge.TensorBridge;
import sc.fiji.restoregan.degrade.Kernel;
import sc.fiji.restoregan.degrade.PsfSpec;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * Point-spread functions from what a user types: a measured PSF image file
 * or a named model of the blur ({@link PsfSpec#parse}).
 */
public final class PsfFiles
{
	private PsfFiles()
	{}

	/**
	 * The PSF a user names: an existing image file (its in-focus plane, see
	 * {@link #of}), otherwise one of {@link PsfSpec#FORMS}.
	 *
	 * @throws RestoreException naming the problem
	 */
	public static Kernel resolve( final String spec )
	{
		final String s = spec.trim();
		try
		{
			final Path file = Path.of( s );
			if ( Files.isRegularFile( file ) )
				return read( file );
		}
		catch ( final java.nio.file.InvalidPathException e )
		{
			// not a path: a named PSF
		}
		if ( !s.contains( ":" ) )
			throw new RestoreException( "No such PSF image file: " + s + " (or name a PSF: " + PsfSpec.FORMS + ")." );
		try
		{
			return PsfSpec.parse( s );
		}
		catch ( final IllegalArgumentException e )
		{
			throw new RestoreException( e.getMessage() + "." );
		}
	}

	/**
	 * The in-focus plane of a PSF image file as a kernel ({@link #of}).
	 *
	 * @throws RestoreException if it cannot be read or has no positive value
	 */
	public static Kernel read( final Path file )
	{
		return of( ImageFiles.read( file ), file.toString() );
	}

	/**
	 * A PSF image as a 2D kernel ({@link PsfSpec#fromImage}): a single plane
	 * as it is; of a stack (a 3D PSF, as measured on a bead or computed by
	 * PSF Generator), the in-focus plane, the one with the highest value.
	 *
	 * @param name for messages
	 * @throws RestoreException if it has no positive value
	 */
	public static Kernel of( final RandomAccessibleInterval< ? extends RealType< ? > > image, final String name )
	{
		final RandomAccessibleInterval< ? extends RealType< ? > > plane = brightestPlane( image );
		try
		{
			return PsfSpec.fromImage( TensorBridge.toArray( plane ), ( int ) plane.dimension( 0 ), ( int ) plane.dimension( 1 ) );
		}
		catch ( final IllegalArgumentException e )
		{
			throw new RestoreException( "PSF " + name + ": " + e.getMessage() );
		}
	}

	private static < T extends RealType< ? > > RandomAccessibleInterval< T > brightestPlane( final RandomAccessibleInterval< T > image )
	{
		RandomAccessibleInterval< T > best = null;
		double peak = Double.NEGATIVE_INFINITY;
		for ( final RandomAccessibleInterval< T > plane : Planes.of( Views.zeroMin( image ) ) )
		{
			double max = Double.NEGATIVE_INFINITY;
			for ( final T v : Views.iterable( plane ) )
				max = Math.max( max, v.getRealDouble() );
			if ( max > peak )
			{
				peak = max;
				best = plane;
			}
		}
		return Views.zeroMin( best );
	}
}
