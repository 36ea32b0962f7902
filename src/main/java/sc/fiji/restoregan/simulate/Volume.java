package sc.fiji.restoregan.simulate;

import java.util.Random;

import sc.fiji.restoregan.degrade.PoissonGaussianNoise;

/**
 * A scene being painted: a {@code width x height x depth} float volume,
 * X fastest, then Y, then Z; a 2D scene has depth 1 and lies at z = 0.
 */
final class Volume
{
	final int width, height, depth;

	final float[] data;

	Volume( final int width, final int height, final int depth )
	{
		if ( width < 1 || height < 1 || depth < 1 || ( long ) width * height * depth > Integer.MAX_VALUE )
			throw new IllegalArgumentException( "Bad scene size " + width + " x " + height + " x " + depth );
		this.width = width;
		this.height = height;
		this.depth = depth;
		this.data = new float[ width * height * depth ];
	}

	boolean is3d()
	{
		return depth > 1;
	}

	int index( final int x, final int y, final int z )
	{
		return ( z * height + y ) * width + x;
	}

	/** A random z position inside the volume (0 for a 2D scene). */
	double randomZ( final Random rnd )
	{
		return is3d() ? depth * rnd.nextDouble() : 0;
	}

	/** Adds an isotropic Gaussian spot of peak {@code amp}, cut at 3 sigma. */
	void addGaussian( final double cx, final double cy, final double cz, final double sigma, final double amp )
	{
		final int r = ( int ) Math.ceil( 3 * sigma ), rz = is3d() ? r : 0;
		final double inv = 1 / ( 2 * sigma * sigma );
		final int z0 = Math.max( 0, ( int ) Math.floor( cz ) - rz ), z1 = Math.min( depth - 1, ( int ) Math.floor( cz ) + rz + 1 );
		final int y0 = Math.max( 0, ( int ) Math.floor( cy ) - r ), y1 = Math.min( height - 1, ( int ) Math.floor( cy ) + r + 1 );
		final int x0 = Math.max( 0, ( int ) Math.floor( cx ) - r ), x1 = Math.min( width - 1, ( int ) Math.floor( cx ) + r + 1 );
		for ( int z = z0; z <= z1; z++ )
		{
			final double dz = z - cz;
			for ( int y = y0; y <= y1; y++ )
			{
				final double dy = y - cy;
				for ( int x = x0; x <= x1; x++ )
				{
					final double dx = x - cx;
					data[ index( x, y, z ) ] += ( float ) ( amp * Math.exp( -( dx * dx + dy * dy + dz * dz ) * inv ) );
				}
			}
		}
	}

	/** The number of objects for a density given per 256 x 256 (x 32 in 3D) pixels. */
	long count( final double density, final Random rnd )
	{
		final double mean = density * width * height / ( 256.0 * 256.0 ) * ( is3d() ? depth / 32.0 : 1 );
		return PoissonGaussianNoise.poisson( mean, rnd );
	}
}
