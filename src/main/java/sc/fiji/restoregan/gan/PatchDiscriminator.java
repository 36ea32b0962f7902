package sc.fiji.restoregan.gan;

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
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;

import sc.fiji.restoregan.nn.InstanceNorm;
import sc.fiji.restoregan.nn.PaddedConvolution;

/**
 * The PatchGAN discriminator (see {@link PatchConfig}): a fully
 * convolutional net that scores every overlapping patch of its input, so its
 * output is a map of logits. Weights start N(0, 0.02) as in pix2pix.
 */
public final class PatchDiscriminator extends AbstractBlock implements Discriminator
{
	private static final byte VERSION = 1;

	private final PatchConfig config;

	private final List< Block > stages = new ArrayList<>();

	/** @param config the architecture; validated here */
	public PatchDiscriminator( final PatchConfig config )
	{
		super( VERSION );
		this.config = config.validate();
		for ( int i = 0; i <= config.layers; i++ )
		{
			final int stride = i < config.layers ? 2 : 1;
			final SequentialBlock stage = new SequentialBlock().add( conv( config.filtersAt( i ), stride ) );
			if ( i > 0 && config.norm )
				stage.add( InstanceNorm.block() );
			stage.add( Activation.leakyReluBlock( config.slope ) );
			stages.add( addChildBlock( "stage" + i, stage ) );
		}
		final SequentialBlock score = new SequentialBlock();
		if ( config.minibatchStd )
			score.add( MinibatchStd.block() );
		stages.add( addChildBlock( "score", score.add( conv( 1, 1 ) ) ) );
		setInitializer( new NormalInitializer( 0.02f ), Parameter.Type.WEIGHT );
	}

	private static Conv2d conv( final int filters, final int stride )
	{
		return Conv2d.builder()
				.setKernelShape( new Shape( 4, 4 ) )
				.optStride( new Shape( stride, stride ) )
				.optPadding( new Shape( 1, 1 ) )
				.setFilters( filters )
				.build();
	}

	/** The architecture this block was built from. */
	public PatchConfig config()
	{
		return config;
	}

	@Override
	public NDList features( final ParameterStore store, final NDArray images, final boolean training )
	{
		final NDList out = new NDList();
		NDArray h = images;
		for ( int i = 0; i < stages.size() - 1; i++ )
		{
			h = PaddedConvolution.forward( stages.get( i ), store, h, training );
			out.add( h );
		}
		return out;
	}

	@Override
	protected NDList forwardInternal( final ParameterStore store, final NDList inputs, final boolean training, final PairList< String, Object > params )
	{
		NDArray h = inputs.singletonOrThrow();
		for ( final Block stage : stages )
			h = PaddedConvolution.forward( stage, store, h, training );
		return new NDList( h );
	}

	@Override
	public Shape[] getOutputShapes( final Shape[] inputShapes )
	{
		Shape[] s = inputShapes;
		for ( final Block stage : stages )
			s = stage.getOutputShapes( s );
		return s;
	}

	@Override
	protected void initializeChildBlocks( final NDManager manager, final DataType dataType, final Shape... inputShapes )
	{
		Shape[] s = inputShapes;
		for ( final Block stage : stages )
		{
			stage.initialize( manager, dataType, s );
			s = stage.getOutputShapes( s );
		}
	}
}
