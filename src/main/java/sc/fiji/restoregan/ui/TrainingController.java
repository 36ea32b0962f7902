package sc.fiji.restoregan.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import ij.ImagePlus;

import sc.fiji.restoregan.metrics.DoublePlane;
import sc.fiji.restoregan.pipeline.CancelledException;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * What the training window's buttons do, without Swing: trains the job on
 * the executor (a background thread in Fiji), and then saves or applies the
 * model on the same executor, so the native model is never used by two
 * threads at once. The {@link TrainingWindowModel} follows every step.
 * Errors reach the user as one line (status and log), never as a stack
 * trace.
 */
public final class TrainingController
{
	private final TrainingJob job;

	private final TrainingWindowModel model;

	private final Executor executor;

	private final Consumer< ImagePlus > show;

	private final Consumer< String > log, error;

	private boolean training, disposed;

	/**
	 * @param job the run
	 * @param executor where training, saving and applying run, one at a time
	 * @param show shows a result image
	 * @param log receives information lines
	 * @param error receives error lines
	 */
	public TrainingController( final TrainingJob job, final Executor executor, final Consumer< ImagePlus > show, final Consumer< String > log, final Consumer< String > error )
	{
		this.job = job;
		this.executor = executor;
		this.show = show;
		this.log = log;
		this.error = error;
		this.model = new TrainingWindowModel( job.session(), job.title() );
		job.session().addListener( model::changed );
	}

	/** What the window shows. */
	public TrainingWindowModel model()
	{
		return model;
	}

	/** The normalised region the preview shows, or null. */
	public DoublePlane previewInput()
	{
		return job.session().previewInput();
	}

	/** The latest result on the preview region, or null. */
	public DoublePlane previewOutput()
	{
		return job.session().latestPreview();
	}

	/** Starts training on the executor. */
	public void start()
	{
		synchronized ( this )
		{
			training = true;
		}
		executor.execute( this::train );
	}

	private void train()
	{
		try
		{
			job.train();
			model.trainingEnded( job.hasModel() );
			log.accept( job.title() + ": " + model.status() );
		}
		catch ( final CancelledException e )
		{
			model.trainingEnded( job.hasModel() );
		}
		catch ( final RestoreException | IllegalArgumentException | IllegalStateException e )
		{
			error.accept( job.title() + ": " + e.getMessage() );
			model.failed( e.getMessage() );
		}
		catch ( final RuntimeException e )
		{
			// NB: an engine error on the background thread must still reach the window
			error.accept( job.title() + ": unexpected error: " + e );
			model.failed( "unexpected error (see the log): " + e.getMessage() );
		}
		finally
		{
			synchronized ( this )
			{
				training = false;
				if ( disposed )
					job.close();
			}
		}
	}

	/** Asks training to stop after the current update; the model trained so far is kept. */
	public void stop()
	{
		job.session().requestStop();
	}

	/** Saves the model to {@code folder} on the executor. */
	public void save( final Path folder )
	{
		model.busy( TrainingWindowModel.Phase.SAVING );
		executor.execute( () -> {
			try
			{
				job.save( folder );
				log.accept( job.title() + ": model saved to " + folder );
				model.idle( "Model saved to " + folder );
			}
			catch ( final IOException | RestoreException e )
			{
				error.accept( "Saving the model failed: " + e.getMessage() );
				model.idle( "Saving the model failed: " + e.getMessage() );
			}
		} );
	}

	/** Applies the model to the whole image on the executor and shows the results. */
	public void apply()
	{
		model.busy( TrainingWindowModel.Phase.APPLYING );
		executor.execute( () -> {
			try
			{
				job.apply( new Progress()
				{
					@Override
					public void update( final long done, final long total, final String message )
					{
						model.progress( message );
					}

					@Override
					public boolean isCancelled()
					{
						return isDisposed();
					}
				} ).forEach( show );
				model.idle( "Applied to the image." );
			}
			catch ( final CancelledException e )
			{
				model.idle( "Applying cancelled." );
			}
			catch ( final RestoreException | IllegalArgumentException e )
			{
				error.accept( "Applying the model failed: " + e.getMessage() );
				model.idle( "Applying the model failed: " + e.getMessage() );
			}
		} );
	}

	private synchronized boolean isDisposed()
	{
		return disposed;
	}

	/**
	 * The window closed: stops training and frees the model (after training
	 * ended, if it still runs). A model not saved is lost.
	 */
	public void dispose()
	{
		job.session().requestStop();
		synchronized ( this )
		{
			disposed = true;
			if ( training )
				return;
		}
		executor.execute( job::close );
	}
}
