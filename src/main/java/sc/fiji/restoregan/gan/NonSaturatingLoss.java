package sc.fiji.restoregan.gan;

import ai.djl.ndarray.NDArray;

/**
 * The original GAN objective with the non-saturating generator loss, as
 * pix2pix uses it for conditional GANs: the discriminator's loss is the mean
 * of the cross-entropies of its real outputs against the real label and its
 * fake outputs against 0 (pix2pix halves the sum); the generator's loss is
 * the cross-entropy of the fake outputs against 1.
 */
public final class NonSaturatingLoss implements AdversarialLoss
{
	private final double realLabel;

	/**
	 * @param realLabel the discriminator's target for real images: 1, or
	 *        less for one-sided label smoothing (0.9 in Salimans et al.)
	 */
	public NonSaturatingLoss( final double realLabel )
	{
		this.realLabel = realLabel;
	}

	@Override
	public NDArray discriminatorLoss( final NDArray real, final NDArray fake )
	{
		return Logits.average( Logits.crossEntropy( real, realLabel ), Logits.crossEntropy( fake, 0 ) );
	}

	@Override
	public NDArray generatorLoss( final NDArray real, final NDArray fake )
	{
		return Logits.crossEntropy( fake, 1 );
	}
}
