package sc.fiji.restoregan.degrade;

import java.util.Locale;
import java.util.Random;

/**
 * Bad lighting: an uneven illumination field times a global dimming, the
 * shot noise that the dimming brings (the photon budget shrinks with the
 * light), then a gamma (non-linear camera or display response):
 * <pre>
 * out = max(0, Poisson( peak * dimming * field * x ) / peak + N(0, read^2)) ^ gamma
 * </pre>
 * where {@code peak} is the photon count of bright structure at full
 * illumination.
 *
 * @param field shape of the illumination field
 * @param minimum darkest relative illumination, (0, 1] (documented range 0.2
 *            to 1)
 * @param dimming global light level, (0, 1] (documented range 0.1 to 1,
 *            log-uniform)
 * @param peak photons of bright structure at full light (documented range
 *            50 to 1000, log-uniform)
 * @param readNoise read-noise standard deviation, clean units (documented
 *            range 0.001 to 0.01)
 * @param gamma exponent of the response, positive (documented range 0.6 to
 *            1.6)
 */
public record Lighting( IlluminationField field, double minimum, double dimming, double peak, double readNoise, double gamma ) implements Degradation
{
	/** Darkest relative illumination. */
	public static final Range MINIMUM = Range.uniform( 0.2, 1 );

	/** Global dimming. */
	public static final Range DIMMING = Range.logUniform( 0.1, 1 );

	/** Photons at full light. */
	public static final Range PEAK = Range.logUniform( 50, 1000 );

	/** Read noise. */
	public static final Range READ_NOISE = Range.uniform( 0.001, 0.01 );

	/** Gamma. */
	public static final Range GAMMA = Range.uniform( 0.6, 1.6 );

	/** Checks the parameters. */
	public Lighting
	{
		if ( !( minimum > 0 && minimum <= 1 ) || !( dimming > 0 && dimming <= 1 ) || !( peak > 0 ) || !( readNoise >= 0 ) || !( gamma > 0 ) )
			throw new IllegalArgumentException( "Need minimum and dimming in (0, 1], peak > 0, read noise >= 0 and gamma > 0" );
	}

	/** Bad lighting with a random field and parameters drawn from the documented ranges. */
	public static Lighting random( final Random rnd )
	{
		final IlluminationField[] fields = IlluminationField.values();
		return random( rnd, fields[ rnd.nextInt( fields.length ) ] );
	}

	/** Bad lighting with the given field and parameters drawn from the documented ranges. */
	public static Lighting random( final Random rnd, final IlluminationField field )
	{
		return new Lighting( field, MINIMUM.draw( rnd ), DIMMING.draw( rnd ), PEAK.draw( rnd ), READ_NOISE.draw( rnd ), GAMMA.draw( rnd ) );
	}

	@Override
	public float[] apply( final float[] img, final int width, final int height, final Random rnd )
	{
		final float[] f = field.generate( width, height, minimum, rnd );
		final float[] lit = new float[ img.length ];
		for ( int i = 0; i < lit.length; i++ )
			lit[ i ] = ( float ) ( dimming * f[ i ] * img[ i ] );
		final float[] noisy = CameraNoise.poissonGaussian( peak, readNoise ).apply( lit, width, height, rnd );
		for ( int i = 0; i < noisy.length; i++ )
			noisy[ i ] = ( float ) Math.pow( Math.max( 0, noisy[ i ] ), gamma );
		return noisy;
	}

	@Override
	public String describe()
	{
		return String.format( Locale.ROOT, "lighting %s field down to %.2f, dimming %.3f, peak %.0f photons, read %.4f, gamma %.2f", field.id(), minimum, dimming,
				peak, readNoise, gamma );
	}
}
