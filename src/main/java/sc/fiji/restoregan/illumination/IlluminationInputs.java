package sc.fiji.restoregan.illumination;

import java.util.Arrays;

import sc.fiji.restoregan.filter.AreaMean;

/**
 * What the illumination networks see, made the same way in training and at
 * inference: a plane averaged down to {@value #SIZE} x {@value #SIZE} px
 * (the field network) or a {@value #SIZE} px tile of it (the gamma
 * network), given as two planes: the values divided by their 99th
 * percentile, and the log of that. A field network may also see two more
 * ({@link #field}): for each of its input pixels, the log of the brightest
 * and darkest values of the plane averaged to up to four times as many
 * pixels, which follow the light where sparse bright structures (nuclei,
 * membranes) make the block means follow how many there are.
 */
public final class IlluminationInputs
{
	/** Side of the networks' input, px. */
	public static final int SIZE = 64;

	/** Input planes of the illumination networks: the two of {@link #of}. */
	public static final int PLAIN_PLANES = 2;

	/** Input planes of a field network that also sees its blocks' extremes ({@link #field}). */
	public static final int EXTREME_PLANES = 4;

	/** The largest side of the blocks whose extremes {@link #field} takes, in px of the finer averaged plane. */
	private static final int BLOCK = 4;

	/** Added before the log, so that dark pixels stay finite. */
	private static final double LOG_OFFSET = 0.02;

	private IlluminationInputs()
	{}

	/**
	 * A {@code width x height} plane averaged down to {@value #SIZE} x
	 * {@value #SIZE}: each output pixel the mean of the input pixels whose
	 * centres fall in it; where none do (in a plane narrower or lower than
	 * {@value #SIZE} px), the input pixel nearest its centre.
	 */
	public static float[] areaMean( final float[] plane, final int width, final int height )
	{
		return AreaMean.resize( plane, width, height, SIZE, SIZE );
	}

	/**
	 * The two input planes of a network, one after the other: {@code values}
	 * divided by their 99th percentile (negative values as 0), and the log
	 * of that plus 0.02. Both are unchanged when {@code values} is scaled.
	 */
	public static float[] of( final float[] values )
	{
		return of( values, scale( values ) );
	}

	/** The two planes of {@link #of(float[])} with the percentile {@code scale} already taken. */
	private static float[] of( final float[] values, final double scale )
	{
		final float[] two = new float[ 2 * values.length ];
		for ( int j = 0; j < values.length; j++ )
		{
			final double v = Math.max( 0, values[ j ] / scale );
			two[ j ] = ( float ) v;
			two[ values.length + j ] = logOf( v );
		}
		return two;
	}

	/**
	 * What a field network with {@code planes} input planes sees of a
	 * {@code width x height} plane: the two planes of {@link #of} on the
	 * plane averaged to {@value #SIZE} px ({@link #areaMean}); with
	 * {@value #EXTREME_PLANES}, then the log of the largest and the smallest
	 * value within each of those pixels in the plane averaged to
	 * {@code k x} {@value #SIZE} px ({@code k} up to {@value #BLOCK} on each
	 * axis, and no more than the plane's own pixels allow, so the finer plane
	 * is never upsampled unless the plane is smaller than {@value #SIZE}
	 * px), divided by the same percentile as the first and plus 0.02. All
	 * are unchanged when the plane is scaled.
	 *
	 * @param planes {@value #PLAIN_PLANES} or {@value #EXTREME_PLANES}
	 */
	public static float[] field( final float[] plane, final int width, final int height, final int planes )
	{
		checkFieldPlanes( planes );
		final float[] mean = areaMean( plane, width, height );
		final double scale = scale( mean );
		final float[] two = of( mean, scale );
		if ( planes == PLAIN_PLANES )
			return two;
		final int n = SIZE * SIZE, kx = blockSide( width ), ky = blockSide( height ), fineWidth = kx * SIZE, fineHeight = ky * SIZE;
		final float[] small = AreaMean.resize( plane, width, height, fineWidth, fineHeight );
		final float[] all = Arrays.copyOf( two, EXTREME_PLANES * n );
		Arrays.fill( all, 2 * n, 3 * n, Float.NEGATIVE_INFINITY );
		Arrays.fill( all, 3 * n, 4 * n, Float.POSITIVE_INFINITY );
		for ( int y = 0; y < fineHeight; y++ )
			for ( int x = 0; x < fineWidth; x++ )
			{
				final int block = ( y / ky ) * SIZE + x / kx;
				final float v = small[ y * fineWidth + x ];
				all[ 2 * n + block ] = Math.max( all[ 2 * n + block ], v );
				all[ 3 * n + block ] = Math.min( all[ 3 * n + block ], v );
			}
		for ( int j = 2 * n; j < 4 * n; j++ )
			all[ j ] = logOf( Math.max( 0, all[ j ] / scale ) );
		return all;
	}

	/**
	 * Checks that a field network may see {@code planes} planes.
	 *
	 * @throws IllegalArgumentException unless {@value #PLAIN_PLANES} or {@value #EXTREME_PLANES}
	 */
	public static void checkFieldPlanes( final int planes )
	{
		if ( planes != PLAIN_PLANES && planes != EXTREME_PLANES )
			throw new IllegalArgumentException( "A field network sees " + PLAIN_PLANES + " or " + EXTREME_PLANES + " planes, not " + planes );
	}

	/** The finer plane's pixels per input pixel along a side of {@code length} px: as many as fit, 1 to {@value #BLOCK}. */
	private static int blockSide( final int length )
	{
		return Math.max( 1, Math.min( BLOCK, length / SIZE ) );
	}

	/** The 99th percentile of {@code values}, at least 1e-6. */
	private static double scale( final float[] values )
	{
		final float[] sorted = values.clone();
		Arrays.sort( sorted );
		return Math.max( sorted[ ( int ) ( 0.99 * ( sorted.length - 1 ) ) ], 1e-6 );
	}

	private static float logOf( final double v )
	{
		return ( float ) Math.log( v + LOG_OFFSET );
	}
}
