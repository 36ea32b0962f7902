package sc.fiji.restoregan.degrade;

import java.util.Locale;
import java.util.Random;

/**
 * A documented parameter range and how random values are drawn from it:
 * uniformly, or log-uniformly for scale-like parameters (photon counts,
 * dimming factors) where each decade should be equally likely.
 *
 * @param min smallest value
 * @param max largest value (at least {@code min})
 * @param logScale draw log-uniformly (then {@code min} must be positive)
 */
public record Range( double min, double max, boolean logScale )
{
	/** Checks the bounds. */
	public Range
	{
		if ( !( min <= max ) || logScale && !( min > 0 ) )
			throw new IllegalArgumentException( "Bad range [" + min + ", " + max + "]" );
	}

	/** A range drawn uniformly. */
	public static Range uniform( final double min, final double max )
	{
		return new Range( min, max, false );
	}

	/** A range drawn log-uniformly ({@code min > 0}). */
	public static Range logUniform( final double min, final double max )
	{
		return new Range( min, max, true );
	}

	/** A random value in the range. */
	public double draw( final Random rnd )
	{
		final double u = rnd.nextDouble();
		if ( logScale )
			return Math.exp( Math.log( min ) + u * ( Math.log( max ) - Math.log( min ) ) );
		return min + u * ( max - min );
	}

	/** A random integer in {@code [round(min), round(max)]}. */
	public int drawInt( final Random rnd )
	{
		final int lo = ( int ) Math.round( min ), hi = ( int ) Math.round( max );
		return lo + rnd.nextInt( hi - lo + 1 );
	}

	/** Whether {@code v} lies in the range (bounds included). */
	public boolean contains( final double v )
	{
		return v >= min && v <= max;
	}

	@Override
	public String toString()
	{
		return String.format( Locale.ROOT, "%s[%g, %g]", logScale ? "log-uniform " : "", min, max );
	}
}
