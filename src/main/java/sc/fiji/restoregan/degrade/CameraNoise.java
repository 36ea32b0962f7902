package sc.fiji.restoregan.degrade;

import java.util.Locale;
import java.util.Random;

/**
 * Camera noise: Poisson shot noise, Gaussian read noise with a per-pixel
 * standard deviation (an sCMOS variance map), hot pixels, gain and offset:
 * <pre>
 * out = offset + gain * ( Poisson( peak * max(0, x) ) / peak + sigma_i * N(0, 1) + hot_i )
 * sigma_i = readNoise * exp( spread * z_i - spread^2 / 2 ),  z_i ~ N(0, 1)
 * </pre>
 * so the variance of a flat region of mean {@code m} (gain 1, no read
 * noise) is {@code m / peak}. Each call draws a new variance map and new hot
 * pixels (a new camera per image); a hot pixel adds U(0.5, 2) times the
 * brightest structure. Units are those of the clean image (1 = bright
 * structure). Reuses {@link PoissonGaussianNoise#poisson(double, Random)}.
 *
 * @param peak photons collected at a clean value of 1, positive
 * @param readNoise mean read-noise standard deviation, clean units, at least 0
 * @param offset camera baseline added last, clean units
 * @param gain multiplier of the signal and noise, positive
 * @param hotPixels fraction of hot pixels, 0 to 1
 * @param spread log-normal spread of the per-pixel read noise (0 = uniform
 *            camera, CCD-like; 0.3 to 0.5 is sCMOS-like)
 */
public record CameraNoise( double peak, double readNoise, double offset, double gain, double hotPixels, double spread ) implements Degradation
{
	/** Photons at a clean value of 1 (log-uniform). */
	public static final Range PEAK = Range.logUniform( 5, 200 );

	/** Read noise, fraction of the bright level. */
	public static final Range READ_NOISE = Range.uniform( 0.002, 0.05 );

	/** Camera offset, fraction of the bright level. */
	public static final Range OFFSET = Range.uniform( 0, 0.1 );

	/** Gain. */
	public static final Range GAIN = Range.uniform( 0.5, 2 );

	/** Hot-pixel fraction. */
	public static final Range HOT_PIXELS = Range.uniform( 0, 0.001 );

	/** Log-normal spread of the sCMOS read-noise map. */
	public static final Range SPREAD = Range.uniform( 0, 0.5 );

	/** Photons of the mild noise after blur (log-uniform). */
	public static final Range MILD_PEAK = Range.logUniform( 200, 2000 );

	/** Read noise of the mild noise after blur. */
	public static final Range MILD_READ_NOISE = Range.uniform( 0.001, 0.005 );

	/** Checks the parameters. */
	public CameraNoise
	{
		if ( !( peak > 0 ) || !( readNoise >= 0 ) || !( gain > 0 ) || !( hotPixels >= 0 && hotPixels <= 1 ) || !( spread >= 0 ) || !Double.isFinite( offset ) )
			throw new IllegalArgumentException( "Need peak > 0, read noise >= 0, gain > 0, hot pixels in [0, 1], spread >= 0 and a finite offset" );
	}

	/** Plain Poisson-Gaussian noise (no offset, gain 1, no hot pixels, uniform read noise). */
	public static CameraNoise poissonGaussian( final double peak, final double readNoise )
	{
		return new CameraNoise( peak, readNoise, 0, 1, 0, 0 );
	}

	/** Camera noise with every parameter drawn from its documented range. */
	public static CameraNoise random( final Random rnd )
	{
		return new CameraNoise( PEAK.draw( rnd ), READ_NOISE.draw( rnd ), OFFSET.draw( rnd ), GAIN.draw( rnd ), HOT_PIXELS.draw( rnd ), SPREAD.draw( rnd ) );
	}

	/** The mild Poisson-Gaussian noise that follows a blur. */
	public static CameraNoise mild( final Random rnd )
	{
		return poissonGaussian( MILD_PEAK.draw( rnd ), MILD_READ_NOISE.draw( rnd ) );
	}

	@Override
	public float[] apply( final float[] img, final int width, final int height, final Random rnd )
	{
		final float[] out = new float[ img.length ];
		for ( int i = 0; i < img.length; i++ )
		{
			final double shot = PoissonGaussianNoise.poisson( peak * Math.max( 0, img[ i ] ), rnd ) / peak;
			final double sigma = spread > 0 ? readNoise * Math.exp( spread * rnd.nextGaussian() - spread * spread / 2 ) : readNoise;
			double v = shot + sigma * rnd.nextGaussian();
			if ( hotPixels > 0 && rnd.nextDouble() < hotPixels )
				v += 0.5 + 1.5 * rnd.nextDouble();
			out[ i ] = ( float ) ( offset + gain * v );
		}
		return out;
	}

	@Override
	public String describe()
	{
		return String.format( Locale.ROOT, "camera noise peak %.1f photons, read %.4f, offset %.3f, gain %.2f, hot pixels %.5f, read spread %.2f",
				peak, readNoise, offset, gain, hotPixels, spread );
	}
}
