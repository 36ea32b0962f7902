package sc.fiji.restoregan.normalize;

import java.util.Arrays;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * Exact percentiles of an image without copying it.
 * <p>
 * Uses numpy's default definition (linear interpolation between the two
 * closest ranks: rank {@code q / 100 * (n - 1)} of the sorted values). The
 * order statistics are found by repeated histogram refinement: each pass
 * bins the values that may still hold the wanted rank into 4096 bins, so
 * memory stays constant whatever the image size, and a few passes reach the
 * exact value. Non-finite pixels are rejected with a clear message.
 * </p>
 */
public final class Percentiles
{
	private static final int BINS = 4096;

	private static final int COLLECT_LIMIT = 1 << 16;

	private Percentiles()
	{}

	/**
	 * The percentiles {@code q} (0 to 100) of all pixels of {@code image}.
	 *
	 * @throws RestoreException if the image is empty or has NaN or infinite
	 *             pixels
	 */
	public static double[] of( final RandomAccessibleInterval< ? extends RealType< ? > > image, final double... q )
	{
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		long n = 0, bad = 0;
		for ( final RealType< ? > t : image )
		{
			final double v = t.getRealDouble();
			if ( !Double.isFinite( v ) )
			{
				bad++;
				continue;
			}
			if ( v < min )
				min = v;
			if ( v > max )
				max = v;
			n++;
		}
		if ( bad > 0 )
			throw new RestoreException( "The image has " + bad + " NaN or infinite pixel(s); replace them first (for example Process>Math>Remove NaNs...)." );
		if ( n == 0 )
			throw new RestoreException( "The image is empty." );
		final double[] result = new double[ q.length ];
		for ( int i = 0; i < q.length; i++ )
		{
			if ( !( q[ i ] >= 0 && q[ i ] <= 100 ) )
				throw new IllegalArgumentException( "Percentile must be within 0 and 100: " + q[ i ] );
			final double rank = q[ i ] / 100.0 * ( n - 1 );
			final long lo = ( long ) Math.floor( rank );
			final long hi = Math.min( n - 1, lo + 1 );
			final double vLo = orderStatistic( image, lo, min, max );
			final double vHi = hi == lo ? vLo : orderStatistic( image, hi, min, max );
			result[ i ] = vLo + ( rank - lo ) * ( vHi - vLo );
		}
		return result;
	}

	/** The value of rank {@code k} (0-based) among the pixels, given their range. */
	private static double orderStatistic( final Iterable< ? extends RealType< ? > > image, final long k, final double min, final double max )
	{
		double lo = min, hi = max;
		long below = 0; // number of values < lo
		while ( true )
		{
			if ( lo == hi )
				return lo;
			final long[] counts = new long[ BINS ];
			final double width = ( hi - lo ) / BINS;
			long inRange = 0;
			for ( final RealType< ? > t : image )
			{
				final double v = t.getRealDouble();
				if ( v >= lo && v <= hi )
				{
					counts[ bin( v, lo, width ) ]++;
					inRange++;
				}
			}
			if ( inRange <= COLLECT_LIMIT )
				return collectAndSelect( image, lo, hi, ( int ) inRange, ( int ) ( k - below ) );
			long cumulative = below;
			int b = 0;
			while ( cumulative + counts[ b ] <= k )
				cumulative += counts[ b++ ];
			final double newLo = lo + b * width;
			final double newHi = b == BINS - 1 ? hi : Math.nextDown( lo + ( b + 1 ) * width );
			if ( newHi <= newLo || ( newLo == lo && newHi == hi ) )
				return newLo; // bin cannot be split further: all its values are equal
			below = cumulative;
			lo = newLo;
			hi = newHi;
		}
	}

	private static int bin( final double v, final double lo, final double width )
	{
		final int b = ( int ) ( ( v - lo ) / width );
		return Math.min( BINS - 1, Math.max( 0, b ) );
	}

	private static double collectAndSelect( final Iterable< ? extends RealType< ? > > image, final double lo, final double hi, final int count, final int k )
	{
		final double[] values = new double[ count ];
		int i = 0;
		for ( final RealType< ? > t : image )
		{
			final double v = t.getRealDouble();
			if ( v >= lo && v <= hi )
				values[ i++ ] = v;
		}
		Arrays.sort( values );
		return values[ Math.max( 0, Math.min( count - 1, k ) ) ];
	}
}
