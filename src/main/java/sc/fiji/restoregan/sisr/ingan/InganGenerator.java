package sc.fiji.restoregan.sisr.ingan;

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
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

import sc.fiji.restoregan.nn.InstanceNorm;
import sc.fiji.restoregan.nn.PaddedConvolution;

/**
 * InGAN's generator: one plane in, the same content at another size out.
 * <ol>
 * <li>mirror padding 3, 7x7 convolution to {@code width} channels, instance
 * norm, LeakyReLU 0.2;</li>
 * <li>the geometric transform on that feature map: a bicubic resize to the
 * target size (dense resize matrices, so differentiable; see
 * {@link TensorResize});</li>
 * <li>{@code downBlocks} blocks halving the size (3x3 stride-2 convolution,
 * norm, LeakyReLU), channels doubling;</li>
 * <li>{@code bottlenecks} residual bottleneck blocks (1x1 to a quarter of the
 * channels, 3x3, 1x1 back);</li>
 * <li>as many up blocks (bicubic x2, 3x3 convolution, norm, LeakyReLU), each
 * followed by the U-Net skip of the same size, added;</li>
 * <li>mirror padding 3, 7x7 convolution to one channel, no tanh: the planes
 * are percentile-normalised, not bounded, and tanh would clip everything
 * above the 99.8th percentile;</li>
 * <li>plus the input resized by the same transform (a global residual, not in
 * the paper), so an untrained generator is a plain bicubic resize and
 * training learns what a resize lacks.</li>
 * </ol>
 * The target size {width, height} is passed at forward time under
 * {@link #SIZE} (default: the input's size). Target sizes that are not
 * multiples of {@code 2^downBlocks} are mirror-padded after the transform
 * and cropped at the end. Differences from the paper: instance norm instead
 * of batch norm (one image per batch; the same at training and test time),
 * no spectral norm, additive skips, the global residual.
 */
public final class InganGenerator extends AbstractBlock
{
	/** Forward parameter: the target size as {@code int[] {width, height}}. */
	public static final String SIZE = "size";

	private static final byte VERSION = 1;

	private static final float SLOPE = 0.2f;

	private static final int EDGE = 3;

	private final int width, downBlocks, bottleneckCount;

	private final SequentialBlock head;

	private final List< SequentialBlock > down = new ArrayList<>(), bottlenecks = new ArrayList<>(), up = new ArrayList<>();

	private final Conv2d tail;

	/**
	 * @param width channels after the head (64 in the paper)
	 * @param downBlocks halvings (3 in the paper)
	 * @param bottlenecks residual blocks at the bottom (6 in the paper)
	 */
	public InganGenerator( final int width, final int downBlocks, final int bottlenecks )
	{
		super( VERSION );
		this.width = width;
		this.downBlocks = downBlocks;
		this.bottleneckCount = bottlenecks;
		head = addChildBlock( "head", normalised( conv( 7, width, 1, 0, false ) ) );
		for ( int l = 0; l < downBlocks; l++ )
			down.add( addChildBlock( "down" + l, normalised( conv( 3, channels( l + 1 ), 2, 1, false ) ) ) );
		final int c = channels( downBlocks ), q = Math.max( 1, c / 4 );
		for ( int b = 0; b < bottlenecks; b++ )
			this.bottlenecks.add( addChildBlock( "bottleneck" + b, new SequentialBlock()
					.addAll( normalised( conv( 1, q, 1, 0, false ) ), normalised( conv( 3, q, 1, 1, false ) ) )
					.add( conv( 1, c, 1, 0, true ) ) ) );
		for ( int l = downBlocks; l > 0; l-- )
			up.add( addChildBlock( "up" + l, normalised( conv( 3, channels( l - 1 ), 1, 1, false ) ) ) );
		tail = addChildBlock( "tail", conv( 7, 1, 1, 0, true ) );
		setInitializer( new XavierInitializer( XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2 ), Parameter.Type.WEIGHT );
		tail.setInitializer( new NormalInitializer( ( float ) Math.sqrt( 0.001 / ( 49.0 * width ) ) ), Parameter.Type.WEIGHT );
	}

	/** Target sizes are padded internally to multiples of this. */
	public int multiple()
	{
		return 1 << downBlocks;
	}

	/** Channels after the head. */
	public int width()
	{
		return width;
	}

	/** Halvings. */
	public int downBlocks()
	{
		return downBlocks;
	}

	/** Residual blocks at the bottom. */
	public int bottlenecks()
	{
		return bottleneckCount;
	}

	/**
	 * The generator on {@code x} (N, 1, H, W) with the target size
	 * {@code width x height}.
	 */
	public NDArray generate( final ParameterStore store, final NDArray x, final int targetWidth, final int targetHeight, final boolean training )
	{
		final PairList< String, Object > params = new PairList<>();
		params.add( SIZE, new int[] { targetWidth, targetHeight } );
		return forward( store, new NDList( x ), training, params ).singletonOrThrow();
	}

	@Override
	protected NDList forwardInternal( final ParameterStore store, final NDList inputs, final boolean training, final PairList< String, Object > params )
	{
		final NDArray x = inputs.singletonOrThrow();
		final int[] size = params != null && params.contains( SIZE ) ? ( int[] ) params.get( SIZE ) : new int[] { ( int ) x.getShape().get( 3 ), ( int ) x.getShape().get( 2 ) };
		final int w = size[ 0 ], h = size[ 1 ], m = multiple();
		NDArray f = run( head, store, TensorResize.reflect( x, EDGE ), training );
		f = TensorResize.resize( f, w, h );
		f = TensorResize.reflect( TensorResize.reflect( f, 3, 0, ceil( w, m ) - w ), 2, 0, ceil( h, m ) - h );
		final NDArray[] skips = new NDArray[ downBlocks ];
		for ( int l = 0; l < downBlocks; l++ )
		{
			skips[ l ] = f;
			f = run( down.get( l ), store, f, training );
		}
		for ( final SequentialBlock b : bottlenecks )
			f = f.add( run( b, store, f, training ) );
		for ( int i = 0; i < downBlocks; i++ )
		{
			final NDArray skip = skips[ downBlocks - 1 - i ];
			f = run( up.get( i ), store, TensorResize.resize( f, ( int ) skip.getShape().get( 3 ), ( int ) skip.getShape().get( 2 ) ), training ).add( skip );
		}
		final NDArray y = run( tail, store, TensorResize.reflect( f, EDGE ), training );
		return new NDList( TensorResize.crop( y, w, h ).add( TensorResize.resize( x, w, h ) ) );
	}

	@Override
	public Shape[] getOutputShapes( final Shape[] inputShapes )
	{
		return inputShapes;
	}

	@Override
	protected void initializeChildBlocks( final NDManager manager, final DataType dataType, final Shape... inputShapes )
	{
		final long n = inputShapes[ 0 ].get( 0 ), side = 8L * multiple();
		head.initialize( manager, dataType, new Shape( n, 1, side + 2 * EDGE, side + 2 * EDGE ) );
		for ( int l = 0; l < downBlocks; l++ )
			down.get( l ).initialize( manager, dataType, new Shape( n, channels( l ), side >> l, side >> l ) );
		for ( final SequentialBlock b : bottlenecks )
			b.initialize( manager, dataType, new Shape( n, channels( downBlocks ), side >> downBlocks, side >> downBlocks ) );
		for ( int i = 0; i < downBlocks; i++ )
		{
			final int l = downBlocks - i;
			up.get( i ).initialize( manager, dataType, new Shape( n, channels( l ), side >> ( l - 1 ), side >> ( l - 1 ) ) );
		}
		tail.initialize( manager, dataType, new Shape( n, width, side + 2 * EDGE, side + 2 * EDGE ) );
	}

	private int channels( final int level )
	{
		return width << level;
	}

	private static int ceil( final int v, final int m )
	{
		return ( v + m - 1 ) / m * m;
	}

	private static NDArray run( final Block block, final ParameterStore store, final NDArray x, final boolean training )
	{
		return PaddedConvolution.forward( block, store, x, training );
	}

	/** A square convolution with zero padding {@code pad} (0 where the padding is explicit); no bias before a norm. */
	static Conv2d conv( final int kernel, final int filters, final int stride, final int pad, final boolean bias )
	{
		return Conv2d.builder()
				.setKernelShape( new Shape( kernel, kernel ) )
				.optStride( new Shape( stride, stride ) )
				.optPadding( new Shape( pad, pad ) )
				.optBias( bias )
				.setFilters( filters )
				.build();
	}

	private static SequentialBlock normalised( final Block conv )
	{
		return new SequentialBlock().add( conv ).add( InstanceNorm.block() ).add( Activation.leakyReluBlock( SLOPE ) );
	}
}
