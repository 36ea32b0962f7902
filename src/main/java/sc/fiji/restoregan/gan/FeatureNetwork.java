package sc.fiji.restoregan.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * A frozen network whose intermediate activations serve as features for
 * the perceptual and contextual losses: the discriminator's own
 * {@link Discriminator#features} by default, or a user-supplied model
 * ({@link TorchScriptFeatures}). Gradients must flow through it to the
 * images, but it must not learn.
 */
@FunctionalInterface
public interface FeatureNetwork
{
	/** The feature maps of {@code images} (N, C, H, W), shallow to deep, each (N, C', H', W'). */
	NDList features( NDArray images );
}
