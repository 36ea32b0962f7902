package sc.fiji.restoregan.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * The WGAN-GP gradient penalty (Gulrajani et al.):
 * λ mean_n (‖∇_x D(x̂_n)‖₂ − 1)² at x̂ = ε x_real + (1 − ε) x_fake with one
 * ε ~ U[0, 1] per sample, the norm taken over each sample's pixels and
 * channels. Computed by double backpropagation, so the penalty
 * back-propagates to the critic's weights.
 */
public final class GradientPenalty
{
	private final double weight;

	/** @param weight λ: 10 in WGAN-GP and DeblurGAN, 0.1 in SinGAN */
	public GradientPenalty( final double weight )
	{
		this.weight = weight;
	}

	/** λ. */
	public double weight()
	{
		return weight;
	}

	/**
	 * Computes the penalty inside the current gradient collector. The
	 * critic's parameter gradients are zeroed afterwards (the inner backward
	 * pass accumulates into them), so call this before the critic loss's own
	 * backward pass and before anything else accumulates gradients.
	 *
	 * @param critic the discriminator
	 * @param store its parameter store
	 * @param real real images (N, C, H, W), no gradient needed
	 * @param fake generated images of the same shape, detached
	 * @param epsilon mixing weights, shape (N), in [0, 1]
	 * @return the scalar penalty, part of the graph
	 */
	public NDArray penalty( final Block critic, final ParameterStore store, final NDArray real, final NDArray fake, final NDArray epsilon )
	{
		final long n = real.getShape().get( 0 );
		final NDArray e = epsilon.reshape( n, 1, 1, 1 );
		final NDArray mixed = real.mul( e ).add( fake.mul( e.neg().add( 1 ) ) ).stopGradient();
		mixed.setRequiresGradient( true );
		final NDList scores = critic.forward( store, new NDList( mixed ), true );
		final NDArray grad = Gradients.ofInput( scores, mixed );
		Gradients.zero( critic.getParameters() );
		final NDArray norms = grad.reshape( n, -1 ).square().sum( new int[] { 1 } ).add( 1e-12 ).sqrt();
		return norms.sub( 1 ).square().mul( weight ).mean();
	}
}
