package sc.fiji.restoregan.gan;

import ai.djl.ndarray.NDArray;

/**
 * The relativistic average least-squares GAN (RaLSGAN, loss 7 of
 * {@code GAN_losses_iter.py}; DeblurGAN-v2's {@code RelativisticDiscLossLS}),
 * the default objective. The discriminator's loss is
 * ½[mean (D(real) - mean D(fake) - y)² + mean (D(fake) - mean D(real) + 1)²]
 * with y the real label (1, or less for one-sided smoothing); the
 * generator's loss is ½[mean (D(real) - mean D(fake) + 1)² +
 * mean (D(fake) - mean D(real) - 1)²].
 */
public final class RelativisticLeastSquaresLoss implements RelativisticObjective
{
	private final double realLabel;

	/** @param realLabel the discriminator's target margin for real images (1, or less for smoothing) */
	public RelativisticLeastSquaresLoss( final double realLabel )
	{
		this.realLabel = realLabel;
	}

	@Override
	public NDArray discriminatorLoss( final NDArray real, final NDArray fake, final NDArray realMean, final NDArray fakeMean )
	{
		return Logits.average( real.sub( fakeMean ).sub( realLabel ).square().mean(), fake.sub( realMean ).add( 1 ).square().mean() );
	}

	@Override
	public NDArray generatorLoss( final NDArray real, final NDArray fake, final NDArray realMean, final NDArray fakeMean )
	{
		return Logits.average( real.sub( fakeMean ).add( 1 ).square().mean(), fake.sub( realMean ).sub( 1 ).square().mean() );
	}
}
