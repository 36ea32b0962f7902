package sc.fiji.restoregan.degrade;

import java.util.Locale;
import java.util.Random;

import sc.fiji.restoregan.filter.GaussianBlur;

/**
 * Drops and dust on the optics: soft-edged disks under which the image is
 * dimmed and blurred, {@code out = (1 - m) x + m t (G_sigma * x)}, where
 * {@code m} is the drop mask (1 inside, a 1-pixel soft edge).
 *
 * @param count number of drops (documented range 1 to 20)
 * @param radius largest drop radius, px; each draws its own in [0.3, 1]
 *            times it (documented range 3 to 24)
 * @param transmission fraction of light passing a drop, 0 to 1 (documented
 *            range 0.3 to 0.9; dust is the low end)
 * @param sigma blur under a drop, px (documented range 1 to 5)
 */
public record Drops( int count, double radius, double transmission, double sigma ) implements Degradation
{
	/** Number of drops. */
	public static final Range COUNT = Range.uniform( 1, 20 );

	/** Largest radius, px. */
	public static final Range RADIUS = Range.uniform( 3, 24 );

	/** Transmission. */
	public static final Range TRANSMISSION = Range.uniform( 0.3, 0.9 );

	/** Blur under a drop, px. */
	public static final Range SIGMA = Range.uniform( 1, 5 );

	/** Checks the parameters. */
	public Drops
	{
		if ( count < 0 || !( radius > 0 ) || !( transmission >= 0 && transmission <= 1 ) || !( sigma >= 0 ) )
			throw new IllegalArgumentException( "Need count >= 0, radius > 0, transmission in [0, 1] and sigma >= 0" );
	}

	/** Drops with parameters drawn from the documented ranges. */
	public static Drops random( final Random rnd )
	{
		return new Drops( COUNT.drawInt( rnd ), RADIUS.draw( rnd ), TRANSMISSION.draw( rnd ), SIGMA.draw( rnd ) );
	}

	@Override
	public float[] apply( final float[] img, final int width, final int height, final Random rnd )
	{
		final float[] mask = new float[ img.length ];
		for ( int k = 0; k < count; k++ )
		{
			final double cx = width * rnd.nextDouble(), cy = height * rnd.nextDouble(), r = radius * ( 0.3 + 0.7 * rnd.nextDouble() );
			final double aspect = 0.7 + 0.3 * rnd.nextDouble();
			for ( int y = Math.max( 0, ( int ) ( cy - r - 2 ) ); y < Math.min( height, ( int ) ( cy + r + 3 ) ); y++ )
				for ( int x = Math.max( 0, ( int ) ( cx - r - 2 ) ); x < Math.min( width, ( int ) ( cx + r + 3 ) ); x++ )
				{
					final double d = Math.hypot( x - cx, ( y - cy ) / aspect ) - r;
					final double m = Math.min( 1, Math.max( 0, 0.5 - d ) );
					mask[ y * width + x ] = ( float ) Math.max( mask[ y * width + x ], m );
				}
		}
		final float[] under = GaussianBlur.blur( img, width, height, sigma );
		final float[] out = new float[ img.length ];
		for ( int i = 0; i < out.length; i++ )
			out[ i ] = ( 1 - mask[ i ] ) * img[ i ] + mask[ i ] * ( float ) transmission * under[ i ];
		return out;
	}

	@Override
	public String describe()
	{
		return String.format( Locale.ROOT, "%d drops up to %.1f px, transmission %.2f, blur %.1f px", count, radius, transmission, sigma );
	}
}
