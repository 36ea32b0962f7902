package sc.fiji.restoregan.train;

import java.util.List;

/**
 * Makes training pairs on the fly. A batch depends only on the sampler's
 * seed and the step number, so training resumed from a checkpoint sees the
 * same data it would have seen without the interruption.
 */
public interface PairSampler
{
	/** The pairs for training step {@code step}. */
	Batch batch( long step, int count );

	/**
	 * The pairs for training step {@code step}, whose inputs may be smaller
	 * than their targets (super-resolution); by default the same-size
	 * {@link #batch}.
	 */
	default ScaledBatch pairs( final long step, final int count )
	{
		final Batch b = batch( step, count );
		return new ScaledBatch( b.inputs(), b.targets(), b.count(), b.size(), b.size(), List.of() );
	}

	/**
	 * Whether each target is normalised under its input's percentile map, so
	 * that a model trained on these pairs keeps the input's intensities;
	 * otherwise targets are normalised by their own percentiles and the
	 * model's card asks for its output to be fitted to the input
	 * ({@link sc.fiji.restoregan.model.ModelCard.Normalization#output}).
	 */
	default boolean targetsUnderInputMap()
	{
		return true;
	}

	/** The data recipe, for the model card. */
	com.google.gson.JsonObject recipe();
}
