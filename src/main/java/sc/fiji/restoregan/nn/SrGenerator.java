package sc.fiji.restoregan.nn;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

/**
 * The super-resolution generator (see {@link SrConfig}), in the manner of
 * SRResNet / EDSR with ZSSR's global residual: a head convolution, residual
 * blocks (conv-ReLU-conv plus skip), a body convolution with a skip from the
 * head, then per x2 stage a convolution to 4 times the channels, a pixel
 * shuffle (sub-pixel convolution, Shi et al.) and ReLU, and a final
 * convolution; the bilinearly upsampled input is added. Output sides are
 * {@code scale} times the input's. Weights start He-normal.
 */
public final class SrGenerator extends AbstractBlock
{
	private static final byte VERSION = 1;

	private final SrConfig config;

	private final Block head, body, last;

	private final List< Block > stages = new ArrayList<>();

	/** @param config the architecture; validated here */
	public SrGenerator( final SrConfig config )
	{
		super( VERSION );
		this.config = config.validate();
		final int f = config.filters, k = config.kernelSize;
		head = addChildBlock( "head", Blocks.conv( k, f, 1, 1, true ) );
		final SequentialBlock trunk = new SequentialBlock();
		for ( int b = 0; b < config.blocks; b++ )
			trunk.add( new Residual( new SequentialBlock().add( Blocks.conv( k, f, 1, 1, true ) ).add( Activation.reluBlock() ).add( Blocks.conv( k, f, 1, 1, true ) ) ) );
		trunk.add( Blocks.conv( k, f, 1, 1, true ) );
		body = addChildBlock( "body", new Residual( trunk ) );
		for ( int s = 0; s < config.stages(); s++ )
			stages.add( addChildBlock( "up" + s, Blocks.conv( k, 4 * f, 1, 1, true ) ) );
		last = addChildBlock( "final", Blocks.conv( k, config.outChannels, 1, 1, true ) );
		setInitializer( new XavierInitializer( XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2 ), Parameter.Type.WEIGHT );
	}

	/** The architecture this block was built from. */
	public SrConfig config()
	{
		return config;
	}

	@Override
	protected NDList forwardInternal( final ParameterStore store, final NDList inputs, final boolean training, final PairList< String, Object > params )
	{
		final NDArray x = inputs.singletonOrThrow();
		NDArray h = PaddedConvolution.forward( body, store, PaddedConvolution.forward( head, store, x, training ), training );
		for ( final Block stage : stages )
			h = Activation.relu( ResidualUNet.shuffle( PaddedConvolution.forward( stage, store, h, training ), 2 ) );
		final NDArray y = PaddedConvolution.forward( last, store, h, training );
		return new NDList( y.add( Resampling.bilinear( x, config.scale ) ) );
	}

	@Override
	public Shape[] getOutputShapes( final Shape[] inputShapes )
	{
		return new Shape[] { Blocks.scaled( inputShapes[ 0 ], config.outChannels, config.scale ) };
	}

	@Override
	protected void initializeChildBlocks( final NDManager manager, final DataType dataType, final Shape... inputShapes )
	{
		final Shape in = inputShapes[ 0 ];
		Shape s = Blocks.initialize( head, manager, dataType, in );
		s = Blocks.initialize( body, manager, dataType, s );
		for ( int i = 0; i < stages.size(); i++ )
		{
			Blocks.initialize( stages.get( i ), manager, dataType, s );
			s = Blocks.scaled( s, config.filters, 2 );
		}
		Blocks.initialize( last, manager, dataType, s );
	}
}
