package sc.fiji.restoregan.gan;

import ai.djl.ndarray.NDArray;

/**
 * An adversarial objective computed from the discriminator's raw outputs
 * (logits or critic values, any shape; a PatchGAN's score map is averaged
 * over its positions). Both methods return a scalar that is minimised: the
 * discriminator's loss by the discriminator, the generator's loss by the
 * generator. Relativistic objectives need the real outputs in the
 * generator's loss too; the others ignore them.
 */
public interface AdversarialLoss
{
	/**
	 * @param real the discriminator's outputs on real (clean) images
	 * @param fake its outputs on generated images
	 * @return the discriminator's loss, a scalar
	 */
	NDArray discriminatorLoss( NDArray real, NDArray fake );

	/**
	 * @param real the discriminator's outputs on real images (used only by
	 *        relativistic objectives)
	 * @param fake its outputs on generated images
	 * @return the generator's loss, a scalar
	 */
	NDArray generatorLoss( NDArray real, NDArray fake );
}
