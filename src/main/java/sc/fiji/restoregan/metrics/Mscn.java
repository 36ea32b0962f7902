package sc.fiji.restoregan.metrics;

/**
 * Mean-subtracted contrast-normalised (MSCN) coefficients, as in the LIVE
 * NIQE and BRISQUE code: with w the 7x7 Gaussian of sigma 7/6 (normalised),
 * {@code mu = imfilter(im, w, 'replicate')}, {@code sigma = sqrt(|imfilter(im
 * .^ 2, w, 'replicate') - mu .^ 2|)} and {@code mscn = (im - mu) ./ (sigma +
 * 1)}. The constant 1 assumes pixel values on a 0..255 scale.
 *
 * @param coefficients the MSCN coefficients
 * @param sigma the local standard deviation (NIQE's patch sharpness is its
 *            mean)
 */
public record Mscn( DoublePlane coefficients, DoublePlane sigma )
{
	/** Size of the Gaussian window. */
	public static final int WINDOW = 7;

	/** Standard deviation of the Gaussian window. */
	public static final double SIGMA = 7.0 / 6.0;

	/** The stabilising constant added to sigma. */
	public static final double C = 1;

	private static final double[] KERNEL = Separable.gaussian( WINDOW, SIGMA );

	/** The MSCN transform of an image on a 0..255 scale. */
	public static Mscn of( final DoublePlane image )
	{
		final DoublePlane mu = Separable.replicate( image, KERNEL );
		final double[] sq = new double[ image.data.length ];
		for ( int i = 0; i < sq.length; i++ )
			sq[ i ] = image.data[ i ] * image.data[ i ];
		final DoublePlane sigma = Separable.replicate( new DoublePlane( image.width, image.height, sq ), KERNEL );
		final double[] mscn = new double[ sq.length ];
		for ( int i = 0; i < mscn.length; i++ )
		{
			final double m = mu.data[ i ];
			final double s = Math.sqrt( Math.abs( sigma.data[ i ] - m * m ) );
			sigma.data[ i ] = s;
			mscn[ i ] = ( image.data[ i ] - m ) / ( s + C );
		}
		return new Mscn( new DoublePlane( image.width, image.height, mscn ), sigma );
	}
}
