package sc.fiji.restoregan.nn;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;

/** Small building helpers shared by the generators. */
final class Blocks
{
	private Blocks()
	{}

	/**
	 * A square convolution with "same" padding.
	 *
	 * @param kernel odd kernel side
	 * @param filters output channels
	 * @param stride 1 or 2
	 * @param groups 1, or the input channels for a depthwise convolution
	 * @param bias whether it has a bias (not before a normalisation, which removes it)
	 */
	static Conv2d conv( final int kernel, final int filters, final int stride, final int groups, final boolean bias )
	{
		return Conv2d.builder()
				.setKernelShape( new Shape( kernel, kernel ) )
				.optStride( new Shape( stride, stride ) )
				.optPadding( new Shape( kernel / 2, kernel / 2 ) )
				.optGroups( groups )
				.optBias( bias )
				.setFilters( filters )
				.build();
	}

	/** Appends instance normalisation when {@code norm} is set. */
	static SequentialBlock addNorm( final SequentialBlock block, final boolean norm )
	{
		return norm ? block.add( InstanceNorm.block() ) : block;
	}

	/** Initialises {@code block} for {@code shape} and returns its output shape. */
	static Shape initialize( final Block block, final NDManager manager, final DataType dataType, final Shape shape )
	{
		block.initialize( manager, dataType, shape );
		return block.getOutputShapes( new Shape[] { shape } )[ 0 ];
	}

	/** The shape with another channel count. */
	static Shape withChannels( final Shape s, final long channels )
	{
		return new Shape( s.get( 0 ), channels, s.get( 2 ), s.get( 3 ) );
	}

	/** The shape with H and W multiplied by {@code factor}. */
	static Shape scaled( final Shape s, final long channels, final double factor )
	{
		return new Shape( s.get( 0 ), channels, Math.round( s.get( 2 ) * factor ), Math.round( s.get( 3 ) * factor ) );
	}
}
