package sc.fiji.restoregan.train;

/**
 * Makes training pairs on the fly. A batch depends only on the sampler's
 * seed and the step number, so training resumed from a checkpoint sees the
 * same data it would have seen without the interruption.
 */
public interface PairSampler
{
	/** The pairs for training step {@code step}. */
	Batch batch( long step, int count );

	/** The data recipe, for the model card. */
	com.google.gson.JsonObject recipe();
}
