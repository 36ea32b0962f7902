package sc.fiji.restoregan.gan;

import ai.djl.ndarray.NDArray;

/**
 * A relativistic average objective: the discriminator compares each real
 * output with the mean fake output and vice versa. The means are the batch's
 * by default; {@link OutputPool} passes the means of a pool of past outputs
 * instead (DeblurGAN-v2).
 */
public interface RelativisticObjective extends AdversarialLoss
{
	/**
	 * @param real the discriminator's outputs on real images
	 * @param fake its outputs on generated images
	 * @param realMean the mean real output to compare fakes with (a scalar)
	 * @param fakeMean the mean fake output to compare reals with (a scalar)
	 * @return the discriminator's loss
	 */
	NDArray discriminatorLoss( NDArray real, NDArray fake, NDArray realMean, NDArray fakeMean );

	/** The generator's loss, with the same arguments as {@link #discriminatorLoss(NDArray, NDArray, NDArray, NDArray)}. */
	NDArray generatorLoss( NDArray real, NDArray fake, NDArray realMean, NDArray fakeMean );

	/** With the batch's means. */
	@Override
	default NDArray discriminatorLoss( final NDArray real, final NDArray fake )
	{
		return discriminatorLoss( real, fake, real.mean(), fake.mean() );
	}

	/** With the batch's means. */
	@Override
	default NDArray generatorLoss( final NDArray real, final NDArray fake )
	{
		return generatorLoss( real, fake, real.mean(), fake.mean() );
	}
}
