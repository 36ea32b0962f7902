package sc.fiji.restoregan.simulate;

import java.util.Random;

import sc.fiji.restoregan.degrade.Range;

/**
 * Puncta (diffraction-limited spots: single molecules, small vesicles,
 * adhesions) and larger vesicles seen as bright rings (shells in 3D).
 */
final class Puncta
{
	/** Spot sigma, px. */
	static final Range SPOT_SIGMA = Range.uniform( 0.6, 1.5 );

	/** Spot peak brightness. */
	static final Range SPOT_BRIGHTNESS = Range.logUniform( 0.1, 1 );

	/** Vesicle radius, px. */
	static final Range VESICLE_RADIUS = Range.uniform( 2, 6 );

	/** Vesicle rim brightness. */
	static final Range VESICLE_BRIGHTNESS = Range.logUniform( 0.1, 0.6 );

	private Puncta()
	{}

	static void paintSpots( final Volume v, final Random rnd, final double density )
	{
		final long n = v.count( density, rnd );
		for ( long i = 0; i < n; i++ )
			v.addGaussian( v.width * rnd.nextDouble(), v.height * rnd.nextDouble(), v.randomZ( rnd ), SPOT_SIGMA.draw( rnd ), SPOT_BRIGHTNESS.draw( rnd ) );
	}

	static void paintVesicles( final Volume v, final Random rnd, final double density )
	{
		final long n = v.count( density, rnd );
		for ( long i = 0; i < n; i++ )
		{
			final double cx = v.width * rnd.nextDouble(), cy = v.height * rnd.nextDouble(), cz = v.randomZ( rnd );
			final double radius = VESICLE_RADIUS.draw( rnd ), rim = 0.6 + 0.3 * rnd.nextDouble(), amp = VESICLE_BRIGHTNESS.draw( rnd );
			final int r = ( int ) Math.ceil( radius + 3 * rim ), rz = v.is3d() ? r : 0;
			for ( int z = Math.max( 0, ( int ) cz - rz ); z <= Math.min( v.depth - 1, ( int ) cz + rz ); z++ )
				for ( int y = Math.max( 0, ( int ) cy - r ); y <= Math.min( v.height - 1, ( int ) cy + r ); y++ )
					for ( int x = Math.max( 0, ( int ) cx - r ); x <= Math.min( v.width - 1, ( int ) cx + r ); x++ )
					{
						final double d = Math.sqrt( ( x - cx ) * ( x - cx ) + ( y - cy ) * ( y - cy ) + ( z - cz ) * ( z - cz ) ) - radius;
						v.data[ v.index( x, y, z ) ] += ( float ) ( amp * Math.exp( -d * d / ( 2 * rim * rim ) ) );
					}
		}
	}
}
