package sc.fiji.restoregan.train;

import java.util.List;

/**
 * A batch of training pairs whose inputs may be smaller than their targets
 * (super-resolution), as NCHW float data: one target channel, and the
 * input's image channel followed by any context channels
 * ({@link sc.fiji.restoregan.filter.ContextChannels}).
 *
 * @param inputs degraded, normalised patches, {@code count * inputChannels * inputSize^2}
 * @param targets clean patches, {@code count * targetSize^2}
 * @param count number of pairs
 * @param inputSize input patch side, px ({@code targetSize / scale})
 * @param targetSize target patch side, px
 * @param descriptions one line per pair: its source and degradation
 * @param inputChannels planes per input: 1, plus its context channels
 * @param ranges each pair's normalisation scale: the clean units one
 *            normalised unit of its target spans (the percentile range its
 *            map divides by), {@code count} values; null when the sampler
 *            does not give them
 * @param noise each pair's expected noise standard deviation in clean units
 *            (a denoising pair's Poisson-Gaussian noise over the whole clean
 *            region its patch was cut from), {@code count} values; null when
 *            the sampler does not give them, and only given with ranges
 */
public record ScaledBatch( float[] inputs, float[] targets, int count, int inputSize, int targetSize, List< String > descriptions, int inputChannels, float[] ranges, float[] noise )
{
	/** Checks that there is one range and one noise level per pair, if any. */
	public ScaledBatch
	{
		if ( ranges != null && ranges.length != count )
			throw new IllegalArgumentException( "Need one normalisation range per pair: " + ranges.length + " for " + count + " pairs" );
		if ( noise != null && ( ranges == null || noise.length != count ) )
			throw new IllegalArgumentException( "Need one normalisation range and one noise level per pair: " + ( ranges == null ? "no ranges" : ranges.length + " ranges" ) + " and " + noise.length + " noise levels for " + count + " pairs" );
	}

	/** A batch without the pairs' noise levels. */
	public ScaledBatch( final float[] inputs, final float[] targets, final int count, final int inputSize, final int targetSize, final List< String > descriptions, final int inputChannels, final float[] ranges )
	{
		this( inputs, targets, count, inputSize, targetSize, descriptions, inputChannels, ranges, null );
	}

	/** A batch without the pairs' normalisation ranges. */
	public ScaledBatch( final float[] inputs, final float[] targets, final int count, final int inputSize, final int targetSize, final List< String > descriptions, final int inputChannels )
	{
		this( inputs, targets, count, inputSize, targetSize, descriptions, inputChannels, null );
	}

	/** A batch whose inputs are single planes, without context. */
	public ScaledBatch( final float[] inputs, final float[] targets, final int count, final int inputSize, final int targetSize, final List< String > descriptions )
	{
		this( inputs, targets, count, inputSize, targetSize, descriptions, 1 );
	}

	/** The integer factor between target and input sides. */
	public int scale()
	{
		return targetSize / inputSize;
	}

	/** The degraded planes alone, {@code count * inputSize^2} (the inputs without their context channels). */
	public float[] imageInputs()
	{
		if ( inputChannels == 1 )
			return inputs;
		final int plane = inputSize * inputSize;
		final float[] out = new float[ count * plane ];
		for ( int i = 0; i < count; i++ )
			System.arraycopy( inputs, i * inputChannels * plane, out, i * plane, plane );
		return out;
	}

	/**
	 * As a same-size {@link Batch} of single planes.
	 *
	 * @throws IllegalStateException if the inputs are smaller than the
	 *             targets or have context channels
	 */
	public Batch toBatch()
	{
		if ( inputSize != targetSize )
			throw new IllegalStateException( "A x" + scale() + " batch has inputs smaller than targets; use inputs() and targets() directly." );
		if ( inputChannels != 1 )
			throw new IllegalStateException( "The inputs have context channels; use inputs() and targets() directly." );
		return new Batch( inputs, targets, count, targetSize );
	}
}
