package sc.fiji.restoregan.simulate;

import java.util.Random;

import sc.fiji.restoregan.degrade.Range;

/**
 * Nuclei: ellipsoids (ellipses in 2D) with soft edges, a chromatin-like
 * texture of random plane waves, and log-uniform brightness.
 */
final class Nuclei
{
	/** Largest semi-axis, px. */
	static final Range SIZE = Range.logUniform( 8, 25 );

	/** Peak brightness. */
	static final Range BRIGHTNESS = Range.logUniform( 0.15, 1 );

	private static final int WAVES = 3;

	private Nuclei()
	{}

	static void paint( final Volume v, final Random rnd, final double density )
	{
		final long n = v.count( density, rnd );
		for ( long i = 0; i < n; i++ )
			nucleus( v, rnd );
	}

	private static void nucleus( final Volume v, final Random rnd )
	{
		final double cx = v.width * rnd.nextDouble(), cy = v.height * rnd.nextDouble(), cz = v.randomZ( rnd );
		final double a = SIZE.draw( rnd ), b = a * ( 0.6 + 0.4 * rnd.nextDouble() ), c = a * ( 0.5 + 0.3 * rnd.nextDouble() );
		final double angle = Math.PI * rnd.nextDouble(), cos = Math.cos( angle ), sin = Math.sin( angle );
		final double amp = BRIGHTNESS.draw( rnd ), texture = 0.1 + 0.4 * rnd.nextDouble();
		final double[][] k = new double[ WAVES ][ 4 ];
		for ( final double[] wave : k )
		{
			final double f = 0.2 + 0.5 * rnd.nextDouble(), t = 2 * Math.PI * rnd.nextDouble(), p = v.is3d() ? Math.acos( 2 * rnd.nextDouble() - 1 ) : Math.PI / 2;
			wave[ 0 ] = f * Math.sin( p ) * Math.cos( t );
			wave[ 1 ] = f * Math.sin( p ) * Math.sin( t );
			wave[ 2 ] = f * Math.cos( p );
			wave[ 3 ] = 2 * Math.PI * rnd.nextDouble();
		}
		final int r = ( int ) Math.ceil( a + 3 ), rz = v.is3d() ? ( int ) Math.ceil( c + 3 ) : 0;
		for ( int z = Math.max( 0, ( int ) cz - rz ); z <= Math.min( v.depth - 1, ( int ) cz + rz ); z++ )
			for ( int y = Math.max( 0, ( int ) cy - r ); y <= Math.min( v.height - 1, ( int ) cy + r ); y++ )
				for ( int x = Math.max( 0, ( int ) cx - r ); x <= Math.min( v.width - 1, ( int ) cx + r ); x++ )
				{
					final double dx = x - cx, dy = y - cy, dz = z - cz;
					final double u = ( dx * cos + dy * sin ) / a, w = ( -dx * sin + dy * cos ) / b, h = dz / c;
					// approximate signed distance to the surface, px
					final double d = ( Math.sqrt( u * u + w * w + h * h ) - 1 ) * b;
					if ( d > 4 )
						continue;
					double tex = 0;
					for ( final double[] wave : k )
						tex += Math.cos( wave[ 0 ] * x + wave[ 1 ] * y + wave[ 2 ] * z + wave[ 3 ] );
					final double value = amp / ( 1 + Math.exp( d / 0.8 ) ) * Math.max( 0, 1 + texture * tex / WAVES );
					v.data[ v.index( x, y, z ) ] += ( float ) value;
				}
	}
}
