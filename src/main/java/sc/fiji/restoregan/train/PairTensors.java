package sc.fiji.restoregan.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import sc.fiji.restoregan.bridge.TensorBridge;

/** Training pairs as NCHW tensors. */
public final class PairTensors
{
	private PairTensors()
	{}

	/**
	 * Inputs (with their context channels) and targets of {@code batch} as two
	 * tensors in {@code manager}, and a third, {@code (N, 1, 1, 1)}, of the
	 * pairs' normalisation ranges when the batch has them, and a fourth of the
	 * same shape, of their noise levels, when it has those too.
	 */
	public static NDList of( final NDManager manager, final ScaledBatch batch )
	{
		final NDList pair = new NDList( TensorBridge.toTensor( manager, batch.inputs(), batch.count(), batch.inputChannels(), batch.inputSize(), batch.inputSize() ),
				TensorBridge.toTensor( manager, batch.targets(), batch.count(), batch.targetSize(), batch.targetSize() ) );
		if ( batch.ranges() != null )
			pair.add( TensorBridge.toTensor( manager, batch.ranges(), batch.count(), 1, 1 ) );
		if ( batch.noise() != null )
			pair.add( TensorBridge.toTensor( manager, batch.noise(), batch.count(), 1, 1 ) );
		return pair;
	}
}
