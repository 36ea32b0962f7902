package sc.fiji.restoregan.bench;

import java.util.Locale;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.restoregan.metrics.DoublePlane;
import sc.fiji.restoregan.pipeline.CancelledException;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.sisr.SingleImageModel;
import sc.fiji.restoregan.sisr.SingleImageSr;
import sc.fiji.restoregan.sisr.SisrSettings;
import sc.fiji.restoregan.sisr.TrainingMonitor;

/**
 * How soon a single-image method stops once the user asks it to: Stop
 * during training and cancel while the model is applied. The request is a
 * flag that turns true at a chosen time, as the training window's Stop
 * button or Fiji's Esc would set it; the latency is the time from then
 * until the method has returned (training) or thrown its
 * {@link CancelledException} (applying).
 */
public final class CancelLatency
{
	/**
	 * One measurement.
	 *
	 * @param phase "training" or "applying"
	 * @param requestedAfter seconds after the start at which stop was requested
	 * @param latency seconds from the request until the method had stopped; NaN if it finished before the request
	 * @param updates training updates done (training only)
	 * @param total training updates planned (training only)
	 */
	public record Result( String phase, double requestedAfter, double latency, long updates, long total )
	{
		/** Whether the method ended before the stop was requested (nothing to measure). */
		public boolean finishedFirst()
		{
			return Double.isNaN( latency );
		}

		@Override
		public String toString()
		{
			if ( finishedFirst() )
				return String.format( Locale.ROOT, "%s: finished before the stop requested at %.1f s", phase, requestedAfter );
			return String.format( Locale.ROOT, "%s: stop requested at %.1f s, stopped %.2f s later%s", phase, requestedAfter, latency,
					total > 0 ? String.format( Locale.ROOT, " (after %d of %d updates)", updates, total ) : "" );
		}
	}

	private CancelLatency()
	{}

	/** A clock that reports a stop request once {@code seconds} have passed since it was made. */
	private static final class Deadline
	{
		final long at;

		Deadline( final double seconds )
		{
			at = System.nanoTime() + ( long ) ( seconds * 1e9 );
		}

		boolean passed()
		{
			return System.nanoTime() >= at;
		}

		/** Seconds since the deadline, or NaN if it has not passed. */
		double since()
		{
			final long now = System.nanoTime();
			return now >= at ? ( now - at ) * 1e-9 : Double.NaN;
		}
	}

	/** A training that was asked to stop: the measurement and the partly trained model (closed with this). */
	public record StoppedTraining( Result result, SingleImageModel model ) implements AutoCloseable
	{
		@Override
		public void close()
		{
			model.close();
		}
	}

	/**
	 * Trains a model on {@code input} and asks it to stop after
	 * {@code afterSeconds}; the partly trained model comes back with the
	 * measurement, so that applying can be measured on it too.
	 */
	public static StoppedTraining training( final DoublePlane input, final SisrSettings settings, final double afterSeconds )
	{
		final long[] progress = new long[ 2 ];
		final Deadline deadline = new Deadline( afterSeconds );
		final TrainingMonitor monitor = new TrainingMonitor()
		{
			@Override
			public void step( final long done, final long total )
			{
				progress[ 0 ] = done;
				progress[ 1 ] = total;
			}

			@Override
			public boolean isCancelled()
			{
				return deadline.passed();
			}
		};
		final SingleImageModel model = SingleImageSr.train( input.toFloatImg(), settings, monitor );
		return new StoppedTraining( new Result( "training", afterSeconds, deadline.since(), progress[ 0 ], progress[ 1 ] ), model );
	}

	/** Applies {@code model} to {@code input} and cancels after {@code afterSeconds}. */
	public static Result applying( final SingleImageModel model, final DoublePlane input, final double afterSeconds )
	{
		final Deadline deadline = new Deadline( afterSeconds );
		final Progress progress = new Progress()
		{
			@Override
			public void update( final long done, final long total, final String message )
			{}

			@Override
			public boolean isCancelled()
			{
				return deadline.passed();
			}
		};
		try
		{
			final Img< FloatType > ignored = SingleImageSr.apply( model, input.toFloatImg(), progress );
			return new Result( "applying", afterSeconds, Double.NaN, 0, 0 );
		}
		catch ( final CancelledException e )
		{
			return new Result( "applying", afterSeconds, deadline.since(), 0, 0 );
		}
	}
}
