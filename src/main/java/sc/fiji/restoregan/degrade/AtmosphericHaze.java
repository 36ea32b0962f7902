package sc.fiji.restoregan.degrade;

import java.util.Locale;
import java.util.Random;

/**
 * The atmospheric scattering model for photographs,
 * {@code I = J t + A (1 - t)}, with a smooth random transmission map
 * {@code t} spanning {@code [minTransmission, 1]} (a random
 * {@link SmoothField} with features about {@code mapScale} pixels across).
 *
 * @param airlight brightness of the scattered light {@code A}, clean units
 *            (documented range 0.6 to 1)
 * @param minTransmission smallest transmission in the map, in (0, 1]
 *            (documented range 0.1 to 0.6)
 * @param mapScale feature size of the transmission map, px (documented range 32
 *            to 256)
 */
public record AtmosphericHaze( double airlight, double minTransmission, double mapScale ) implements Degradation
{
	/** Airlight. */
	public static final Range AIRLIGHT = Range.uniform( 0.6, 1 );

	/** Smallest transmission. */
	public static final Range MIN_TRANSMISSION = Range.uniform( 0.1, 0.6 );

	/** Transmission-map feature size, px. */
	public static final Range MAP_SCALE = Range.logUniform( 32, 256 );

	/** Checks the parameters. */
	public AtmosphericHaze
	{
		if ( !Double.isFinite( airlight ) || !( minTransmission > 0 && minTransmission <= 1 ) || !( mapScale > 0 ) )
			throw new IllegalArgumentException( "Need finite airlight, transmission in (0, 1] and scale > 0" );
	}

	/** Atmospheric haze with every parameter drawn from its documented range. */
	public static AtmosphericHaze random( final Random rnd )
	{
		return new AtmosphericHaze( AIRLIGHT.draw( rnd ), MIN_TRANSMISSION.draw( rnd ), MAP_SCALE.draw( rnd ) );
	}

	@Override
	public float[] apply( final float[] img, final int width, final int height, final Random rnd )
	{
		final float[] t = SmoothField.rescale( SmoothField.generate( width, height, mapScale, rnd ), minTransmission, 1 );
		final float[] out = new float[ img.length ];
		for ( int i = 0; i < out.length; i++ )
			out[ i ] = ( float ) ( img[ i ] * t[ i ] + airlight * ( 1 - t[ i ] ) );
		return out;
	}

	@Override
	public String describe()
	{
		return String.format( Locale.ROOT, "atmospheric haze airlight %.2f, transmission %.2f to 1, map scale %.0f px", airlight, minTransmission, mapScale );
	}
}
