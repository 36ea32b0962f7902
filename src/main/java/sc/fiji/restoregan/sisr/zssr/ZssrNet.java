package sc.fiji.restoregan.sisr.zssr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

import sc.fiji.restoregan.nn.PaddedConvolution;

/**
 * ZSSR's network: {@value #LAYERS} 3x3 convolutions of {@code width} filters
 * with ReLU between them, the last one to one channel without activation,
 * added to its input. The input is the bicubically upscaled low-resolution
 * image, so the network learns the residual detail. Hidden layers start
 * He-normal, N(0, 2 / fan-in), the last layer N(0, 0.1 / fan-in) as in the
 * reference code: with the reference's 0.1 everywhere the signal shrinks
 * 20-fold per layer and Adam needs thousands of iterations to recover, more
 * than a CPU budget allows (docs/single-image.md).
 */
public final class ZssrNet extends AbstractBlock
{
	/** Convolutions in the network (8 in the paper). */
	public static final int LAYERS = 8;

	private static final byte VERSION = 1;

	private final SequentialBlock body = new SequentialBlock();

	/** @param width filters of the hidden convolutions (64 in the paper) */
	public ZssrNet( final int width )
	{
		super( VERSION );
		for ( int l = 0; l < LAYERS; l++ )
		{
			final boolean last = l == LAYERS - 1;
			final Conv2d conv = Conv2d.builder().setKernelShape( new Shape( 3, 3 ) ).optPadding( new Shape( 1, 1 ) ).setFilters( last ? 1 : width ).build();
			final int fanIn = 9 * ( l == 0 ? 1 : width );
			conv.setInitializer( new NormalInitializer( ( float ) Math.sqrt( ( last ? 0.1 : 2.0 ) / fanIn ) ), Parameter.Type.WEIGHT );
			body.add( conv );
			if ( !last )
				body.add( Activation.reluBlock() );
		}
		addChildBlock( "body", body );
	}

	/** Receptive-field radius in pixels: one per 3x3 convolution. */
	public static int receptiveFieldRadius()
	{
		return LAYERS;
	}

	@Override
	protected NDList forwardInternal( final ParameterStore store, final NDList inputs, final boolean training, final PairList< String, Object > params )
	{
		final NDArray x = inputs.singletonOrThrow();
		return new NDList( x.add( PaddedConvolution.forward( body, store, x, training ) ) );
	}

	@Override
	public Shape[] getOutputShapes( final Shape[] inputShapes )
	{
		return inputShapes;
	}

	@Override
	protected void initializeChildBlocks( final NDManager manager, final DataType dataType, final Shape... inputShapes )
	{
		body.initialize( manager, dataType, inputShapes );
	}
}
