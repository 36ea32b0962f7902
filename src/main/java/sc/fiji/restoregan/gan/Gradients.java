package sc.fiji.restoregan.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;

/**
 * Gradient helpers the adversarial training needs beyond DJL's
 * {@code GradientCollector}: gradients with respect to an input that stay in
 * the graph (double backpropagation, PyTorch's
 * {@code backward(create_graph=True)}), zeroing, freezing and the global
 * norm of a block's gradients. PyTorch engine only.
 */
public final class Gradients
{
	private Gradients()
	{}

	/**
	 * The gradient of {@code sum(outputs)} with respect to {@code input},
	 * itself differentiable: a loss built from it back-propagates to
	 * everything the outputs depend on (the critic's weights). Must be called
	 * inside a gradient collector, with {@code input} a leaf that requires a
	 * gradient and on which {@code outputs} were computed.
	 * <p>
	 * NB: PyTorch's {@code backward} also accumulates into every other leaf
	 * (the weights); callers must {@link #zero} those gradients before the
	 * loss's own backward pass.
	 * </p>
	 */
	public static NDArray ofInput( final NDList outputs, final NDArray input )
	{
		NDArray total = null;
		for ( final NDArray o : outputs )
			total = total == null ? o.sum() : total.add( o.sum() );
		JniUtils.backward( ( PtNDArray ) total, ( PtNDArray ) total.onesLike(), true, true );
		return input.getGradient();
	}

	/** Sets the gradient of every parameter that has one to zero. */
	public static void zero( final ParameterList parameters )
	{
		for ( final Pair< String, Parameter > p : parameters )
		{
			final NDArray w = p.getValue().getArray();
			if ( w.hasGradient() )
				JniUtils.zeroGrad( ( PtNDArray ) w );
		}
	}

	/**
	 * Switches gradient tracking of all parameters on or off; off while the
	 * other network of a GAN is updated saves the work and keeps its
	 * gradients clean (pix2pix's {@code set_requires_grad}).
	 */
	public static void track( final ParameterList parameters, final boolean on )
	{
		for ( final Pair< String, Parameter > p : parameters )
			p.getValue().getArray().setRequiresGradient( on );
	}

	/** The L2 norm of all parameters' gradients together. */
	public static double norm( final ParameterList parameters )
	{
		double sum = 0;
		for ( final Pair< String, Parameter > p : parameters )
		{
			final NDArray w = p.getValue().getArray();
			if ( w.hasGradient() )
				try ( NDArray g = w.getGradient(); NDArray sq = g.square(); NDArray total = sq.sum() )
				{
					sum += total.getFloat();
				}
		}
		return Math.sqrt( sum );
	}

	/**
	 * Scales all gradients so their global L2 norm is at most {@code maxNorm}
	 * (PyTorch's {@code clip_grad_norm_}); returns the norm before clipping.
	 */
	public static double clip( final ParameterList parameters, final double maxNorm )
	{
		final double norm = norm( parameters );
		if ( norm > maxNorm )
		{
			final double scale = maxNorm / ( norm + 1e-6 );
			for ( final Pair< String, Parameter > p : parameters )
			{
				final NDArray w = p.getValue().getArray();
				if ( w.hasGradient() )
					try ( NDArray g = w.getGradient() )
					{
						g.muli( scale );
					}
			}
		}
		return norm;
	}
}
