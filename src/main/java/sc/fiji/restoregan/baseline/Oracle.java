package sc.fiji.restoregan.baseline;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The best setting of a classical method from a grid, chosen per image and
 * degradation level by a score against the clean reference. No user has
 * the clean image, so this is an oracle: the baselines are measured at their
 * most favourable setting, never at a default.
 */
public final class Oracle
{
	private Oracle()
	{}

	/**
	 * Runs {@code filter} at every setting and keeps the output with the
	 * highest score; ties keep the first.
	 *
	 * @param method name of the method, for the result
	 * @param settings the grid, at least one setting
	 * @param label how a setting is reported, for example {@code s -> "sigma " + s}
	 * @param filter the method at one setting
	 * @param score higher is better, for example PSNR against the clean image
	 */
	public static < S > Tuned best( final String method, final List< S > settings, final Function< S, String > label, final Function< S, float[] > filter,
			final ToDoubleFunction< float[] > score )
	{
		if ( settings.isEmpty() )
			throw new IllegalArgumentException( "No settings to try for " + method );
		Tuned best = null;
		for ( final S s : settings )
		{
			final float[] out = filter.apply( s );
			final double v = score.applyAsDouble( out );
			if ( best == null || v > best.score() )
				best = new Tuned( method, label.apply( s ), out, v );
		}
		return best;
	}

	/** The best of results already tuned (for example of several methods); ties keep the first. */
	public static Tuned bestOf( final List< Tuned > results )
	{
		Tuned best = null;
		for ( final Tuned t : results )
			if ( best == null || t.score() > best.score() )
				best = t;
		if ( best == null )
			throw new IllegalArgumentException( "No results to choose from" );
		return best;
	}
}
