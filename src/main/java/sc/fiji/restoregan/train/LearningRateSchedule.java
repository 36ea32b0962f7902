package sc.fiji.restoregan.train;

import java.util.Arrays;
import java.util.Locale;

/**
 * The learning-rate schedules by name: the factor applied to the peak
 * learning rate at each step, given a {@link TrainingConfig}'s settings.
 */
public enum LearningRateSchedule
{
	/**
	 * Cosine decay from the peak to {@code finalLearningRateFraction} of it
	 * over all steps (the default).
	 */
	COSINE( "cosine" ),
	/**
	 * DeblurGAN's linear decay: constant for the first {@code decayStart}
	 * fraction of the steps (DeblurGAN: 150 of 300 epochs), then linearly to 0
	 * at the end.
	 */
	LINEAR( "linear" ),
	/**
	 * SinGAN's {@code MultiStepLR}: constant until the {@code milestone}
	 * fraction of the steps (SinGAN: iteration 1600 of 2000), then multiplied
	 * by {@code stepGamma} (0.1).
	 */
	STEP( "step" );

	private final String label;

	LearningRateSchedule( final String label )
	{
		this.label = label;
	}

	/** The name used on the command line and in configurations. */
	public String label()
	{
		return label;
	}

	/** The schedule called {@code name} (case-insensitive), or an exception listing the names. */
	public static LearningRateSchedule of( final String name )
	{
		for ( final LearningRateSchedule s : values() )
			if ( s.label.equals( name.toLowerCase( Locale.ROOT ) ) )
				return s;
		throw new IllegalArgumentException( "Unknown learning-rate schedule '" + name + "'; one of " + Arrays.stream( values() ).map( LearningRateSchedule::label ).toList() );
	}

	/** The factor on the peak learning rate at {@code step} (0-based). */
	public double factor( final TrainingConfig c, final long step )
	{
		final int steps = Math.max( 1, c.steps );
		switch ( this )
		{
		case LINEAR:
		{
			final long start = Math.round( c.decayStart * steps );
			return step < start ? 1 : Math.max( 0, ( steps - step ) / ( double ) Math.max( 1, steps - start ) );
		}
		case STEP:
			return step < Math.round( c.milestone * steps ) ? 1 : c.stepGamma;
		default:
		{
			final double t = Math.min( 1, step / ( double ) Math.max( 1, c.steps - 1 ) );
			return c.finalLearningRateFraction + ( 1 - c.finalLearningRateFraction ) * 0.5 * ( 1 + Math.cos( Math.PI * t ) );
		}
		}
	}

	/** One line for model cards. */
	public String describe( final TrainingConfig c )
	{
		return switch ( this )
		{
			case COSINE -> "cosine decay from " + c.learningRate + " to " + c.learningRate * c.finalLearningRateFraction + " over the planned steps";
			case LINEAR -> c.learningRate + " constant for " + c.decayStart + " of the planned steps, then linear decay to 0";
			case STEP -> c.learningRate + ", times " + c.stepGamma + " from " + c.milestone + " of the planned steps";
		};
	}
}
