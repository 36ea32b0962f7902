package sc.fiji.restoregan.train;

import java.util.Locale;
import java.util.Random;

/**
 * A clean source whose regions get, with a given probability, a random tone
 * curve: the region's range is mapped to [0, 1], raised to a gamma drawn
 * log-uniformly from [1/{@value #MAX_GAMMA}, {@value #MAX_GAMMA}], inverted
 * half the time (unless inversion is off), and mapped back to the region's range. It
 * widens the intensity statistics a few clean images offer (dim membranes,
 * bright backgrounds, dark objects on light ones), so a network trained on
 * them sees more kinds of image than it was given.
 * <p>
 * The random draws come after the wrapped source's, so a region's geometry
 * is that of the plain source with the same generator state.
 * </p>
 */
public final class ToneAugmentedSource implements CleanSource
{
	/** The largest gamma (and the inverse of the smallest). */
	public static final double MAX_GAMMA = 2;

	private final CleanSource source;

	private final double probability;

	private final boolean inverts;

	/**
	 * A source whose tone curves invert half the time.
	 *
	 * @param source the clean source to augment
	 * @param probability the fraction of regions given a tone curve, in (0, 1]
	 */
	public ToneAugmentedSource( final CleanSource source, final double probability )
	{
		this( source, probability, true );
	}

	/**
	 * @param source the clean source to augment
	 * @param probability the fraction of regions given a tone curve, in (0, 1]
	 * @param inverts whether half the tone curves also invert (false: gamma
	 *            only; the same random draws either way)
	 */
	public ToneAugmentedSource( final CleanSource source, final double probability, final boolean inverts )
	{
		if ( !( probability > 0 && probability <= 1 ) )
			throw new IllegalArgumentException( "The tone-curve fraction must be in (0, 1], not " + probability );
		this.source = source;
		this.probability = probability;
		this.inverts = inverts;
	}

	@Override
	public float[] next( final Random rnd, final int size )
	{
		final float[] region = source.next( rnd, size );
		if ( rnd.nextDouble() >= probability )
			return region;
		final double gamma = Math.exp( ( 2 * rnd.nextDouble() - 1 ) * Math.log( MAX_GAMMA ) );
		final boolean invert = rnd.nextBoolean() && inverts;
		return apply( region, gamma, invert );
	}

	/**
	 * The tone curve on a copy of {@code region}: its range mapped to [0, 1],
	 * raised to {@code gamma}, inverted when asked, mapped back. A constant
	 * region is returned unchanged.
	 */
	public static float[] apply( final float[] region, final double gamma, final boolean invert )
	{
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for ( final float v : region )
		{
			min = Math.min( min, v );
			max = Math.max( max, v );
		}
		final float[] out = region.clone();
		if ( !( max > min ) )
			return out;
		final double range = max - min;
		for ( int i = 0; i < out.length; i++ )
		{
			final double t = Math.pow( ( region[ i ] - min ) / range, gamma );
			out[ i ] = ( float ) ( min + range * ( invert ? 1 - t : t ) );
		}
		return out;
	}

	@Override
	public String describe()
	{
		return source.describe() + String.format( Locale.ROOT, " (%.2f of the regions with a random tone curve: gamma %.1f to %.0f%s)",
				probability, 1 / MAX_GAMMA, MAX_GAMMA, inverts ? ", inverted half the time" : ", not inverted" );
	}
}
