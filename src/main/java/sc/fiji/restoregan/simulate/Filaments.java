package sc.fiji.restoregan.simulate;

import java.util.Random;

import sc.fiji.restoregan.degrade.Range;

/**
 * Filaments (microtubules, actin): smooth random curves traced as a
 * persistent random walk in steps of half a pixel, drawn with a Gaussian
 * cross-section of peak brightness {@link #BRIGHTNESS}. Crossings add up,
 * as overlapping fluorescent filaments do. In 3D the curves stay nearly
 * parallel to the coverslip (small elevation).
 */
final class Filaments
{
	/** Peak brightness. */
	static final Range BRIGHTNESS = Range.logUniform( 0.15, 0.8 );

	/** Cross-section sigma, px. */
	static final Range WIDTH = Range.uniform( 0.6, 1.1 );

	/** Turning rate, radians per square root of a pixel (actin straight, microtubules curved). */
	static final Range CURVATURE = Range.uniform( 0.005, 0.08 );

	private static final double STEP = 0.5;

	private Filaments()
	{}

	static void paint( final Volume v, final Random rnd, final double density )
	{
		final long n = v.count( density, rnd );
		for ( long i = 0; i < n; i++ )
			filament( v, rnd );
	}

	private static void filament( final Volume v, final Random rnd )
	{
		double x = v.width * rnd.nextDouble(), y = v.height * rnd.nextDouble(), z = v.randomZ( rnd );
		double azimuth = 2 * Math.PI * rnd.nextDouble(), elevation = v.is3d() ? 0.2 * rnd.nextGaussian() : 0;
		final double sigma = WIDTH.draw( rnd ), curvature = CURVATURE.draw( rnd );
		// Gaussians of peak A, STEP apart, sum to a ridge of peak A sqrt(2 pi) sigma / STEP
		final double stamp = BRIGHTNESS.draw( rnd ) * STEP / ( Math.sqrt( 2 * Math.PI ) * sigma );
		final double margin = 4 * sigma;
		final int steps = ( int ) ( 2 * ( v.width + v.height ) / STEP );
		for ( int s = 0; s < steps; s++ )
		{
			v.addGaussian( x, y, z, sigma, stamp );
			azimuth += curvature * Math.sqrt( STEP ) * rnd.nextGaussian();
			if ( v.is3d() )
				elevation = Math.max( -0.3, Math.min( 0.3, elevation + 0.3 * curvature * Math.sqrt( STEP ) * rnd.nextGaussian() ) );
			x += STEP * Math.cos( elevation ) * Math.cos( azimuth );
			y += STEP * Math.cos( elevation ) * Math.sin( azimuth );
			z += STEP * Math.sin( elevation );
			if ( x < -margin || y < -margin || x > v.width + margin || y > v.height + margin || z < -margin || z > v.depth + margin )
				break;
		}
	}
}
