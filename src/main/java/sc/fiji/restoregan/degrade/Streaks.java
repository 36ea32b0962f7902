package sc.fiji.restoregan.degrade;

import java.util.Locale;
import java.util.Random;

/**
 * Thin bright or dark streaks (the microscopy cousin of rain: scratches,
 * fibres, flow tracks): straight segments at angles drawn around a dominant
 * direction, with a Gaussian cross-section. Bright streaks add light
 * ({@code out += a g}); dark ones absorb it ({@code out *= 1 - a g}), where
 * {@code g} in [0, 1] is the streak profile and {@code a} its strength.
 *
 * @param count number of streaks (documented range 5 to 60)
 * @param angle dominant direction, degrees from +X towards +Y (any; Y points
 *            down in images)
 * @param spread standard deviation of each streak's angle around it, degrees
 *            (documented range 0 to 10)
 * @param width standard deviation of the cross-section, px (documented range
 *            0.5 to 1.5)
 * @param strength peak strength {@code a} of a streak, each drawn in
 *            [0.5, 1] times it (documented range 0.1 to 0.8)
 * @param darkFraction fraction of dark streaks, 0 to 1 (documented range 0
 *            to 0.5)
 */
public record Streaks( int count, double angle, double spread, double width, double strength, double darkFraction ) implements Degradation
{
	/** Number of streaks. */
	public static final Range COUNT = Range.uniform( 5, 60 );

	/** Spread of the streak angles, degrees. */
	public static final Range SPREAD = Range.uniform( 0, 10 );

	/** Cross-section sigma, px. */
	public static final Range WIDTH = Range.uniform( 0.5, 1.5 );

	/** Strength. */
	public static final Range STRENGTH = Range.uniform( 0.1, 0.8 );

	/** Fraction of dark streaks. */
	public static final Range DARK_FRACTION = Range.uniform( 0, 0.5 );

	/** Checks the parameters. */
	public Streaks
	{
		if ( count < 0 || !( spread >= 0 ) || !( width > 0 ) || !( strength >= 0 && strength <= 1 ) || !( darkFraction >= 0 && darkFraction <= 1 )
				|| !Double.isFinite( angle ) )
			throw new IllegalArgumentException( "Need count >= 0, spread >= 0, width > 0, strength and dark fraction in [0, 1], a finite angle" );
	}

	/** Streaks with a random dominant direction and parameters drawn from the documented ranges. */
	public static Streaks random( final Random rnd )
	{
		return new Streaks( COUNT.drawInt( rnd ), 180 * rnd.nextDouble(), SPREAD.draw( rnd ), WIDTH.draw( rnd ), STRENGTH.draw( rnd ), DARK_FRACTION.draw( rnd ) );
	}

	@Override
	public float[] apply( final float[] img, final int width, final int height, final Random rnd )
	{
		final float[] out = img.clone();
		final double diagonal = Math.hypot( width, height );
		for ( int k = 0; k < count; k++ )
		{
			final double a = Math.toRadians( angle + spread * rnd.nextGaussian() ), c = Math.cos( a ), s = Math.sin( a );
			final double cx = width * rnd.nextDouble(), cy = height * rnd.nextDouble();
			final double half = diagonal * ( 0.1 + 0.4 * rnd.nextDouble() );
			final double amp = strength * ( 0.5 + 0.5 * rnd.nextDouble() );
			final boolean dark = rnd.nextDouble() < darkFraction;
			final double sigma = this.width * ( 0.7 + 0.6 * rnd.nextDouble() ), reach = 3 * sigma + 1;
			final int x0 = clamp( Math.min( cx - half * c, cx + half * c ) - reach, width ), x1 = clamp( Math.max( cx - half * c, cx + half * c ) + reach, width );
			final int y0 = clamp( Math.min( cy - half * s, cy + half * s ) - reach, height ), y1 = clamp( Math.max( cy - half * s, cy + half * s ) + reach, height );
			for ( int y = y0; y <= y1; y++ )
				for ( int x = x0; x <= x1; x++ )
				{
					final double along = ( x - cx ) * c + ( y - cy ) * s, across = -( x - cx ) * s + ( y - cy ) * c;
					if ( Math.abs( across ) > reach )
						continue;
					// Gaussian cross-section, ends fading over 2 sigma
					final double ends = Math.min( 1, Math.max( 0, ( half - Math.abs( along ) ) / ( 2 * sigma ) ) );
					final double g = amp * ends * Math.exp( -across * across / ( 2 * sigma * sigma ) );
					final int i = y * width + x;
					out[ i ] = dark ? ( float ) ( out[ i ] * ( 1 - g ) ) : ( float ) ( out[ i ] + g );
				}
		}
		return out;
	}

	private static int clamp( final double v, final int n )
	{
		return ( int ) Math.max( 0, Math.min( n - 1, Math.floor( v ) ) );
	}

	@Override
	public String describe()
	{
		return String.format( Locale.ROOT, "%d streaks at %.1f deg (spread %.1f), width %.2f px, strength %.2f, %.0f%% dark", count, angle, spread, width, strength,
				100 * darkFraction );
	}

	/** The dominant direction: the angle. */
	@Override
	public double direction()
	{
		return angle;
	}
}
