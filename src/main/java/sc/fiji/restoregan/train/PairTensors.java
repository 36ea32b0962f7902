package sc.fiji.restoregan.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

import sc.fiji.restoregan.bridge.TensorBridge;

/** Training pairs as NCHW tensors. */
public final class PairTensors
{
	private PairTensors()
	{}

	/** Inputs (with their context channels) and targets of {@code batch} as two tensors in {@code manager}. */
	public static NDList of( final NDManager manager, final ScaledBatch batch )
	{
		return new NDList( TensorBridge.toTensor( manager, batch.inputs(), batch.count(), batch.inputChannels(), batch.inputSize(), batch.inputSize() ),
				TensorBridge.toTensor( manager, batch.targets(), batch.count(), batch.targetSize(), batch.targetSize() ) );
	}
}
