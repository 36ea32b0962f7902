package sc.fiji.restoregan.sisr;

import java.nio.file.Path;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

import sc.fiji.restoregan.bridge.Planes;
import sc.fiji.restoregan.metrics.DoublePlane;
import sc.fiji.restoregan.normalize.AffineNormalization;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.pipeline.RestoreOptions;
import sc.fiji.restoregan.sisr.ingan.InganModel;
import sc.fiji.restoregan.sisr.ingan.InganTrainer;
import sc.fiji.restoregan.sisr.singan.SinganModel;
import sc.fiji.restoregan.sisr.singan.SinganTrainer;
import sc.fiji.restoregan.sisr.zssr.ZssrModel;
import sc.fiji.restoregan.sisr.zssr.ZssrTrainer;

/**
 * The entry point of single-image super-resolution, independent of Fiji:
 * train a method on one plane, apply a model to every plane of an image,
 * save, load and continue training. Planes are percentile-normalised
 * (1 and 99.8, as the pretrained generators) before training or applying
 * and mapped back afterwards, so outputs are in the input's units; each
 * plane of a stack uses its own percentiles.
 */
public final class SingleImageSr
{
	private SingleImageSr()
	{}

	/** The normalisation used for a plane. */
	public static AffineNormalization normalization( final RandomAccessibleInterval< ? extends RealType< ? > > plane )
	{
		return AffineNormalization.fromPercentiles( plane, RestoreOptions.DEFAULT_LOW, RestoreOptions.DEFAULT_HIGH );
	}

	/** A 2D plane, normalised, as a copy. */
	public static DoublePlane normalised( final RandomAccessibleInterval< ? extends RealType< ? > > plane )
	{
		return normalised( plane, normalization( plane ) );
	}

	/** A 2D plane under a given normalisation, as a copy. */
	private static DoublePlane normalised( final RandomAccessibleInterval< ? extends RealType< ? > > plane, final AffineNormalization n )
	{
		final DoublePlane p = DoublePlane.of( plane );
		final double[] d = p.data;
		for ( int i = 0; i < d.length; i++ )
			d[ i ] = n.apply( d[ i ] );
		return p;
	}

	/**
	 * Trains a new model of {@code settings.method} on one 2D plane.
	 *
	 * @param plane the image to learn from (any real pixel type; not modified)
	 */
	public static SingleImageModel train( final RandomAccessibleInterval< ? extends RealType< ? > > plane, final SisrSettings settings, final TrainingMonitor monitor )
	{
		requirePlane( plane );
		return train( normalised( plane ), settings, monitor );
	}

	/** Trains a new model on a normalised plane. */
	public static SingleImageModel train( final DoublePlane normalised, final SisrSettings settings, final TrainingMonitor monitor )
	{
		switch ( settings.method() )
		{
		case ZSSR:
			return ZssrTrainer.train( normalised, settings, monitor );
		case SINGAN:
			return SinganTrainer.train( normalised, settings, monitor );
		case INGAN:
			return InganTrainer.train( normalised, settings, monitor );
		default:
			throw new IllegalArgumentException( settings.method );
		}
	}

	/**
	 * Trains a model further on a plane, for {@code model.settings().iterations}
	 * more updates (per scale or stage as the method counts them).
	 */
	public static SingleImageModel resume( final SingleImageModel model, final RandomAccessibleInterval< ? extends RealType< ? > > plane, final TrainingMonitor monitor )
	{
		requirePlane( plane );
		final DoublePlane p = normalised( plane );
		if ( model instanceof ZssrModel )
			return ZssrTrainer.resume( ( ZssrModel ) model, p, monitor );
		if ( model instanceof SinganModel )
			return SinganTrainer.resume( ( SinganModel ) model, p, monitor );
		if ( model instanceof InganModel )
			return InganTrainer.resume( ( InganModel ) model, p, monitor );
		throw new IllegalArgumentException( "Unknown model type " + model.getClass().getName() );
	}

	/** Loads a saved model (checksums checked). */
	public static SingleImageModel load( final Path dir )
	{
		final ModelFolder.Description d = ModelFolder.read( dir );
		switch ( d.settings.method() )
		{
		case ZSSR:
			return ZssrModel.load( dir, d );
		case SINGAN:
			return SinganModel.load( dir, d );
		case INGAN:
			return InganModel.load( dir, d );
		default:
			throw new IllegalArgumentException( d.settings.method );
		}
	}

	/**
	 * Applies a model to every plane of an image (X and Y first; further axes
	 * such as Z, channel and time are processed plane by plane). The input is
	 * not modified; the output is a new 32-bit image whose X and Y sizes are
	 * the model's output size and whose other axes are the input's.
	 */
	public static < T extends RealType< T > > Img< FloatType > apply( final SingleImageModel model, final RandomAccessibleInterval< T > image, final Progress progress )
	{
		if ( image.numDimensions() < 2 )
			throw new RestoreException( "Single-image methods need an image with X and Y axes" );
		final int[] size = model.outputSize( ( int ) image.dimension( 0 ), ( int ) image.dimension( 1 ) );
		final long[] dims = Intervals.dimensionsAsLongArray( image );
		dims[ 0 ] = size[ 0 ];
		dims[ 1 ] = size[ 1 ];
		final Img< FloatType > out = ArrayImgs.floats( dims );
		final long planes = Planes.count( image );
		for ( long p = 0; p < planes; p++ )
		{
			progress.checkCancelled();
			final long index = p;
			final RandomAccessibleInterval< T > plane = Planes.plane( Views.zeroMin( image ), p );
			final AffineNormalization n = normalization( plane );
			final DoublePlane result = model.apply( normalised( plane, n ), new Progress()
			{
				@Override
				public void update( final long done, final long total, final String message )
				{
					progress.update( index * total + done, planes * total, message + ( planes > 1 ? " (plane " + ( index + 1 ) + "/" + planes + ")" : "" ) );
				}

				@Override
				public boolean isCancelled()
				{
					return progress.isCancelled();
				}
			} );
			write( result, n, Planes.plane( out, p ) );
		}
		return out;
	}

	private static void write( final DoublePlane plane, final AffineNormalization n, final RandomAccessibleInterval< FloatType > target )
	{
		final RandomAccess< FloatType > ra = target.randomAccess();
		final long x0 = target.min( 0 ), y0 = target.min( 1 );
		for ( int y = 0; y < plane.height; y++ )
			for ( int x = 0; x < plane.width; x++ )
			{
				ra.setPosition( x0 + x, 0 );
				ra.setPosition( y0 + y, 1 );
				ra.get().setReal( n.invert( plane.data[ y * plane.width + x ] ) );
			}
	}

	private static void requirePlane( final RandomAccessibleInterval< ? > plane )
	{
		if ( plane.numDimensions() != 2 )
			throw new RestoreException( "Single-image training needs one 2D plane; select a plane of the stack first" );
	}
}
