package sc.fiji.restoregan.gan;

import ai.djl.ndarray.NDArray;

/**
 * The Wasserstein critic objective (Arjovsky et al.): the critic's loss is
 * mean D(fake) - mean D(real), the generator's loss -mean D(fake). On its
 * own it needs a Lipschitz constraint; WGAN-GP adds a
 * {@link GradientPenalty} to the critic's loss.
 */
public final class WassersteinLoss implements AdversarialLoss
{
	@Override
	public NDArray discriminatorLoss( final NDArray real, final NDArray fake )
	{
		return fake.mean().sub( real.mean() );
	}

	@Override
	public NDArray generatorLoss( final NDArray real, final NDArray fake )
	{
		return fake.mean().neg();
	}
}
