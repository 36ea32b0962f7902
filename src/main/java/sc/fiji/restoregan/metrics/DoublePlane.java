package sc.fiji.restoregan.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleBiFunction;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

import sc.fiji.restoregan.bridge.Planes;

/**
 * A 2D image held as a row-major {@code double[]} (X fastest): the working
 * representation of the metrics, which copy each ImgLib2 plane once and then
 * run on plain arrays.
 */
public final class DoublePlane
{
	/** Width (X size). */
	public final int width;

	/** Height (Y size). */
	public final int height;

	/** The pixels, {@code width * height} values, row-major. */
	public final double[] data;

	/**
	 * Wraps an array (no copy).
	 *
	 * @throws IllegalArgumentException if the array length is not
	 *             {@code width * height}
	 */
	public DoublePlane( final int width, final int height, final double[] data )
	{
		if ( width < 1 || height < 1 || data.length != ( long ) width * height )
			throw new IllegalArgumentException( "A " + width + "x" + height + " plane needs " + ( ( long ) width * height ) + " values, got " + data.length );
		this.width = width;
		this.height = height;
		this.data = data;
	}

	/** A new plane of zeros. */
	public DoublePlane( final int width, final int height )
	{
		this( width, height, new double[ width * height ] );
	}

	/**
	 * Copies a 2D image (any real pixel type) into a new plane.
	 *
	 * @throws IllegalArgumentException if the image is not 2D or too large
	 */
	public static DoublePlane of( final RandomAccessibleInterval< ? extends RealType< ? > > image )
	{
		if ( image.numDimensions() != 2 )
			throw new IllegalArgumentException( "Expected a 2D image, got " + image.numDimensions() + "D" );
		final long n = Intervals.numElements( image );
		if ( n > Integer.MAX_VALUE )
			throw new IllegalArgumentException( "Plane too large: " + Intervals.toString( image ) );
		final double[] data = new double[ ( int ) n ];
		final Cursor< ? extends RealType< ? > > c = Views.flatIterable( image ).cursor();
		for ( int i = 0; i < data.length; i++ )
			data[ i ] = c.next().getRealDouble();
		return new DoublePlane( ( int ) image.dimension( 0 ), ( int ) image.dimension( 1 ), data );
	}

	/**
	 * All 2D planes of an image (dimensions 0 and 1 are X and Y; every further
	 * dimension is iterated as in {@link Planes}), copied.
	 */
	public static List< DoublePlane > planes( final RandomAccessibleInterval< ? extends RealType< ? > > image )
	{
		if ( image.numDimensions() < 2 )
			throw new IllegalArgumentException( "Expected an image with at least 2 dimensions, got " + image.numDimensions() );
		final List< DoublePlane > planes = new ArrayList<>();
		for ( final RandomAccessibleInterval< ? extends RealType< ? > > p : Planes.of( image ) )
			planes.add( of( p ) );
		return planes;
	}

	/**
	 * The mean of a per-plane score over the planes of two images of equal
	 * size, copying one pair of planes at a time.
	 */
	public static double meanOverPlanes( final RandomAccessibleInterval< ? extends RealType< ? > > reference, final RandomAccessibleInterval< ? extends RealType< ? > > test, final ToDoubleBiFunction< DoublePlane, DoublePlane > score )
	{
		Inputs.requireSameSize( reference, test );
		final long n = Planes.count( reference );
		double sum = 0;
		for ( long p = 0; p < n; p++ )
			sum += score.applyAsDouble( of( Planes.plane( reference, p ) ), of( Planes.plane( test, p ) ) );
		return sum / n;
	}

	/** The value at column {@code x}, row {@code y}. */
	public double get( final int x, final int y )
	{
		return data[ y * width + x ];
	}

	/** The smallest value. */
	public double min()
	{
		double m = Double.POSITIVE_INFINITY;
		for ( final double v : data )
			m = Math.min( m, v );
		return m;
	}

	/** The largest value. */
	public double max()
	{
		double m = Double.NEGATIVE_INFINITY;
		for ( final double v : data )
			m = Math.max( m, v );
		return m;
	}

	/** The mean squared difference to a plane of the same size. */
	public double meanSquaredDifference( final DoublePlane other )
	{
		double sum = 0;
		for ( int i = 0; i < data.length; i++ )
		{
			final double d = data[ i ] - other.data[ i ];
			sum += d * d;
		}
		return sum / data.length;
	}

	/** A new plane {@code (v - offset) * scale} of this one. */
	public DoublePlane affine( final double offset, final double scale )
	{
		final double[] out = new double[ data.length ];
		for ( int i = 0; i < out.length; i++ )
			out[ i ] = ( data[ i ] - offset ) * scale;
		return new DoublePlane( width, height, out );
	}

	/** The top-left {@code w x h} part of this plane, copied. */
	public DoublePlane crop( final int w, final int h )
	{
		if ( w > width || h > height )
			throw new IllegalArgumentException( "Cannot crop a " + width + "x" + height + " plane to " + w + "x" + h );
		final double[] out = new double[ w * h ];
		for ( int y = 0; y < h; y++ )
			System.arraycopy( data, y * width, out, y * w, w );
		return new DoublePlane( w, h, out );
	}

	/** This plane as a new 32-bit ImgLib2 image. */
	public ArrayImg< FloatType, FloatArray > toFloatImg()
	{
		final float[] f = new float[ data.length ];
		for ( int i = 0; i < f.length; i++ )
			f[ i ] = ( float ) data[ i ];
		return ArrayImgs.floats( f, width, height );
	}
}
