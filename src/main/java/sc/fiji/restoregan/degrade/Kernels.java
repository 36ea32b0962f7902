package sc.fiji.restoregan.degrade;

import java.util.function.DoubleBinaryOperator;

import sc.fiji.restoregan.filter.GaussianBlur;

/**
 * Analytic blur kernels, each normalised to sum 1: isotropic and rotated
 * anisotropic Gaussians and the uniform defocus disk. Shapes with sharp
 * edges are averaged over 5 x 5 sub-pixel samples per pixel (anti-aliased).
 */
public final class Kernels
{
	private static final int SUBSAMPLES = 5;

	private Kernels()
	{}

	/**
	 * An isotropic Gaussian, the outer product of
	 * {@link GaussianBlur#kernel(double)} (radius {@code ceil(4 sigma)}).
	 *
	 * @param sigma standard deviation in pixels, positive (documented range
	 *            0.8 to 3 px)
	 */
	public static Kernel gaussian( final double sigma )
	{
		if ( !( sigma > 0 ) )
			throw new IllegalArgumentException( "Gaussian sigma must be positive, not " + sigma );
		final double[] k = GaussianBlur.kernel( sigma );
		final int r = k.length / 2;
		final float[] w = new float[ k.length * k.length ];
		for ( int y = 0; y < k.length; y++ )
			for ( int x = 0; x < k.length; x++ )
				w[ y * k.length + x ] = ( float ) ( k[ y ] * k[ x ] );
		return new Kernel( w, r ).normalized();
	}

	/**
	 * A rotated anisotropic Gaussian (an astigmatic or tilted PSF).
	 *
	 * @param sigmaMajor standard deviation along the major axis, px (0.5 to 4)
	 * @param sigmaMinor standard deviation across it, px (0.5 to 4)
	 * @param angleDegrees direction of the major axis, degrees from +X towards
	 *            +Y
	 */
	public static Kernel anisotropicGaussian( final double sigmaMajor, final double sigmaMinor, final double angleDegrees )
	{
		if ( !( sigmaMajor > 0 ) || !( sigmaMinor > 0 ) )
			throw new IllegalArgumentException( "Gaussian sigmas must be positive, not " + sigmaMajor + ", " + sigmaMinor );
		final double a = Math.toRadians( angleDegrees ), c = Math.cos( a ), s = Math.sin( a );
		final int r = Math.max( 1, ( int ) Math.ceil( 4 * Math.max( sigmaMajor, sigmaMinor ) ) );
		return sampled( r, ( x, y ) -> {
			final double u = ( x * c + y * s ) / sigmaMajor, v = ( -x * s + y * c ) / sigmaMinor;
			return Math.exp( -0.5 * ( u * u + v * v ) );
		} );
	}

	/**
	 * The uniform disk of geometric defocus, anti-aliased at its edge.
	 *
	 * @param radius disk radius in pixels, positive (documented range 1 to 6 px)
	 */
	public static Kernel disk( final double radius )
	{
		if ( !( radius > 0 ) )
			throw new IllegalArgumentException( "Disk radius must be positive, not " + radius );
		final double r2 = radius * radius;
		return sampled( ( int ) Math.ceil( radius ), ( x, y ) -> x * x + y * y <= r2 ? 1 : 0 );
	}

	/**
	 * A kernel of the given radius whose pixel values are the mean of
	 * {@code f(x, y)} over 5 x 5 sub-pixel positions, normalised to sum 1.
	 */
	static Kernel sampled( final int radius, final DoubleBinaryOperator f )
	{
		final int side = 2 * radius + 1;
		final float[] w = new float[ side * side ];
		for ( int y = -radius; y <= radius; y++ )
			for ( int x = -radius; x <= radius; x++ )
			{
				double s = 0;
				for ( int j = 0; j < SUBSAMPLES; j++ )
					for ( int i = 0; i < SUBSAMPLES; i++ )
						s += f.applyAsDouble( x + ( i + 0.5 ) / SUBSAMPLES - 0.5, y + ( j + 0.5 ) / SUBSAMPLES - 0.5 );
				w[ ( y + radius ) * side + x + radius ] = ( float ) s;
			}
		return new Kernel( w, radius ).normalized();
	}
}
