package sc.fiji.restoregan.train;

import java.util.Random;

/** Gives clean square image regions, values roughly in [0, 1], for training pairs. */
public interface CleanSource
{
	/**
	 * A clean region.
	 *
	 * @param rnd the only source of randomness, so pairs are reproducible
	 * @param size side length in pixels
	 * @return {@code size * size} values, row-major
	 */
	float[] next( Random rnd, int size );

	/** For the training card, for example "phantoms" or a list of files. */
	String describe();
}
