package sc.fiji.restoregan.degrade;

import java.util.Locale;
import java.util.Random;

/**
 * Smooth multiplicative illumination fields with maximum 1 and a chosen
 * minimum: vignetting (radial fall-off from an off-centre optical axis), a
 * linear gradient, or a smooth random field.
 */
public enum IlluminationField
{
	/** Quadratic radial fall-off around a random centre near the image middle. */
	VIGNETTE,
	/** A linear ramp in a random direction. */
	GRADIENT,
	/** A {@link SmoothField} with features half the image across. */
	SMOOTH;

	/** The lower-case name used on the command line. */
	public String id()
	{
		return name().toLowerCase( Locale.ROOT );
	}

	/**
	 * The field, spanning exactly {@code [minimum, 1]}.
	 *
	 * @param minimum darkest relative illumination, in (0, 1] (documented
	 *            range 0.2 to 1)
	 */
	public float[] generate( final int width, final int height, final double minimum, final Random rnd )
	{
		if ( !( minimum > 0 && minimum <= 1 ) )
			throw new IllegalArgumentException( "Minimum illumination must be in (0, 1], not " + minimum );
		final float[] f = new float[ width * height ];
		switch ( this )
		{
		case VIGNETTE:
		{
			final double cx = width * ( 0.3 + 0.4 * rnd.nextDouble() ), cy = height * ( 0.3 + 0.4 * rnd.nextDouble() );
			for ( int y = 0; y < height; y++ )
				for ( int x = 0; x < width; x++ )
				{
					final double dx = x - cx, dy = y - cy;
					f[ y * width + x ] = ( float ) -( dx * dx + dy * dy );
				}
			break;
		}
		case GRADIENT:
		{
			final double a = 2 * Math.PI * rnd.nextDouble(), c = Math.cos( a ), s = Math.sin( a );
			for ( int y = 0; y < height; y++ )
				for ( int x = 0; x < width; x++ )
					f[ y * width + x ] = ( float ) ( x * c + y * s );
			break;
		}
		default:
			return SmoothField.rescale( SmoothField.generate( width, height, 0.5 * Math.max( width, height ), rnd ), minimum, 1 );
		}
		return SmoothField.rescale( f, minimum, 1 );
	}

	/**
	 * The field named {@code id} (vignette, gradient, smooth).
	 *
	 * @throws IllegalArgumentException for an unknown name
	 */
	public static IlluminationField parse( final String id )
	{
		for ( final IlluminationField f : values() )
			if ( f.id().equalsIgnoreCase( id ) )
				return f;
		throw new IllegalArgumentException( "Unknown illumination field '" + id + "' (vignette, gradient or smooth)." );
	}
}
