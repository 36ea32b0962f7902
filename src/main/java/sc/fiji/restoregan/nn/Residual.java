package sc.fiji.restoregan.nn;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** A shape-preserving block with a skip connection: x + body(x). */
final class Residual extends AbstractBlock
{
	private static final byte VERSION = 1;

	private final Block body;

	/** @param body maps its input to an array of the same shape */
	Residual( final Block body )
	{
		super( VERSION );
		this.body = addChildBlock( "body", body );
	}

	@Override
	protected NDList forwardInternal( final ParameterStore store, final NDList inputs, final boolean training, final PairList< String, Object > params )
	{
		return new NDList( PaddedConvolution.forward( body, store, inputs.singletonOrThrow(), training ).add( inputs.singletonOrThrow() ) );
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
