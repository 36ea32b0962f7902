package sc.fiji.restoregan.baseline;

import java.util.Random;

import sc.fiji.restoregan.metrics.Psnr;
import sc.fiji.restoregan.simulate.MicroscopyScene;

/** Seeded test planes and a PSNR shorthand for the baseline tests. */
final class Planes2d
{
	private Planes2d()
	{}

	/** A simulated scene, {@code size} square, values in [0, 1]. */
	static float[] scene( final int size, final long seed )
	{
		return MicroscopyScene.of2d( size, size ).generate( seed );
	}

	/** A copy with Gaussian noise of standard deviation {@code sigma}. */
	static float[] noisy( final float[] clean, final double sigma, final long seed )
	{
		final Random rnd = new Random( seed );
		final float[] out = new float[ clean.length ];
		for ( int i = 0; i < out.length; i++ )
			out[ i ] = ( float ) ( clean[ i ] + sigma * rnd.nextGaussian() );
		return out;
	}

	/** PSNR with data range 1 of a square plane. */
	static double psnr( final float[] clean, final float[] test, final int size )
	{
		return Psnr.compute( clean, test, size, size, 1.0 );
	}

	/** The largest absolute difference. */
	static double maxDifference( final float[] a, final float[] b )
	{
		double m = 0;
		for ( int i = 0; i < a.length; i++ )
			m = Math.max( m, Math.abs( a[ i ] - b[ i ] ) );
		return m;
	}
}
