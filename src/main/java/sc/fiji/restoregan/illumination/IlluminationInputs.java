package sc.fiji.restoregan.illumination;

import java.util.Arrays;

import sc.fiji.restoregan.filter.AreaMean;

/**
 * What the illumination networks see, made the same way in training and at
 * inference: a plane averaged down to {@value #SIZE} x {@value #SIZE} px
 * (the field network) or a {@value #SIZE} px tile of it (the gamma
 * network), given as two planes: the values divided by their 99th
 * percentile, and the log of that.
 */
public final class IlluminationInputs
{
	/** Side of the networks' input, px. */
	public static final int SIZE = 64;

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
		final float[] sorted = values.clone();
		Arrays.sort( sorted );
		final double scale = Math.max( sorted[ ( int ) ( 0.99 * ( sorted.length - 1 ) ) ], 1e-6 );
		final float[] two = new float[ 2 * values.length ];
		for ( int j = 0; j < values.length; j++ )
		{
			final double v = Math.max( 0, values[ j ] / scale );
			two[ j ] = ( float ) v;
			two[ values.length + j ] = ( float ) Math.log( v + LOG_OFFSET );
		}
		return two;
	}
}
