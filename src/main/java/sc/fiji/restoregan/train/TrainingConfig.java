package sc.fiji.restoregan.train;

import sc.fiji.restoregan.nn.UNetConfig;

/**
 * Hyperparameters of supervised training (Gson-serialisable; written next to
 * checkpoints and into the model card).
 */
public final class TrainingConfig
{
	/** Generator architecture. */
	public UNetConfig architecture = new UNetConfig();

	/** Total optimisation steps. */
	public int steps = 3000;

	/** Pairs per step. */
	public int batch = 16;

	/** Patch side in pixels (multiple of the architecture's block size). */
	public int patch = 64;

	/** Peak learning rate of Adam (CARE uses 4e-4). */
	public double learningRate = 4e-4;

	/** Cosine decay ends at this fraction of the peak learning rate. */
	public double finalLearningRateFraction = 0.1;

	/** Seed of the weights' initialisation and of the data. */
	public long seed = 42;

	/** A checkpoint is written every this many steps. */
	public int checkpointEvery = 100;

	/** The validation loss (on a fixed batch) is logged every this many steps. */
	public int validateEvery = 50;

	/** Learning rate at {@code step} (0-based): cosine decay from the peak. */
	public double learningRate( final long step )
	{
		final double t = Math.min( 1, step / ( double ) Math.max( 1, steps - 1 ) );
		final double f = finalLearningRateFraction + ( 1 - finalLearningRateFraction ) * 0.5 * ( 1 + Math.cos( Math.PI * t ) );
		return learningRate * f;
	}
}
