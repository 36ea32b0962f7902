package sc.fiji.restoregan.gan;

import ai.djl.ndarray.NDArray;

/**
 * The relativistic average GAN (RaGAN, Jolicoeur-Martineau, loss 6 of
 * {@code GAN_losses_iter.py}): the discriminator estimates whether a real
 * image is more realistic than the average fake one and vice versa. With
 * r = D(real) - mean D(fake) and f = D(fake) - mean D(real), the
 * discriminator's loss is half the sum of the cross-entropies of r against
 * the real label and of f against 0; the generator's loss swaps the labels
 * (r against 0, f against 1), also halved.
 */
public final class RelativisticLoss implements RelativisticObjective
{
	private final double realLabel;

	/** @param realLabel the discriminator's target for real images (1, or less for smoothing) */
	public RelativisticLoss( final double realLabel )
	{
		this.realLabel = realLabel;
	}

	@Override
	public NDArray discriminatorLoss( final NDArray real, final NDArray fake, final NDArray realMean, final NDArray fakeMean )
	{
		return Logits.average( Logits.crossEntropy( real.sub( fakeMean ), realLabel ), Logits.crossEntropy( fake.sub( realMean ), 0 ) );
	}

	@Override
	public NDArray generatorLoss( final NDArray real, final NDArray fake, final NDArray realMean, final NDArray fakeMean )
	{
		return Logits.average( Logits.crossEntropy( real.sub( fakeMean ), 0 ), Logits.crossEntropy( fake.sub( realMean ), 1 ) );
	}
}
