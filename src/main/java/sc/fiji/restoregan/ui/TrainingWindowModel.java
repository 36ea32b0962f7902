package sc.fiji.restoregan.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

import sc.fiji.restoregan.sisr.TrainingSession;

/**
 * Everything the training window shows, decided without Swing so it can be
 * tested: the title, the status line, the loss curves (optionally for a
 * log-scale axis), the preview's caption, which buttons are enabled, and
 * whether a refresh is due (at most two a second). The Swing class
 * ({@link TrainingWindow}) only renders it. Thread-safe: the training
 * thread changes the phase, the event thread reads it.
 */
public final class TrainingWindowModel
{
	/** Nanoseconds between two refreshes of the plot and the preview. */
	public static final long REFRESH_NANOS = 500_000_000L;

	/** Where the run stands. */
	public enum Phase
	{
		/** Training (perhaps stopping after a Stop request). */
		TRAINING,
		/** Training ended; the model can be saved or applied. */
		DONE,
		/** Training failed; there is no model. */
		FAILED,
		/** The model is being saved. */
		SAVING,
		/** The model is being applied to the image. */
		APPLYING
	}

	/**
	 * One loss curve.
	 *
	 * @param name the series' name
	 * @param x updates
	 * @param y values
	 */
	public record Curve( String name, double[] x, double[] y )
	{}

	private final TrainingSession session;

	private final String job;

	private final LongSupplier clock;

	private volatile Phase phase = Phase.TRAINING;

	private volatile boolean hasModel;

	private volatile String message = "";

	private volatile boolean logScale;

	private long lastRefresh;

	private boolean refreshed, changed = true;

	/**
	 * @param session the run's session
	 * @param job what is trained on what (see {@link TrainingJob#title()})
	 */
	public TrainingWindowModel( final TrainingSession session, final String job )
	{
		this( session, job, System::nanoTime );
	}

	/** @param clock nanoseconds, for the refresh rate (a fake clock in tests) */
	public TrainingWindowModel( final TrainingSession session, final String job, final LongSupplier clock )
	{
		this.session = session;
		this.job = job;
		this.clock = clock;
	}

	// -- Transitions (from the controller) --

	/** Training ended, with or without a model. */
	public void trainingEnded( final boolean withModel )
	{
		hasModel = withModel;
		message = "";
		phase = Phase.DONE;
		changed();
	}

	/** Training failed with a message for the user. */
	public void failed( final String why )
	{
		message = why;
		phase = hasModel ? Phase.DONE : Phase.FAILED;
		changed();
	}

	/** Saving or applying began. */
	public void busy( final Phase what )
	{
		phase = what;
		message = "";
		changed();
	}

	/** Saving or applying ended (its outcome, for the status line). */
	public void idle( final String outcome )
	{
		phase = Phase.DONE;
		message = outcome;
		changed();
	}

	/** A progress line while applying or saving. */
	public void progress( final String line )
	{
		message = line;
		changed();
	}

	/** Plots the losses on a log scale (values of 0 and below are left out). */
	public void setLogScale( final boolean log )
	{
		logScale = log;
		changed();
	}

	// -- What to show --

	/** The current phase. */
	public Phase phase()
	{
		return phase;
	}

	/** Whether the plot's y axis is logarithmic. */
	public boolean logScale()
	{
		return logScale;
	}

	/** The window's title. */
	public String title()
	{
		final String state;
		switch ( phase )
		{
		case TRAINING:
			state = session.isCancelled() ? "stopping" : "training";
			break;
		case FAILED:
			state = "failed";
			break;
		default:
			state = stopped() ? "stopped" : "finished";
		}
		return "RestoreGAN: " + job + " (" + state + ")";
	}

	private boolean stopped()
	{
		return session.isCancelled() && session.done() < session.total();
	}

	/** The status line. */
	public String status()
	{
		switch ( phase )
		{
		case TRAINING:
			return session.statusLine();
		case FAILED:
			return "Training failed: " + message;
		case SAVING:
			return "Saving the model...";
		case APPLYING:
			return message.isEmpty() ? "Applying the model to the image..." : message;
		default:
			if ( !message.isEmpty() )
				return message;
			return String.format( Locale.ROOT, stopped() ? "Stopped after %d of %d updates; the model trained so far is kept." : "Finished: %d updates.", session.done(), session.total() )
					+ " Save the model or apply it to the image.";
		}
	}

	/** Whether Stop is enabled: while training, until it was pressed. */
	public boolean stopEnabled()
	{
		return phase == Phase.TRAINING && !session.isCancelled();
	}

	/** Whether Save model... is enabled: once training ended with a model, when nothing else runs. */
	public boolean saveEnabled()
	{
		return phase == Phase.DONE && hasModel;
	}

	/** Whether Apply to image is enabled (as Save). */
	public boolean applyEnabled()
	{
		return saveEnabled();
	}

	/**
	 * The loss curves to plot, one per series in order of first appearance.
	 * Series that are 0 throughout (terms that are switched off) are left
	 * out, and so are values of 0 and below on a log scale.
	 */
	public List< Curve > curves()
	{
		final List< Curve > curves = new ArrayList<>();
		for ( final String name : session.seriesNames() )
		{
			final double[][] xy = session.series( name );
			int n = 0;
			boolean allZero = true;
			for ( final double v : xy[ 1 ] )
			{
				allZero &= v == 0;
				n += logScale && v <= 0 ? 0 : 1;
			}
			if ( allZero || n == 0 )
				continue;
			final double[] x = new double[ n ], y = new double[ n ];
			for ( int i = 0, j = 0; i < xy[ 0 ].length; i++ )
				if ( !logScale || xy[ 1 ][ i ] > 0 )
				{
					x[ j ] = xy[ 0 ][ i ];
					y[ j++ ] = xy[ 1 ][ i ];
				}
			curves.add( new Curve( name, x, y ) );
		}
		return curves;
	}

	/** The preview's caption. */
	public String previewCaption()
	{
		if ( session.previewInput() == null )
			return "No preview";
		if ( session.latestPreview() == null )
			return "Preview: input (the result follows after " + session.previewEvery() + " updates)";
		return "Preview: input and result after update " + session.previewStep();
	}

	/** Notes a change to show (the session's listener calls this on the trainer's thread). */
	public synchronized void changed()
	{
		changed = true;
	}

	/**
	 * Whether the window should be redrawn now (the window's timer asks):
	 * after a change, at most once every {@link #REFRESH_NANOS}, so a
	 * trainer's per-update notices cost no more than two redraws a second
	 * and the last change is never lost.
	 */
	public synchronized boolean refreshDue()
	{
		final long now = clock.getAsLong();
		if ( !changed || refreshed && now - lastRefresh < REFRESH_NANOS )
			return false;
		refreshed = true;
		changed = false;
		lastRefresh = now;
		return true;
	}
}
