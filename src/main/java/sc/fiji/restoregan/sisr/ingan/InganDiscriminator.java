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
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

import sc.fiji.restoregan.nn.PaddedConvolution;

/**
 * InGAN's multi-scale patch discriminator: a separate small network per
 * scale, scale {@code k} judging the image shrunk by {@value #SCALE_FACTOR}
 * to the power {@code k} (bicubic, antialiased, differentiable). Each net is
 * a 3x3 convolution, a 3x3 stride-2 convolution, a 3x3 convolution (all
 * LeakyReLU 0.2) and a 1x1 convolution to one channel with a sigmoid, so its
 * output is a map of patch scores in (0, 1). The maps are resized to the
 * finest map's size and summed with weights passed at forward time under
 * {@link #WEIGHTS} (default uniform; the trainer's schedule weights the
 * coarse scales more at first, see {@link InganSchedule#scaleWeights}).
 * Differences from the paper: no batch or spectral norm (LSGAN on sigmoid
 * outputs is bounded and stayed stable in our short runs), LeakyReLU after
 * every convolution, no input shrunk below {@value #MIN_SIDE} pixels a side.
 */
public final class InganDiscriminator extends AbstractBlock
{
	/** Forward parameter: the scales' weights as {@code double[]} (summing to 1). */
	public static final String WEIGHTS = "weights";

	/** Size ratio between neighbouring scales. */
	public static final double SCALE_FACTOR = 1.4;

	/** Shortest side an input is shrunk to. */
	static final int MIN_SIDE = 12;

	private static final byte VERSION = 1;

	private static final float SLOPE = 0.2f;

	private final List< SequentialBlock > nets = new ArrayList<>();

	/**
	 * @param width channels of the first convolution (the second and third have twice as many)
	 * @param scales number of scales
	 */
	public InganDiscriminator( final int width, final int scales )
	{
		super( VERSION );
		for ( int k = 0; k < scales; k++ )
			nets.add( addChildBlock( "scale" + k, new SequentialBlock()
					.add( InganGenerator.conv( 3, width, 1, 1, true ) ).add( Activation.leakyReluBlock( SLOPE ) )
					.add( InganGenerator.conv( 3, 2 * width, 2, 1, true ) ).add( Activation.leakyReluBlock( SLOPE ) )
					.add( InganGenerator.conv( 3, 2 * width, 1, 1, true ) ).add( Activation.leakyReluBlock( SLOPE ) )
					.add( InganGenerator.conv( 1, 1, 1, 0, true ) ).add( Activation::sigmoid ) ) );
		setInitializer( new XavierInitializer( XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2 ), Parameter.Type.WEIGHT );
	}

	/** The paper's scale count for a training crop: {@code ceil(log(crop / 16) / log 1.4)}, at least 1. */
	public static int scalesFor( final int crop )
	{
		return Math.max( 1, ( int ) Math.ceil( Math.log( crop / 16.0 ) / Math.log( SCALE_FACTOR ) ) );
	}

	/** Number of scales. */
	public int scales()
	{
		return nets.size();
	}

	/** The weighted score map of {@code x} (N, 1, H, W). */
	public NDArray score( final ParameterStore store, final NDArray x, final double[] weights, final boolean training )
	{
		final PairList< String, Object > params = new PairList<>();
		params.add( WEIGHTS, weights );
		return forward( store, new NDList( x ), training, params ).singletonOrThrow();
	}

	@Override
	protected NDList forwardInternal( final ParameterStore store, final NDList inputs, final boolean training, final PairList< String, Object > params )
	{
		final NDArray x = inputs.singletonOrThrow();
		final double[] weights = params != null && params.contains( WEIGHTS ) ? ( double[] ) params.get( WEIGHTS ) : InganSchedule.uniform( nets.size() );
		final int h = ( int ) x.getShape().get( 2 ), w = ( int ) x.getShape().get( 3 );
		NDArray sum = null;
		int mapW = 0, mapH = 0;
		for ( int k = 0; k < nets.size(); k++ )
		{
			final double f = Math.pow( SCALE_FACTOR, -k );
			final NDArray in = TensorResize.resize( x, side( w, f ), side( h, f ) );
			NDArray map = PaddedConvolution.forward( nets.get( k ), store, in, training );
			if ( k == 0 )
			{
				mapH = ( int ) map.getShape().get( 2 );
				mapW = ( int ) map.getShape().get( 3 );
			}
			else
				map = TensorResize.resize( map, mapW, mapH );
			map = map.mul( ( float ) weights[ k ] );
			sum = sum == null ? map : sum.add( map );
		}
		return new NDList( sum );
	}

	private static int side( final int size, final double f )
	{
		return Math.min( size, Math.max( MIN_SIDE, ( int ) Math.round( size * f ) ) );
	}

	@Override
	public Shape[] getOutputShapes( final Shape[] inputShapes )
	{
		final Shape s = inputShapes[ 0 ];
		return new Shape[] { new Shape( s.get( 0 ), 1, ( s.get( 2 ) + 1 ) / 2, ( s.get( 3 ) + 1 ) / 2 ) };
	}

	@Override
	protected void initializeChildBlocks( final NDManager manager, final DataType dataType, final Shape... inputShapes )
	{
		for ( final SequentialBlock net : nets )
			net.initialize( manager, dataType, inputShapes );
	}
}
