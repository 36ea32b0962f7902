package sc.fiji.restoregan.train;

import java.util.List;

/**
 * A batch of training pairs whose inputs may be smaller than their targets
 * (super-resolution), as NCHW float data with one channel.
 *
 * @param inputs degraded, normalised patches, {@code count * inputSize^2}
 * @param targets clean patches, {@code count * targetSize^2}
 * @param count number of pairs
 * @param inputSize input patch side, px ({@code targetSize / scale})
 * @param targetSize target patch side, px
 * @param descriptions one line per pair: its source and degradation
 */
public record ScaledBatch( float[] inputs, float[] targets, int count, int inputSize, int targetSize, List< String > descriptions )
{
	/** The integer factor between target and input sides. */
	public int scale()
	{
		return targetSize / inputSize;
	}

	/**
	 * As a same-size {@link Batch}.
	 *
	 * @throws IllegalStateException if the inputs are smaller than the targets
	 */
	public Batch toBatch()
	{
		if ( inputSize != targetSize )
			throw new IllegalStateException( "A x" + scale() + " batch has inputs smaller than targets; use inputs() and targets() directly." );
		return new Batch( inputs, targets, count, targetSize );
	}
}
