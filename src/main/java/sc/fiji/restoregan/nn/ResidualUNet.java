package sc.fiji.restoregan.nn;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

/**
 * The residual U-Net generator as a DJL block: NCHW float input, same-sized
 * output (see {@link UNetConfig}). Downsampling is 2x2 max-pooling,
 * upsampling nearest-neighbour, skip connections concatenate channels,
 * each level's convolutions may be followed by residual blocks;
 * optionally the whole U-Net runs on a pixel-unshuffled input (see
 * {@link UNetConfig#shuffle}).
 * Weights start He-normal, so the untrained network is a near-identity
 * residual with small random perturbations; the last convolution of each
 * residual block starts at zero, so that each block starts as the identity
 * and a deep stack of them does not blow up the activations. Where a CPU's convolution
 * kernels are wrong for some channel counts, the convolutions run on
 * zero-padded channels ({@link PaddedConvolution}).
 */
public final class ResidualUNet extends AbstractBlock
{
	private static final byte VERSION = 1;

	private final UNetConfig config;

	private final List< SequentialBlock > encoders = new ArrayList<>();

	private final SequentialBlock bottom;

	private final List< SequentialBlock > decoders = new ArrayList<>();

	private final Conv2d head;

	/** The last convolution of each residual block, which starts at zero. */
	private final List< Conv2d > residualEnds = new ArrayList<>();

	/** @param config the architecture; validated here */
	public ResidualUNet( final UNetConfig config )
	{
		super( VERSION );
		this.config = config.validate();
		for ( int l = 0; l < config.depth; l++ )
			encoders.add( addChildBlock( "enc" + l, convs( config.baseFilters << l ) ) );
		bottom = addChildBlock( "bottom", convs( config.baseFilters << config.depth ) );
		for ( int l = config.depth - 1; l >= 0; l-- )
			decoders.add( addChildBlock( "dec" + l, convs( config.baseFilters << l ) ) );
		head = addChildBlock( "head", Conv2d.builder().setKernelShape( new Shape( 1, 1 ) ).setFilters( config.outChannels * config.shuffle * config.shuffle ).build() );
		setInitializer( new XavierInitializer( XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2 ), Parameter.Type.WEIGHT );
		residualEnds.forEach( c -> c.setInitializer( new ConstantInitializer( 0 ), Parameter.Type.WEIGHT ) );
	}

	private SequentialBlock convs( final int filters )
	{
		final SequentialBlock block = new SequentialBlock();
		for ( int i = 0; i < config.convsPerLevel; i++ )
			block.add( conv( filters ) ).add( Activation.reluBlock() );
		for ( int i = 0; i < config.residualBlocksPerLevel(); i++ )
		{
			final Conv2d last = conv( filters );
			residualEnds.add( last );
			block.add( new Residual( new SequentialBlock().add( conv( filters ) ).add( Activation.reluBlock() ).add( last ) ) );
		}
		return block;
	}

	private Conv2d conv( final int filters )
	{
		final int pad = config.kernelSize / 2;
		return Conv2d.builder().setKernelShape( new Shape( config.kernelSize, config.kernelSize ) ).optPadding( new Shape( pad, pad ) ).setFilters( filters ).build();
	}

	/** The architecture this block was built from. */
	public UNetConfig config()
	{
		return config;
	}

	@Override
	protected NDList forwardInternal( final ParameterStore store, final NDList inputs, final boolean training, final PairList< String, Object > params )
	{
		final NDArray x = inputs.singletonOrThrow();
		final NDArray[] skips = new NDArray[ config.depth ];
		NDArray h = unshuffle( x, config.shuffle );
		for ( int l = 0; l < config.depth; l++ )
		{
			h = PaddedConvolution.forward( encoders.get( l ), store, h, training );
			skips[ l ] = h;
			h = Pool.maxPool2d( h, new Shape( 2, 2 ), new Shape( 2, 2 ), new Shape( 0, 0 ), false );
		}
		h = PaddedConvolution.forward( bottom, store, h, training );
		for ( int i = 0; i < config.depth; i++ )
		{
			final int l = config.depth - 1 - i;
			h = upsample( h ).concat( skips[ l ], 1 );
			h = PaddedConvolution.forward( decoders.get( i ), store, h, training );
		}
		NDArray y = shuffle( PaddedConvolution.forward( head, store, h, training ), config.shuffle );
		if ( config.residual && config.residualChannel != null )
			y = y.add( x.get( new NDIndex( ":, " + config.residualChannel + ":" + ( config.residualChannel + 1 ) ) ) );
		else if ( config.residual )
			y = y.add( config.imageChannels() == config.inChannels ? x : x.get( new NDIndex( ":, 0:" + config.imageChannels() ) ) );
		return new NDList( y );
	}

	/**
	 * Nearest-neighbour upsampling by 2 of an NCHW array: a broadcast view
	 * reshaped once (a single copy, where two {@code repeat}s would copy
	 * twice).
	 */
	static NDArray upsample( final NDArray x )
	{
		final Shape in = x.getShape();
		final long n = in.get( 0 ), c = in.get( 1 ), h = in.get( 2 ), w = in.get( 3 );
		return x.reshape( n, c, h, 1, w, 1 ).broadcast( new Shape( n, c, h, 2, w, 2 ) ).reshape( n, c, 2 * h, 2 * w );
	}

	/** (N, C, H, W) to (N, C s^2, H / s, W / s): each s x s block becomes channels. */
	static NDArray unshuffle( final NDArray x, final int s )
	{
		if ( s == 1 )
			return x;
		final Shape in = x.getShape();
		final long n = in.get( 0 ), c = in.get( 1 ), h = in.get( 2 ) / s, w = in.get( 3 ) / s;
		return x.reshape( n, c, h, s, w, s ).transpose( 0, 1, 3, 5, 2, 4 ).reshape( n, c * s * s, h, w );
	}

	/** The inverse of {@link #unshuffle}. */
	static NDArray shuffle( final NDArray x, final int s )
	{
		if ( s == 1 )
			return x;
		final Shape in = x.getShape();
		final long n = in.get( 0 ), c = in.get( 1 ) / ( s * s ), h = in.get( 2 ), w = in.get( 3 );
		return x.reshape( n, c, s, s, h, w ).transpose( 0, 1, 4, 2, 5, 3 ).reshape( n, c, h * s, w * s );
	}

	@Override
	public Shape[] getOutputShapes( final Shape[] inputShapes )
	{
		final Shape in = inputShapes[ 0 ];
		return new Shape[] { new Shape( in.get( 0 ), config.outChannels, in.get( 2 ), in.get( 3 ) ) };
	}

	@Override
	protected void initializeChildBlocks( final NDManager manager, final DataType dataType, final Shape... inputShapes )
	{
		final Shape in = inputShapes[ 0 ];
		final long n = in.get( 0 ), s = config.shuffle;
		long h = in.get( 2 ) / s, w = in.get( 3 ) / s, c = in.get( 1 ) * s * s;
		final long[] skipChannels = new long[ config.depth ];
		for ( int l = 0; l < config.depth; l++ )
		{
			c = initialize( encoders.get( l ), manager, dataType, new Shape( n, c, h, w ) );
			skipChannels[ l ] = c;
			h /= 2;
			w /= 2;
		}
		c = initialize( bottom, manager, dataType, new Shape( n, c, h, w ) );
		for ( int i = 0; i < config.depth; i++ )
		{
			final int l = config.depth - 1 - i;
			h *= 2;
			w *= 2;
			c = initialize( decoders.get( i ), manager, dataType, new Shape( n, c + skipChannels[ l ], h, w ) );
		}
		initialize( head, manager, dataType, new Shape( n, c, h, w ) );
	}

	private static long initialize( final ai.djl.nn.Block block, final NDManager manager, final DataType dataType, final Shape shape )
	{
		block.initialize( manager, dataType, shape );
		return block.getOutputShapes( new Shape[] { shape } )[ 0 ].get( 1 );
	}
}
