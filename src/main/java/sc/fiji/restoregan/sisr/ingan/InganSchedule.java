package sc.fiji.restoregan.sisr.ingan;

import java.util.Arrays;
import java.util.Random;

/**
 * InGAN's schedules, scaled from the paper's 75,000 iterations to a run of
 * {@code length} iterations:
 * <ul>
 * <li>geometry curriculum: each axis's output scale is uniform over
 * [min, max], widening linearly from [1, 1] to [{@value #MIN_SCALE},
 * {@value #MAX_SCALE}] over the first {@value #CURRICULUM} of the run (the
 * paper: 10k of 75k, 13%; a short run needs the wider range sooner to
 * train on it for long enough), sizes rounded up to a multiple;</li>
 * <li>discriminator scale weights proportional to {@code f^k}, {@code f =
 * 1.4^(1 - i / T)}, coarse scales weighted more at first and all equally
 * from {@code T} = {@value #UNIFORM_FROM} of the run on (the paper: 25k of
 * 75k);</li>
 * <li>learning rate constant, then linear decay to 0 from
 * {@value #DECAY_FROM} of the run (the paper: 20k of 75k).</li>
 * </ul>
 * The curriculum and the weights follow the model's total iteration count
 * (so a resumed model keeps the full range), the learning rate the current
 * run's.
 */
final class InganSchedule
{
	static final double MIN_SCALE = 0.15, MAX_SCALE = 2.25;

	static final double CURRICULUM = 0.4, UNIFORM_FROM = 25.0 / 75, DECAY_FROM = 20.0 / 75;

	private final int length;

	/** @param length iterations of one run ({@code settings.iterations}) */
	InganSchedule( final int length )
	{
		this.length = Math.max( 1, length );
	}

	/** Fraction of the geometry range open at total iteration {@code i}. */
	double curriculum( final long i )
	{
		return Math.min( 1, i / ( CURRICULUM * length ) );
	}

	/**
	 * A random output size for a {@code width x height} input at total
	 * iteration {@code i}: per axis, the size times a uniform scale, rounded
	 * up to a multiple of {@code multiple}, at least two multiples.
	 */
	int[] outputSize( final Random random, final long i, final int width, final int height, final int multiple )
	{
		final double open = curriculum( i );
		final double lo = 1 - ( 1 - MIN_SCALE ) * open, hi = 1 + ( MAX_SCALE - 1 ) * open;
		return new int[] { side( width * ( lo + ( hi - lo ) * random.nextDouble() ), multiple ), side( height * ( lo + ( hi - lo ) * random.nextDouble() ), multiple ) };
	}

	private static int side( final double size, final int multiple )
	{
		return Math.max( 2 * multiple, ( int ) Math.ceil( size / multiple - 1e-9 ) * multiple );
	}

	/** The discriminator's scale weights at total iteration {@code i} (summing to 1, scale 0 the finest). */
	double[] scaleWeights( final long i, final int scales )
	{
		final double f = Math.pow( InganDiscriminator.SCALE_FACTOR, Math.max( 0, 1 - i / ( UNIFORM_FROM * length ) ) );
		final double[] w = new double[ scales ];
		double sum = 0;
		for ( int k = 0; k < scales; k++ )
			sum += w[ k ] = Math.pow( f, k );
		for ( int k = 0; k < scales; k++ )
			w[ k ] /= sum;
		return w;
	}

	/** Equal weights. */
	static double[] uniform( final int scales )
	{
		final double[] w = new double[ scales ];
		Arrays.fill( w, 1.0 / scales );
		return w;
	}

	/** The learning rate at iteration {@code it} of the current run. */
	double learningRate( final double base, final long it )
	{
		final double start = DECAY_FROM * length;
		if ( it < start )
			return base;
		return base * Math.max( 0, 1 - ( it - start ) / ( length - start ) );
	}
}
