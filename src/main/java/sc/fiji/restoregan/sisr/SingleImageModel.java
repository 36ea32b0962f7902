package sc.fiji.restoregan.sisr;

import java.io.IOException;
import java.nio.file.Path;

import sc.fiji.restoregan.metrics.DoublePlane;
import sc.fiji.restoregan.pipeline.Progress;

/**
 * A model trained on one image by a single-image method. It works on
 * normalised planes (the caller normalises, see {@link SingleImageSr}), owns
 * native memory (close it), and can be saved, reloaded, applied to other
 * images and trained further.
 */
public interface SingleImageModel extends AutoCloseable
{
	/** The settings it was trained with. */
	SisrSettings settings();

	/** Training updates done so far (over all stages). */
	long trainedIterations();

	/** The output size {width, height} for an input of {@code width x height}. */
	int[] outputSize( int width, int height );

	/** Restores (upscales, retargets) one normalised plane. */
	DoublePlane apply( DoublePlane input, Progress progress );

	/** Writes the model to a folder (created if needed), readable by {@link SingleImageSr#load}. */
	void save( Path dir ) throws IOException;

	@Override
	void close();
}
