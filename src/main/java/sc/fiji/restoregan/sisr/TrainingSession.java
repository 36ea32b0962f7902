package sc.fiji.restoregan.sisr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import sc.fiji.restoregan.metrics.DoublePlane;

/**
 * The state of one training run as a window or a console shows it, kept
 * apart from Swing so it can be tested: the current stage, updates done and
 * the ETA, every loss series, the latest preview, and the Stop request.
 * Trainers report into it (it is a {@link TrainingMonitor}); views register
 * a listener and read it. Thread-safe: the trainer writes from its thread,
 * views read from theirs.
 */
public final class TrainingSession implements TrainingMonitor
{
	private final LongSupplier clock;

	private final List< Runnable > listeners = new CopyOnWriteArrayList<>();

	private final Map< String, List< double[] > > series = new LinkedHashMap<>();

	private final Consumer< String > log;

	private volatile boolean stopRequested;

	private volatile String stage = "";

	private volatile long done, total;

	private long start = -1;

	private volatile DoublePlane previewInput, preview;

	private volatile int previewEvery;

	private volatile long previewStep;

	/** @param log where log lines go */
	public TrainingSession( final Consumer< String > log )
	{
		this( log, System::nanoTime );
	}

	/**
	 * @param log where log lines go
	 * @param clock nanoseconds, for the ETA (a fake clock in tests)
	 */
	public TrainingSession( final Consumer< String > log, final LongSupplier clock )
	{
		this.log = log;
		this.clock = clock;
	}

	/** Calls {@code listener} (on the trainer's thread) after every change. */
	public void addListener( final Runnable listener )
	{
		listeners.add( listener );
	}

	/** Asks the trainer to stop after its current update; the model trained so far is kept. */
	public void requestStop()
	{
		stopRequested = true;
		changed();
	}

	/** Sets the region to preview (normalised) and how often. */
	public void previewOn( final DoublePlane input, final int every )
	{
		previewInput = input;
		previewEvery = every;
	}

	@Override
	public boolean isCancelled()
	{
		return stopRequested;
	}

	@Override
	public DoublePlane previewInput()
	{
		return previewInput;
	}

	@Override
	public int previewEvery()
	{
		return previewEvery;
	}

	@Override
	public void stage( final String name, final int index, final int count )
	{
		stage = count > 1 ? name + " [" + ( index + 1 ) + "/" + count + "]" : name;
		log.accept( stage );
		changed();
	}

	@Override
	public void step( final long stepsDone, final long stepsTotal )
	{
		synchronized ( this )
		{
			if ( start < 0 )
				start = clock.getAsLong();
		}
		done = stepsDone;
		total = stepsTotal;
		changed();
	}

	@Override
	public void losses( final long step, final Map< String, Double > values )
	{
		synchronized ( series )
		{
			for ( final Map.Entry< String, Double > e : values.entrySet() )
				if ( e.getValue() != null && Double.isFinite( e.getValue() ) )
					series.computeIfAbsent( e.getKey(), k -> new ArrayList<>() ).add( new double[] { step, e.getValue() } );
		}
	}

	@Override
	public void log( final String line )
	{
		log.accept( line );
	}

	@Override
	public void preview( final long step, final DoublePlane output )
	{
		preview = output;
		previewStep = step;
		changed();
	}

	/** The latest preview output, or null. */
	public DoublePlane latestPreview()
	{
		return preview;
	}

	/** The update after which the latest preview was made. */
	public long previewStep()
	{
		return previewStep;
	}

	/** Updates done so far. */
	public long done()
	{
		return done;
	}

	/** Updates planned in all. */
	public long total()
	{
		return total;
	}

	/** Seconds left at the mean speed so far (NaN before the second update). */
	public double etaSeconds()
	{
		final long d = done;
		if ( d < 2 || start < 0 )
			return Double.NaN;
		final double perStep = ( clock.getAsLong() - start ) * 1e-9 / ( d - 1 );
		return perStep * Math.max( 0, total - d );
	}

	/** The names of the loss series, in order of first appearance. */
	public List< String > seriesNames()
	{
		synchronized ( series )
		{
			return new ArrayList<>( series.keySet() );
		}
	}

	/** A series as {steps, values}. */
	public double[][] series( final String name )
	{
		synchronized ( series )
		{
			final List< double[] > points = series.getOrDefault( name, List.of() );
			final double[][] xy = new double[ 2 ][ points.size() ];
			for ( int i = 0; i < points.size(); i++ )
			{
				xy[ 0 ][ i ] = points.get( i )[ 0 ];
				xy[ 1 ][ i ] = points.get( i )[ 1 ];
			}
			return xy;
		}
	}

	/** One line: stage, updates and ETA, e.g. "ZSSR stage 1 (x2.0): 340/800 updates, ETA 1 min 10 s". */
	public String statusLine()
	{
		final double eta = etaSeconds();
		final String time = Double.isNaN( eta ) ? "" : ", ETA " + duration( eta );
		return String.format( Locale.ROOT, "%s: %d/%d updates%s%s", stage, done, total, time, stopRequested ? " (stopping)" : "" );
	}

	/** Seconds as "1 min 10 s", "45 s" or "2 h 3 min". */
	public static String duration( final double seconds )
	{
		final long s = Math.round( seconds );
		if ( s < 60 )
			return s + " s";
		if ( s < 3600 )
			return s / 60 + " min " + s % 60 + " s";
		return s / 3600 + " h " + s % 3600 / 60 + " min";
	}

	private void changed()
	{
		for ( final Runnable l : listeners )
			l.run();
	}
}
