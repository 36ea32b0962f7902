package sc.fiji.restoregan.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import ij.ImagePlus;

import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.sisr.TrainingSession;

/**
 * One training run as the training window and the headless commands drive
 * it: train (blocking, on the caller's thread), then save the model or apply
 * it to the whole image. A Stop request ({@link TrainingSession#requestStop()})
 * ends {@link #train()} normally with the model trained so far.
 */
public interface TrainingJob extends AutoCloseable
{
	/** What is trained on what, for the window's title, e.g. "ZSSR x2 on cells.tif". */
	String title();

	/** The session the trainer reports into and the window reads. */
	TrainingSession session();

	/** Trains until done or stopped; throws {@link sc.fiji.restoregan.pipeline.RestoreException} on failure. */
	void train();

	/** Whether a model exists (training ended). */
	boolean hasModel();

	/** Saves the model to a folder (created if needed). */
	void save( Path folder ) throws IOException;

	/** Applies the model to the whole image: the restored image first, then any extra outputs (SinGAN's random samples). */
	List< ImagePlus > apply( Progress progress );

	@Override
	void close();
}
