package sc.fiji.restoregan.gan;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Several PatchGAN heads judging the same images, each at its own scale:
 * head k sees the input average-pooled by 2 to the power of its level. Its
 * forward pass returns one score map per head.
 * <ul>
 * <li>{@link #doubleScale}: DeblurGAN-v2's double-scale discriminator, a
 * 3-layer (70x70, local) and a 5-layer (286x286, nearly global) head on the
 * same crop;</li>
 * <li>{@link #multiScale}: a pyramid of equal 3-layer heads, as pix2pixHD's
 * multi-scale discriminator; InGAN's uses a scale factor of 1.4 between heads
 * where this one uses 2 (exact average pooling instead of resampling).</li>
 * </ul>
 */
public final class MultiHeadDiscriminator extends AbstractBlock implements Discriminator
{
	private static final byte VERSION = 1;

	private final List< PatchDiscriminator > heads = new ArrayList<>();

	private final int[] levels;

	/**
	 * @param configs the heads' architectures
	 * @param levels for each head, how many times its input is halved
	 */
	public MultiHeadDiscriminator( final List< PatchConfig > configs, final int[] levels )
	{
		super( VERSION );
		if ( configs.isEmpty() || configs.size() != levels.length )
			throw new IllegalArgumentException( "One level per head needed" );
		this.levels = levels.clone();
		for ( int k = 0; k < configs.size(); k++ )
			heads.add( addChildBlock( "head" + k, new PatchDiscriminator( configs.get( k ) ) ) );
	}

	/**
	 * DeblurGAN-v2's double-scale discriminator: 3- and 5-layer heads on the
	 * full-resolution input, otherwise configured like {@code head}.
	 */
	public static MultiHeadDiscriminator doubleScale( final PatchConfig head )
	{
		return new MultiHeadDiscriminator( List.of( head.withLayers( 3 ), head.withLayers( 5 ) ), new int[] { 0, 0 } );
	}

	/** {@code scales} 3-layer heads configured like {@code head} on the input halved 0, 1, ... times. */
	public static MultiHeadDiscriminator multiScale( final PatchConfig head, final int scales )
	{
		final List< PatchConfig > configs = new ArrayList<>();
		final int[] levels = new int[ scales ];
		for ( int k = 0; k < scales; k++ )
		{
			configs.add( head.withLayers( 3 ) );
			levels[ k ] = k;
		}
		return new MultiHeadDiscriminator( configs, levels );
	}

	private static NDArray halve( final NDArray x, final int times )
	{
		NDArray h = x;
		for ( int t = 0; t < times; t++ )
			h = Pool.avgPool2d( h, new Shape( 2, 2 ), new Shape( 2, 2 ), new Shape( 0, 0 ), false, false );
		return h;
	}

	@Override
	public NDList features( final ParameterStore store, final NDArray images, final boolean training )
	{
		final NDList out = new NDList();
		for ( int k = 0; k < heads.size(); k++ )
			out.addAll( heads.get( k ).features( store, halve( images, levels[ k ] ), training ) );
		return out;
	}

	@Override
	protected NDList forwardInternal( final ParameterStore store, final NDList inputs, final boolean training, final PairList< String, Object > params )
	{
		final NDArray x = inputs.singletonOrThrow();
		final NDList out = new NDList();
		for ( int k = 0; k < heads.size(); k++ )
			out.add( heads.get( k ).forward( store, new NDList( halve( x, levels[ k ] ) ), training ).singletonOrThrow() );
		return out;
	}

	private static Shape halved( final Shape s, final int times )
	{
		return new Shape( s.get( 0 ), s.get( 1 ), s.get( 2 ) >> times, s.get( 3 ) >> times );
	}

	@Override
	public Shape[] getOutputShapes( final Shape[] inputShapes )
	{
		final Shape[] out = new Shape[ heads.size() ];
		for ( int k = 0; k < heads.size(); k++ )
			out[ k ] = heads.get( k ).getOutputShapes( new Shape[] { halved( inputShapes[ 0 ], levels[ k ] ) } )[ 0 ];
		return out;
	}

	@Override
	protected void initializeChildBlocks( final NDManager manager, final DataType dataType, final Shape... inputShapes )
	{
		for ( int k = 0; k < heads.size(); k++ )
			heads.get( k ).initialize( manager, dataType, halved( inputShapes[ 0 ], levels[ k ] ) );
	}
}
