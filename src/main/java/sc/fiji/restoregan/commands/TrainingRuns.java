package sc.fiji.restoregan.commands;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.scijava.app.StatusService;
import org.scijava.log.LogService;

import ij.ImagePlus;

import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.ui.TrainingController;
import sc.fiji.restoregan.ui.TrainingJob;
import sc.fiji.restoregan.ui.TrainingWindow;

/**
 * How the training commands run a {@link TrainingJob}: with a display, in
 * the non-modal training window with training on a background thread (the
 * command returns at once); headless or from a macro, on the command's own
 * thread with progress in the status bar and the log, then applied to the
 * whole image (and saved when a folder is given).
 */
final class TrainingRuns
{
	private TrainingRuns()
	{}

	/**
	 * Whether to open the training window: when asked for, with a display,
	 * and not from a macro that passed its options (macros want the result
	 * image, so they run as headless).
	 */
	static boolean windowed( final boolean wanted )
	{
		return wanted && !GraphicsEnvironment.isHeadless() && ij.Macro.getOptions() == null;
	}

	/** Opens the training window and starts training in the background. */
	static void inWindow( final TrainingJob job, final LogService log )
	{
		final Executor background = new ThreadPoolExecutor( 0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), FreshThread::training );
		TrainingWindow.open( new TrainingController( job, background, ImagePlus::show, s -> log.info( "RestoreGAN: " + s ), s -> log.error( "RestoreGAN: " + s ) ) );
	}

	/**
	 * Trains on this thread, saves the model to {@code saveTo} when given,
	 * applies it to the whole image and closes the job.
	 *
	 * @param cancelled the command's cancel state (stops training, keeping the model)
	 * @return the restored image, then any extra outputs
	 */
	static List< ImagePlus > headless( final TrainingJob job, final File saveTo, final StatusService status, final LogService log, final BooleanSupplier cancelled )
	{
		final StatusProgress progress = new StatusProgress( status, cancelled );
		final long[] lastPercent = { -1 };
		job.session().addListener( () -> {
			if ( progress.isCancelled() )
				job.session().requestStop();
			final long total = Math.max( 1, job.session().total() ), percent = 100 * job.session().done() / total;
			if ( percent != lastPercent[ 0 ] )
			{
				lastPercent[ 0 ] = percent;
				progress.update( job.session().done(), total, job.session().statusLine() );
				if ( percent % 10 == 0 )
					log.info( "RestoreGAN: " + job.title() + ": " + job.session().statusLine() );
			}
		} );
		try ( job )
		{
			FreshThread.run( job::train, job.session()::requestStop );
			if ( saveTo != null && !saveTo.getPath().isBlank() )
			{
				job.save( saveTo.toPath() );
				log.info( "RestoreGAN: model saved to " + saveTo );
			}
			return job.apply( progress );
		}
		catch ( final IOException e )
		{
			throw new RestoreException( "Cannot save the model to " + saveTo + ": " + e.getMessage(), e );
		}
		finally
		{
			if ( status != null )
				status.clearStatus();
		}
	}
}
