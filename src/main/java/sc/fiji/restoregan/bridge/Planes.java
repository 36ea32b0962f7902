package sc.fiji.restoregan.bridge;

import java.util.AbstractList;
import java.util.List;

import net.imglib2.Interval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.view.Views;

/**
 * Splits an n-dimensional image into its 2D (X, Y) planes, as views.
 * <p>
 * Dimensions 0 and 1 are X and Y; every further dimension (channel, Z, time,
 * in any order) is iterated, so each channel of each slice of each time point
 * is one plane. Planes are enumerated with dimension 2 varying fastest.
 * </p>
 */
public final class Planes
{
	private Planes()
	{}

	/** Number of 2D planes in an image of the given interval (at least 2D). */
	public static long count( final Interval interval )
	{
		long n = 1;
		for ( int d = 2; d < interval.numDimensions(); d++ )
			n *= interval.dimension( d );
		return n;
	}

	/**
	 * The coordinates of plane {@code index} in dimensions 2 and above.
	 *
	 * @param interval the image's interval
	 * @param index the plane number, 0 to {@link #count(Interval)} - 1
	 * @return one position per dimension from 2 on
	 */
	public static long[] position( final Interval interval, final long index )
	{
		final int extra = Math.max( 0, interval.numDimensions() - 2 );
		final long[] pos = new long[ extra ];
		long rest = index;
		for ( int i = 0; i < extra; i++ )
		{
			final long size = interval.dimension( i + 2 );
			pos[ i ] = interval.min( i + 2 ) + rest % size;
			rest /= size;
		}
		return pos;
	}

	/**
	 * Plane {@code index} of {@code image} as a 2D view (no copy); its
	 * interval keeps the image's X and Y minimum.
	 */
	public static < T > RandomAccessibleInterval< T > plane( final RandomAccessibleInterval< T > image, final long index )
	{
		final long[] pos = position( image, index );
		RandomAccessibleInterval< T > view = image;
		for ( int i = pos.length - 1; i >= 0; i-- )
			view = Views.hyperSlice( view, i + 2, pos[ i ] );
		return view;
	}

	/** All planes of {@code image}, as a lazy list of views. */
	public static < T > List< RandomAccessibleInterval< T > > of( final RandomAccessibleInterval< T > image )
	{
		final long n = count( image );
		if ( n > Integer.MAX_VALUE )
			throw new IllegalArgumentException( "Too many planes: " + n );
		return new AbstractList< RandomAccessibleInterval< T > >()
		{
			@Override
			public RandomAccessibleInterval< T > get( final int index )
			{
				return plane( image, index );
			}

			@Override
			public int size()
			{
				return ( int ) n;
			}
		};
	}
}
