package sc.fiji.restoregan.baseline;

import java.util.function.ToDoubleFunction;

import sc.fiji.restoregan.filter.GaussianBlur;

/**
 * Flat-field correction without a flat-field image: the image divided by a
 * heavily blurred copy of itself, {@code out = x / (G_sigma * x)}, which
 * evens out illumination that varies slowly compared with sigma (the
 * divisor is kept above a thousandth of its mean). The division leaves the
 * noise of the dim parts amplified, so {@link #best} follows it with the best
 * classical denoiser: every {@link #SIGMAS} with the local filters
 * ({@link ClassicalDenoisers#bestLocal}), then non-local means
 * ({@link NonLocalMeans#best}) after the sigma that scored best with them
 * (non-local means costs most, so it is not run after every sigma).
 */
public final class FlatField
{
	/** Sigmas of the illumination estimate tried by {@link #best}, in pixels. */
	public static final double[] SIGMAS = { 20, 40, 80 };

	private FlatField()
	{}

	/** The image divided by its Gaussian blur of {@code sigma} px, as a new array. */
	public static float[] correct( final float[] img, final int width, final int height, final double sigma )
	{
		final float[] field = GaussianBlur.blur( img, width, height, sigma );
		double mean = 0;
		for ( final float v : field )
			mean += Math.abs( v );
		final double floor = Math.max( 1e-3 * mean / field.length, 1e-12 );
		final float[] out = new float[ img.length ];
		for ( int i = 0; i < out.length; i++ )
			out[ i ] = ( float ) ( img[ i ] / Math.max( field[ i ], floor ) );
		return out;
	}

	/**
	 * The best flat-field sigma and denoiser; the setting names both.
	 *
	 * @param score higher is better, for example PSNR against the clean image
	 *            after an affine fit
	 */
	public static Tuned best( final float[] img, final int width, final int height, final ToDoubleFunction< float[] > score )
	{
		Tuned best = null;
		float[] bestFlat = null;
		double bestSigma = 0;
		for ( final double sigma : SIGMAS )
		{
			final float[] flat = correct( img, width, height, sigma );
			final Tuned d = ClassicalDenoisers.bestLocal( flat, width, height, score );
			if ( best == null || d.score() > best.score() )
			{
				best = d;
				bestFlat = flat;
				bestSigma = sigma;
			}
		}
		final Tuned nlm = NonLocalMeans.best( bestFlat, width, height, score );
		final Tuned d = nlm.score() > best.score() ? nlm : best;
		return new Tuned( "flat-field", "sigma " + bestSigma + ", then " + d.method() + " " + d.setting(), d.image(), d.score() );
	}
}
