package sc.fiji.restoregan.sisr.singan;

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

import sc.fiji.restoregan.nn.InstanceNorm;
import sc.fiji.restoregan.nn.PaddedConvolution;

/**
 * One scale's generator of SinGAN: five 3x3 convolutions without padding
 * (head, three body blocks with normalisation and LeakyReLU 0.2, tail to one
 * channel with tanh) on the input zero-padded by {@value #PAD}, added to the
 * upsampled image of the coarser scale: {@code G(z + prev) + prev}. Inputs:
 * {@code (noise + prev, prev)}, both (N, 1, H, W); output (N, 1, H, W).
 * SinGAN's batch norm on batches of one image is instance norm, which is
 * what is used here. Weights start from N(0, 0.02).
 */
public final class SinganGenerator extends AbstractBlock
{
	/** Zero padding of the input: the five valid 3x3 convolutions remove 2 x 5 pixels. */
	public static final int PAD = 5;

	private static final byte VERSION = 1;

	private final SequentialBlock body = new SequentialBlock();

	/** @param width filters of the hidden convolutions (32 at SinGAN's coarse scales) */
	public SinganGenerator( final int width )
	{
		super( VERSION );
		for ( int l = 0; l < 4; l++ )
			body.add( conv( width ) ).add( InstanceNorm.block() ).add( Activation.leakyReluBlock( 0.2f ) );
		body.add( conv( 1 ) ).add( Activation.tanhBlock() );
		addChildBlock( "body", body );
	}

	/** A 3x3 convolution without padding, N(0, 0.02) weights. */
	static Conv2d conv( final int filters )
	{
		final Conv2d c = Conv2d.builder().setKernelShape( new Shape( 3, 3 ) ).setFilters( filters ).build();
		c.setInitializer( new NormalInitializer( 0.02f ), Parameter.Type.WEIGHT );
		return c;
	}

	@Override
	protected NDList forwardInternal( final ParameterStore store, final NDList inputs, final boolean training, final PairList< String, Object > params )
	{
		final NDArray in = inputs.get( 0 ), prev = inputs.get( 1 );
		final NDArray padded = in.pad( new Shape( PAD, PAD, PAD, PAD ), 0 );
		return new NDList( PaddedConvolution.forward( body, store, padded, training ).add( prev ) );
	}

	@Override
	public Shape[] getOutputShapes( final Shape[] inputShapes )
	{
		return new Shape[] { inputShapes[ 1 ] };
	}

	@Override
	protected void initializeChildBlocks( final NDManager manager, final DataType dataType, final Shape... inputShapes )
	{
		final Shape s = inputShapes[ 0 ];
		body.initialize( manager, dataType, new Shape( s.get( 0 ), s.get( 1 ), s.get( 2 ) + 2 * PAD, s.get( 3 ) + 2 * PAD ) );
	}
}
