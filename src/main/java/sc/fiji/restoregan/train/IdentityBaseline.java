package sc.fiji.restoregan.train;

import java.util.Locale;

/**
 * The validation loss of doing nothing: the mean absolute difference between
 * a same-size validation batch's inputs and targets. A network whose
 * validation loss stays at this level is returning its input, which happens
 * when a restoration touches few pixels (streaks, drops) and training never
 * leaves the residual network's starting point; the trainer says so in its
 * log instead of letting the user wait for a run that learns nothing.
 *
 * @param loss the input's L1 loss against the target, or NaN for a batch whose
 *            inputs are smaller than its targets (super-resolution)
 */
public record IdentityBaseline( double loss )
{
	/** Fraction of the planned steps after which a loss still at the input's level is reported. */
	public static final double PATIENCE = 0.2;

	/** A validation loss above this fraction of the input's counts as "at the input's level". */
	public static final double MARGIN = 0.98;

	/** The baseline of a validation batch. */
	public static IdentityBaseline of( final ScaledBatch batch )
	{
		if ( batch.inputSize() != batch.targetSize() )
			return new IdentityBaseline( Double.NaN );
		final float[] in = batch.imageInputs(), target = batch.targets();
		double sum = 0;
		for ( int i = 0; i < in.length; i++ )
			sum += Math.abs( in[ i ] - target[ i ] );
		return new IdentityBaseline( sum / in.length );
	}

	/** Whether there is a baseline (same-size pairs). */
	public boolean defined()
	{
		return !Double.isNaN( loss );
	}

	/**
	 * Whether a run has been returning its input for too long: after
	 * {@link #PATIENCE} of its planned steps, its validation loss is still
	 * above {@link #MARGIN} times the input's.
	 *
	 * @param validationLoss the latest validation loss
	 * @param done steps done
	 * @param planned steps planned
	 */
	public boolean stuck( final double validationLoss, final long done, final long planned )
	{
		return defined() && done >= PATIENCE * planned && validationLoss > MARGIN * loss;
	}

	/** One log line: the level a network that returns its input would score. */
	public String describe()
	{
		return String.format( Locale.ROOT, "Validation: the input itself scores %.5f (a network at that level returns its input)", loss );
	}

	/** The warning for a run that is {@link #stuck}. */
	public String warning( final double validationLoss, final long done )
	{
		return String.format( Locale.ROOT, "Warning: after %d steps the validation loss (%.5f) is still at the input's level (%.5f): the network is returning its input. "
				+ "It may stay there: consider stopping and changing the network or the data (docs/gan-training.md).", done, validationLoss, loss );
	}
}
