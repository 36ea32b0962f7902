package sc.fiji.restoregan.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

/**
 * Runs a block's convolutions with their input channels and their filters
 * zero-padded to multiples of {@value #MULTIPLE} where
 * {@link ConvolutionKernels} found the CPU's kernels wrong for other counts:
 * the extra input channels are zero and so are their weights, and the extra
 * outputs are cut off, so the output is the same, and the gradients of the
 * real weights too (the padding is part of the graph), while the kernels
 * work on whole blocks of channels forward and backward. The block's
 * parameters, their names and shapes, are untouched, so stored models load
 * as before. Grouped (depthwise) convolutions are left as they are.
 * Elsewhere it is the block's own forward pass.
 */
public final class PaddedConvolution
{
	/** The channel multiple the padded kernels need (one AVX-512 register of floats, two of AVX2). */
	public static final int MULTIPLE = 16;

	private PaddedConvolution()
	{}

	/**
	 * The channels a convolution's input or output is padded to: the next
	 * multiple of {@value #MULTIPLE} ({@code channels} itself when it is
	 * one). Counts of 8 and fewer are padded too: the kernels' gradients
	 * were found wrong for tiny networks of 1 to 16 channels.
	 */
	public static int paddedChannels( final int channels )
	{
		return channels % MULTIPLE == 0 ? channels : ( channels / MULTIPLE + 1 ) * MULTIPLE;
	}

	/**
	 * The forward pass of {@code block} (a convolution, a sequence of blocks,
	 * or any other block) on {@code x}, padding the convolutions' channels
	 * when {@link ConvolutionKernels#padOn} says so for {@code x}'s device.
	 */
	public static NDArray forward( final Block block, final ParameterStore store, final NDArray x, final boolean training )
	{
		if ( !ConvolutionKernels.padOn( x.getDevice() ) )
			return block.forward( store, new NDList( x ), training ).singletonOrThrow();
		return padded( block, store, x, training );
	}

	/** {@link #forward} with the padding, whatever the device: what runs where the kernels need it. */
	static NDArray padded( final Block block, final ParameterStore store, final NDArray x, final boolean training )
	{
		if ( block instanceof Conv2d conv && conv.getGroups() == 1 )
			return convolution( conv, store, x, training );
		if ( block instanceof SequentialBlock sequence )
		{
			NDArray h = x;
			for ( final Pair< String, Block > child : sequence.getChildren() )
				h = padded( child.getValue(), store, h, training );
			return h;
		}
		return block.forward( store, new NDList( x ), training ).singletonOrThrow();
	}

	private static NDArray convolution( final Conv2d conv, final ParameterStore store, final NDArray x, final boolean training )
	{
		final NDArray weight = store.getValue( conv.getParameters().get( "weight" ), x.getDevice(), training );
		final NDArray bias = conv.isIncludeBias() ? store.getValue( conv.getParameters().get( "bias" ), x.getDevice(), training ) : null;
		return padded( x, weight, bias, conv.getStride(), conv.getPadding(), conv.getDilation() );
	}

	/**
	 * DJL's {@code Conv2d.conv2d} (one group), on padded channels when
	 * {@link ConvolutionKernels#padOn} says so for {@code x}'s device: for
	 * networks that convolve with their weights directly.
	 *
	 * @param bias per filter, or null for none
	 */
	public static NDArray conv2d( final NDArray x, final NDArray weight, final NDArray bias, final Shape stride, final Shape padding, final Shape dilation )
	{
		if ( !ConvolutionKernels.padOn( x.getDevice() ) )
			return Conv2d.conv2d( x, weight, bias, stride, padding, dilation ).singletonOrThrow();
		return padded( x, weight, bias, stride, padding, dilation );
	}

	/** {@link #conv2d} with a stride and a dilation of 1. */
	public static NDArray conv2d( final NDArray x, final NDArray weight, final NDArray bias, final Shape padding )
	{
		return conv2d( x, weight, bias, new Shape( 1, 1 ), padding, new Shape( 1, 1 ) );
	}

	/** The convolution with input channels and filters padded (the extra outputs cut off again). */
	static NDArray padded( final NDArray x, final NDArray weight, final NDArray bias, final Shape stride, final Shape padding, final Shape dilation )
	{
		final NDManager manager = x.getManager();
		final long filters = weight.getShape().get( 0 );
		final NDArray b = bias == null ? null : padAxis( bias, 0, manager );
		final NDArray y = Conv2d.conv2d( padAxis( x, 1, manager ), padAxis( padAxis( weight, 1, manager ), 0, manager ), b, stride, padding, dilation, 1 ).singletonOrThrow();
		return y.getShape().get( 1 ) == filters ? y : y.get( new NDIndex( ":, :" + filters ) );
	}

	/**
	 * {@code a} with zeros appended along {@code axis} up to
	 * {@link #paddedChannels} of its length there, attached to
	 * {@code manager} (so a padded copy of a parameter goes with the tile's
	 * or the step's arrays, not the model's); {@code a} itself when no
	 * padding is needed. Axis 1 of an input or a weight is its input
	 * channels, axis 0 of a weight or a bias its filters.
	 */
	static NDArray padAxis( final NDArray a, final int axis, final NDManager manager )
	{
		final Shape shape = a.getShape();
		final int channels = ( int ) shape.get( axis ), padded = paddedChannels( channels );
		if ( padded == channels )
			return a;
		final long[] dims = shape.getShape().clone();
		dims[ axis ] = padded - channels;
		final NDArray out = a.concat( manager.zeros( new Shape( dims ), a.getDataType(), a.getDevice() ), axis );
		out.attach( manager );
		return out;
	}
}
