package sc.fiji.restoregan.train;

import java.util.Locale;
import java.util.Random;

/**
 * A clean source whose regions get, with a given probability, large smooth
 * shading of their own: one to {@value #MAX_BLOBS} soft discs (Gaussian
 * bumps of {@value #MIN_WIDTH} to, by default, {@value #MAX_WIDTH} of the region's side)
 * anywhere in the region, each with a log height from -{@value #MAX_DARKENING}
 * (a dark disc) to +{@value #MAX_BRIGHTENING} (a bright one); the discs add
 * up in the log. The shading belongs to the content, so a network that estimates
 * illumination from such regions learns that a smooth dark disc (a retina's
 * macula, a dense cluster of cells) is not always light.
 * <p>
 * The region is divided by the shading's largest factor when that exceeds 1,
 * so values stay in the source's range: a bright disc darkens the rest of
 * the region rather than brightening itself. The random draws come after the
 * wrapped source's, so a region's geometry is that of the plain source
 * with the same generator state.
 * </p>
 */
public final class ShadedSource implements CleanSource
{
	/** The most discs in one region. */
	public static final int MAX_BLOBS = 3;

	/** The smallest and the default largest disc width (Gaussian sigma), as a fraction of the side. */
	public static final double MIN_WIDTH = 0.08, MAX_WIDTH = 0.35;

	/** The strongest darkening and brightening, in log units at a disc's centre. */
	public static final double MAX_DARKENING = 1.2, MAX_BRIGHTENING = 0.6;

	private final CleanSource source;

	private final double probability, maxWidth;

	/**
	 * A source whose discs are {@value #MIN_WIDTH} to {@value #MAX_WIDTH} of the side wide.
	 *
	 * @param source the clean source to augment
	 * @param probability the fraction of regions given shading, in (0, 1]
	 */
	public ShadedSource( final CleanSource source, final double probability )
	{
		this( source, probability, MAX_WIDTH );
	}

	/**
	 * @param source the clean source to augment
	 * @param probability the fraction of regions given shading, in (0, 1]
	 * @param maxWidth the largest disc width (Gaussian sigma) as a fraction
	 *            of the side, from {@value #MIN_WIDTH} to 1
	 */
	public ShadedSource( final CleanSource source, final double probability, final double maxWidth )
	{
		if ( !( probability > 0 && probability <= 1 ) )
			throw new IllegalArgumentException( "The shaded fraction must be in (0, 1], not " + probability );
		if ( !( maxWidth >= MIN_WIDTH && maxWidth <= 1 ) )
			throw new IllegalArgumentException( "The largest disc width must be from " + MIN_WIDTH + " to 1 of the side, not " + maxWidth );
		this.source = source;
		this.probability = probability;
		this.maxWidth = maxWidth;
	}

	@Override
	public float[] next( final Random rnd, final int size )
	{
		final float[] region = source.next( rnd, size );
		if ( rnd.nextDouble() >= probability )
			return region;
		final float[] logShade = shading( size, maxWidth, rnd );
		return apply( region, logShade );
	}

	/**
	 * A random log shading of a {@code size x size} region: the sum of one to
	 * {@value #MAX_BLOBS} Gaussian bumps, each with a centre uniform in the
	 * region, a sigma uniform in [{@value #MIN_WIDTH}, {@code maxWidth}]
	 * times the side, and a height uniform in [-{@value #MAX_DARKENING},
	 * {@value #MAX_BRIGHTENING}].
	 */
	public static float[] shading( final int size, final double maxWidth, final Random rnd )
	{
		if ( size < 1 || !( maxWidth >= MIN_WIDTH && maxWidth <= 1 ) )
			throw new IllegalArgumentException( "Need a positive size and a largest width from " + MIN_WIDTH + " to 1, not " + size + " and " + maxWidth );
		final float[] log = new float[ size * size ];
		final int blobs = 1 + rnd.nextInt( MAX_BLOBS );
		for ( int b = 0; b < blobs; b++ )
		{
			final double cx = size * rnd.nextDouble(), cy = size * rnd.nextDouble();
			final double sigma = size * ( MIN_WIDTH + ( maxWidth - MIN_WIDTH ) * rnd.nextDouble() );
			final double height = -MAX_DARKENING + ( MAX_DARKENING + MAX_BRIGHTENING ) * rnd.nextDouble();
			final double k = -0.5 / ( sigma * sigma );
			for ( int y = 0; y < size; y++ )
				for ( int x = 0; x < size; x++ )
				{
					final double dx = x + 0.5 - cx, dy = y + 0.5 - cy;
					log[ y * size + x ] += ( float ) ( height * Math.exp( k * ( dx * dx + dy * dy ) ) );
				}
		}
		return log;
	}

	/**
	 * {@code region} times {@code exp(logShade)} on a copy, divided by the
	 * largest factor when that exceeds 1.
	 */
	public static float[] apply( final float[] region, final float[] logShade )
	{
		if ( region.length != logShade.length )
			throw new IllegalArgumentException( "The shading has " + logShade.length + " values for a region of " + region.length );
		float top = 0;
		for ( final float v : logShade )
			top = Math.max( top, v );
		final float[] out = new float[ region.length ];
		for ( int i = 0; i < out.length; i++ )
			out[ i ] = ( float ) ( region[ i ] * Math.exp( logShade[ i ] - top ) );
		return out;
	}

	@Override
	public String describe()
	{
		return source.describe() + String.format( Locale.ROOT, " (%.2f of the regions shaded by 1 to %d soft discs, sigma %.2f to %.2f of the side, log height -%.1f to +%.1f)",
				probability, MAX_BLOBS, MIN_WIDTH, maxWidth, MAX_DARKENING, MAX_BRIGHTENING );
	}
}
