package sc.fiji.restoregan.sisr.singan;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import sc.fiji.restoregan.nn.PaddedConvolution;

/**
 * One scale's critic of SinGAN: five 3x3 convolutions without padding, LeakyReLU
 * 0.2 between them, a one-channel score map at the end (a 11x11 receptive
 * field per score). Unlike SinGAN it has no batch norm, as Gulrajani et al.
 * recommend for a critic with a gradient penalty; that makes the critic a
 * chain of convolutions and pointwise activations, whose gradient with
 * respect to its input {@link #inputGradient} writes in closed form: the
 * transposed convolutions of the ones map, multiplied by the activations'
 * slopes. That gradient is built from ordinary differentiable operations of
 * the weights, so the gradient penalty needs no double backpropagation (which
 * in DJL leaks memory, see docs/gan-training.md).
 */
public final class SinganCritic extends AbstractBlock
{
	/** Slope of the LeakyReLU for negative inputs. */
	static final float SLOPE = 0.2f;

	private static final byte VERSION = 1;

	private static final Shape NO_PADDING = new Shape( 0, 0 );

	private final List< Conv2d > convs = new ArrayList<>();

	/** @param width filters of the hidden convolutions */
	public SinganCritic( final int width )
	{
		super( VERSION );
		for ( int l = 0; l < 5; l++ )
			convs.add( addChildBlock( "conv" + l, SinganGenerator.conv( l == 4 ? 1 : width ) ) );
	}

	@Override
	protected NDList forwardInternal( final ParameterStore store, final NDList inputs, final boolean training, final PairList< String, Object > params )
	{
		NDArray x = inputs.singletonOrThrow();
		for ( int l = 0; l < convs.size(); l++ )
		{
			x = PaddedConvolution.forward( convs.get( l ), store, x, training );
			if ( l < convs.size() - 1 )
				x = Activation.leakyRelu( x, SLOPE );
		}
		return new NDList( x );
	}

	/**
	 * The gradient of the sum of the score map with respect to the input, as
	 * a differentiable function of the weights (exact: the activations'
	 * slopes are piecewise constant).
	 */
	public NDArray inputGradient( final ParameterStore store, final NDArray input )
	{
		// forward pass for the slopes only; no graph needed through it
		final List< NDArray > slopes = new ArrayList<>();
		NDArray x = input.stopGradient();
		for ( int l = 0; l < convs.size() - 1; l++ )
		{
			final NDArray z = PaddedConvolution.conv2d( x, weight( store, l ), bias( store, l ), NO_PADDING ).stopGradient();
			slopes.add( z.gt( 0 ).toType( DataType.FLOAT32, false ).mul( 1 - SLOPE ).add( SLOPE ) );
			x = Activation.leakyRelu( z, SLOPE );
		}
		final NDArray scores = PaddedConvolution.conv2d( x, weight( store, convs.size() - 1 ), bias( store, convs.size() - 1 ), NO_PADDING );
		NDArray g = scores.onesLike();
		for ( int l = convs.size() - 1; l >= 0; l-- )
		{
			g = transposedConvolution( g, weight( store, l ) );
			if ( l > 0 )
				g = g.mul( slopes.get( l - 1 ) );
		}
		return g;
	}

	/**
	 * PyTorch's {@code conv_transpose2d(g, w)} for stride 1 and no padding
	 * (DJL's PyTorch engine does not implement deconvolution): a full
	 * convolution with the kernel turned by 180 degrees and its input and
	 * output channels swapped.
	 */
	static NDArray transposedConvolution( final NDArray g, final NDArray w )
	{
		final long k = w.getShape().get( 2 ) - 1;
		// results of operations on a parameter belong to the parameter's long-lived manager:
		// move the first one to the gradient's (per-step) manager, or every step leaks it and its graph
		final NDArray swapped = w.transpose( 1, 0, 2, 3 );
		swapped.attach( g.getManager() );
		final NDArray turned = swapped.flip( 2, 3 );
		return PaddedConvolution.conv2d( g.pad( new Shape( k, k, k, k ), 0 ), turned, null, NO_PADDING );
	}

	private NDArray weight( final ParameterStore store, final int layer )
	{
		return store.getValue( convs.get( layer ).getParameters().get( "weight" ), inputDevice(), true );
	}

	private NDArray bias( final ParameterStore store, final int layer )
	{
		return store.getValue( convs.get( layer ).getParameters().get( "bias" ), inputDevice(), true );
	}

	private ai.djl.Device inputDevice()
	{
		return convs.get( 0 ).getParameters().get( "weight" ).getArray().getDevice();
	}

	@Override
	public Shape[] getOutputShapes( final Shape[] inputShapes )
	{
		final Shape s = inputShapes[ 0 ];
		return new Shape[] { new Shape( s.get( 0 ), 1, s.get( 2 ) - 10, s.get( 3 ) - 10 ) };
	}

	@Override
	protected void initializeChildBlocks( final NDManager manager, final DataType dataType, final Shape... inputShapes )
	{
		Shape s = inputShapes[ 0 ];
		for ( final Conv2d c : convs )
		{
			c.initialize( manager, dataType, s );
			s = c.getOutputShapes( new Shape[] { s } )[ 0 ];
		}
	}
}
