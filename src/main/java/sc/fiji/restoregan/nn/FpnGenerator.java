package sc.fiji.restoregan.nn;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
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
 * DeblurGAN-v2's FPN generator ({@code models/fpn_mobilenet.py}) with a
 * light MobileNet-v2-like backbone trained from scratch (see
 * {@link FpnConfig}). Structure, for L stages:
 * <ol>
 * <li>backbone: stage k gives a map at 1/2^(k+1) resolution;</li>
 * <li>lateral 1x1 convolutions (no bias) to the FPN width (stage 0: to the
 * head width); top-down pathway: the deepest lateral is map L−1, and
 * map k = conv3x3-norm-ReLU(lateral k + nearest-upsampled map k+1);</li>
 * <li>a head per map 1..L−1 (two 3x3 convolutions without bias, each with
 * ReLU), nearest-upsampled to 1/4 resolution and concatenated, deepest
 * first;</li>
 * <li>smooth: conv3x3-norm-ReLU to the head width, upsample x2, add lateral
 * 0, conv3x3-norm-ReLU to half the head width, upsample x2, conv3x3 to the
 * output channels;</li>
 * <li>global residual: output = input + that.</li>
 * </ol>
 * Deviations from DeblurGAN-v2: no {@code tanh} on the residual and no
 * clamping to [−1, 1] (inputs here are percentile-normalised to about
 * [0, 1] and may exceed it); instance normalisation (or none) replaces the
 * backbone's batch normalisation; the backbone is not ImageNet-pretrained.
 * Input sides must be multiples of {@link FpnConfig#blockSize()}.
 * Weights start He-normal.
 */
public final class FpnGenerator extends AbstractBlock
{
	private static final byte VERSION = 1;

	private final FpnConfig config;

	private final List< Block > encoders = new ArrayList<>();

	private final List< Block > laterals = new ArrayList<>();

	private final List< Block > topDown = new ArrayList<>();

	private final List< Block > heads = new ArrayList<>();

	private final Block smooth, smooth2, last;

	/** @param config the architecture; validated here */
	public FpnGenerator( final FpnConfig config )
	{
		super( VERSION );
		this.config = config.validate();
		final int levels = config.stages();
		final int[] f = config.stageFilters;
		final boolean norm = config.norm;
		final SequentialBlock stem = Blocks.addNorm( new SequentialBlock().add( Blocks.conv( 3, config.stemFilters, 2, 1, !norm ) ), norm ).add( Activation.relu6Block() );
		encoders.add( addChildBlock( "enc0", stem.add( InvertedResidual.of( config.stemFilters, f[ 0 ], 1, 1, norm ) ) ) );
		for ( int k = 1; k < levels; k++ )
		{
			final SequentialBlock stage = new SequentialBlock();
			for ( int b = 0; b < config.blocksPerStage; b++ )
				stage.add( InvertedResidual.of( b == 0 ? f[ k - 1 ] : f[ k ], f[ k ], b == 0 ? 2 : 1, config.expansion, norm ) );
			encoders.add( addChildBlock( "enc" + k, stage ) );
		}
		for ( int k = 0; k < levels; k++ )
			laterals.add( addChildBlock( "lateral" + k, Blocks.conv( 1, k == 0 ? config.headFilters : config.fpnFilters, 1, 1, false ) ) );
		for ( int k = 1; k < levels - 1; k++ )
			topDown.add( addChildBlock( "td" + k, convNormRelu( config.fpnFilters ) ) );
		for ( int k = 1; k < levels; k++ )
			heads.add( addChildBlock( "head" + k, new SequentialBlock()
					.add( Blocks.conv( 3, config.headFilters, 1, 1, false ) ).add( Activation.reluBlock() )
					.add( Blocks.conv( 3, config.headFilters, 1, 1, false ) ).add( Activation.reluBlock() ) ) );
		smooth = addChildBlock( "smooth", convNormRelu( config.headFilters ) );
		smooth2 = addChildBlock( "smooth2", convNormRelu( config.headFilters / 2 ) );
		last = addChildBlock( "final", Blocks.conv( 3, config.outChannels, 1, 1, true ) );
		setInitializer( new XavierInitializer( XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2 ), Parameter.Type.WEIGHT );
	}

	private SequentialBlock convNormRelu( final int filters )
	{
		return Blocks.addNorm( new SequentialBlock().add( Blocks.conv( 3, filters, 1, 1, !config.norm ) ), config.norm ).add( Activation.reluBlock() );
	}

	/** The architecture this block was built from. */
	public FpnConfig config()
	{
		return config;
	}

	@Override
	protected NDList forwardInternal( final ParameterStore store, final NDList inputs, final boolean training, final PairList< String, Object > params )
	{
		final NDArray x = inputs.singletonOrThrow();
		final int levels = config.stages();
		final NDArray[] lateral = new NDArray[ levels ];
		NDArray h = x;
		for ( int k = 0; k < levels; k++ )
		{
			h = run( encoders.get( k ), store, h, training );
			lateral[ k ] = run( laterals.get( k ), store, h, training );
		}
		final NDArray[] map = new NDArray[ levels ];
		map[ levels - 1 ] = lateral[ levels - 1 ];
		for ( int k = levels - 2; k >= 1; k-- )
			map[ k ] = run( topDown.get( k - 1 ), store, lateral[ k ].add( ResidualUNet.upsample( map[ k + 1 ] ) ), training );
		final NDList quarter = new NDList();
		for ( int k = levels - 1; k >= 1; k-- )
		{
			NDArray head = run( heads.get( k - 1 ), store, map[ k ], training );
			for ( int u = 1; u < k; u++ )
				head = ResidualUNet.upsample( head );
			quarter.add( head );
		}
		NDArray s = run( smooth, store, quarter.size() == 1 ? quarter.get( 0 ) : NDArrays.concat( quarter, 1 ), training );
		s = run( smooth2, store, ResidualUNet.upsample( s ).add( lateral[ 0 ] ), training );
		final NDArray residual = run( last, store, ResidualUNet.upsample( s ), training );
		return new NDList( x.add( residual ) );
	}

	private static NDArray run( final Block block, final ParameterStore store, final NDArray x, final boolean training )
	{
		return PaddedConvolution.forward( block, store, x, training );
	}

	@Override
	public Shape[] getOutputShapes( final Shape[] inputShapes )
	{
		return new Shape[] { Blocks.withChannels( inputShapes[ 0 ], config.outChannels ) };
	}

	@Override
	protected void initializeChildBlocks( final NDManager manager, final DataType dataType, final Shape... inputShapes )
	{
		final int levels = config.stages();
		final Shape[] encoded = new Shape[ levels ];
		Shape s = inputShapes[ 0 ];
		for ( int k = 0; k < levels; k++ )
		{
			s = Blocks.initialize( encoders.get( k ), manager, dataType, s );
			encoded[ k ] = s;
			Blocks.initialize( laterals.get( k ), manager, dataType, s );
		}
		for ( int k = 1; k < levels - 1; k++ )
			Blocks.initialize( topDown.get( k - 1 ), manager, dataType, Blocks.withChannels( encoded[ k ], config.fpnFilters ) );
		for ( int k = 1; k < levels; k++ )
			Blocks.initialize( heads.get( k - 1 ), manager, dataType, Blocks.withChannels( encoded[ k ], config.fpnFilters ) );
		Blocks.initialize( smooth, manager, dataType, Blocks.withChannels( encoded[ 1 ], ( levels - 1L ) * config.headFilters ) );
		Blocks.initialize( smooth2, manager, dataType, Blocks.withChannels( encoded[ 0 ], config.headFilters ) );
		Blocks.initialize( last, manager, dataType, Blocks.withChannels( inputShapes[ 0 ], config.headFilters / 2 ) );
	}
}
