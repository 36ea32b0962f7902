package sc.fiji.restoregan.degrade;

import java.util.Random;

/**
 * Camera noise: Poisson shot noise of a signal whose brightest value (1)
 * collects {@code peak} photons, plus Gaussian read noise of standard
 * deviation {@code readNoise} (in units of the clean range). The result
 * stays in the clean image's units: {@code Poisson(peak * x) / peak +
 * N(0, readNoise^2)}.
 *
 * @param peak photons at a clean value of 1 (for example 5 to 100)
 * @param readNoise read-noise standard deviation as a fraction of the range
 *            (for example 0.005 to 0.05)
 */
public record PoissonGaussianNoise( double peak, double readNoise )
{
	/** Checks the parameters. */
	public PoissonGaussianNoise
	{
		if ( !( peak > 0 ) || !( readNoise >= 0 ) )
			throw new IllegalArgumentException( "Need peak > 0 and read noise >= 0, not " + peak + ", " + readNoise );
	}

	/** A noisy copy of {@code clean} (values at least 0). */
	public float[] apply( final float[] clean, final Random rnd )
	{
		final float[] out = new float[ clean.length ];
		for ( int i = 0; i < clean.length; i++ )
			out[ i ] = ( float ) ( poisson( Math.max( 0, clean[ i ] ) * peak, rnd ) / peak + readNoise * rnd.nextGaussian() );
		return out;
	}

	/**
	 * A Poisson sample of mean {@code lambda}: inversion of the cumulative
	 * distribution with a single uniform draw below 30, a rounded normal
	 * approximation with continuity above.
	 */
	public static long poisson( final double lambda, final Random rnd )
	{
		if ( lambda <= 0 )
			return 0;
		if ( lambda < 30 )
		{
			final double u = rnd.nextDouble();
			double p = Math.exp( -lambda ), cdf = p;
			long k = 0;
			while ( u > cdf && k < 200 )
			{
				k++;
				p *= lambda / k;
				cdf += p;
			}
			return k;
		}
		return Math.max( 0, Math.round( lambda + Math.sqrt( lambda ) * rnd.nextGaussian() ) );
	}
}
