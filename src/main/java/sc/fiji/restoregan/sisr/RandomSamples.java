package sc.fiji.restoregan.sisr;

import sc.fiji.restoregan.metrics.DoublePlane;

/**
 * A single-image model that can also draw random images like the one it was
 * trained on (SinGAN's random samples). The Fiji commands offer samples for
 * any model that implements this.
 */
public interface RandomSamples
{
	/**
	 * A random sample, normalised as the training plane was.
	 *
	 * @param seed the sample's seed (the same seed gives the same sample)
	 */
	DoublePlane sample( long seed );
}
