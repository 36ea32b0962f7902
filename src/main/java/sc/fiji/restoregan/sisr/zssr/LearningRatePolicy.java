package sc.fiji.restoregan.sisr.zssr;

import java.util.ArrayList;
import java.util.List;

/**
 * ZSSR's learning-rate policy: the reconstruction error of the whole image
 * is measured every {@value #TEST_EVERY} iterations; every
 * {@value #CHECK_EVERY} iterations, once at least {@value #MIN_ITERS} have
 * passed since the last change, a line is fitted to the errors of the last
 * {@value #SLOPE_RANGE} iterations, and when {@code -1.5 x slope} is below
 * the slope's standard error (numpy's {@code polyfit(..., cov=True)}) the
 * rate is divided by 10. Training stops when the rate falls below
 * {@value #MIN_RATE}.
 */
public final class LearningRatePolicy
{
	/** Iterations between reconstruction tests. */
	public static final int TEST_EVERY = 50;

	/** Iterations between policy checks. */
	public static final int CHECK_EVERY = 60;

	/** Iterations that must pass after a change before the next. */
	public static final int MIN_ITERS = 256;

	/** Iterations over which the slope is fitted. */
	public static final int SLOPE_RANGE = 256;

	/** The policy stops training below this rate. */
	public static final double MIN_RATE = 9e-6;

	private static final double CHANGE_RATIO = 1.5;

	private double rate;

	private long lastChange;

	private final List< double[] > errors = new ArrayList<>();

	/** @param initial the starting learning rate (1e-3 in the paper) */
	public LearningRatePolicy( final double initial )
	{
		rate = initial;
	}

	/** The current learning rate. */
	public double rate()
	{
		return rate;
	}

	/** Whether the rate fell below {@link #MIN_RATE} (training is done). */
	public boolean finished()
	{
		return rate < MIN_RATE;
	}

	/** Whether iteration {@code iter} should measure the reconstruction error. */
	public static boolean testDue( final long iter )
	{
		return iter % TEST_EVERY == 0;
	}

	/** Records the reconstruction error measured at iteration {@code iter}. */
	public void record( final long iter, final double error )
	{
		errors.add( new double[] { iter, error } );
	}

	/**
	 * Called after every iteration; divides the rate by 10 when the error
	 * stopped falling.
	 *
	 * @return whether the rate changed
	 */
	public boolean update( final long iter )
	{
		if ( ( 1 + iter ) % CHECK_EVERY != 0 || iter - lastChange <= MIN_ITERS )
			return false;
		final int n = Math.min( errors.size(), SLOPE_RANGE / TEST_EVERY );
		if ( n < 5 )
			return false;
		final double[] fit = slopeAndStandardError( errors.subList( errors.size() - n, errors.size() ) );
		if ( -CHANGE_RATIO * fit[ 0 ] < fit[ 1 ] )
		{
			rate /= 10;
			lastChange = iter;
			return true;
		}
		return false;
	}

	/**
	 * The least-squares slope of {x, y} points and its standard error as numpy's
	 * {@code polyfit(x, y, 1, cov=True)} computes it: residual sum of squares
	 * over {@code n - 4} times the slope's entry of the inverse normal matrix.
	 */
	static double[] slopeAndStandardError( final List< double[] > points )
	{
		final int n = points.size();
		double sx = 0, sy = 0, sxx = 0, sxy = 0;
		for ( final double[] p : points )
		{
			sx += p[ 0 ];
			sy += p[ 1 ];
			sxx += p[ 0 ] * p[ 0 ];
			sxy += p[ 0 ] * p[ 1 ];
		}
		final double det = n * sxx - sx * sx;
		final double slope = ( n * sxy - sx * sy ) / det;
		final double intercept = ( sy - slope * sx ) / n;
		double rss = 0;
		for ( final double[] p : points )
		{
			final double r = p[ 1 ] - slope * p[ 0 ] - intercept;
			rss += r * r;
		}
		final double variance = rss / ( n - 4 ) * n / det;
		return new double[] { slope, Math.sqrt( variance ) };
	}
}
