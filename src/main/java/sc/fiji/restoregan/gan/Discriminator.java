package sc.fiji.restoregan.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * A discriminator block: its forward pass maps an image batch (N, C, H, W)
 * to one or more score maps (one per head, e.g. local and global), each
 * (N, 1, h, w) of raw logits or critic values. Objectives are applied per
 * head and averaged.
 */
public interface Discriminator extends Block
{
	/**
	 * The intermediate activations of every head, shallow to deep, for
	 * feature matching and as the default perceptual features.
	 */
	NDList features( ParameterStore store, NDArray images, boolean training );
}
