package sc.fiji.restoregan.sisr;

import java.util.Map;

import sc.fiji.restoregan.metrics.DoublePlane;

/**
 * What a single-image trainer tells the world while it runs, and how it
 * learns that the user pressed Stop. A trainer that sees
 * {@link #isCancelled()} stops after the current update and returns the
 * model trained so far. {@link TrainingSession} implements this for the
 * training window and the console.
 */
public interface TrainingMonitor
{
	/** A monitor that listens to nothing and never stops. */
	TrainingMonitor NONE = new TrainingMonitor()
	{};

	/**
	 * A new stage began, e.g. the pyramid's scale 3 of 8.
	 *
	 * @param name what the stage is, for the status line
	 * @param index 0-based
	 * @param count stages in all
	 */
	default void stage( final String name, final int index, final int count )
	{}

	/** {@code done} of {@code total} training updates are finished (over all stages). */
	default void step( final long done, final long total )
	{}

	/** Loss values after update {@code step}, by series name (reconstruction, g, d, ...). */
	default void losses( final long step, final Map< String, Double > values )
	{}

	/** A line for the log. */
	default void log( final String line )
	{}

	/** Whether the user asked to stop. */
	default boolean isCancelled()
	{
		return false;
	}

	/** The normalised region to preview, or null for no preview. */
	default DoublePlane previewInput()
	{
		return null;
	}

	/** Updates between previews (0: none). */
	default int previewEvery()
	{
		return 0;
	}

	/** The current model's output on {@link #previewInput()} after update {@code step}. */
	default void preview( final long step, final DoublePlane output )
	{}
}
