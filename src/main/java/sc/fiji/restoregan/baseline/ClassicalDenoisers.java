package sc.fiji.restoregan.baseline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import sc.fiji.restoregan.filter.GaussianBlur;

/**
 * The classical denoisers a microscopist would otherwise use, each at its
 * best setting for the image at hand (chosen with the clean reference, so
 * the baselines are at their strongest): a Gaussian filter over a grid of
 * sigmas, and median filters.
 */
public final class ClassicalDenoisers
{
	/** Gaussian sigmas tried, in pixels. */
	public static final double[] SIGMAS = { 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4 };

	private ClassicalDenoisers()
	{}

	/** A baseline's output with the setting that produced it. */
	public record Result( String method, String setting, float[] image, double score )
	{}

	/**
	 * The Gaussian filter at the sigma with the best score.
	 *
	 * @param score higher is better, for example PSNR against the clean image
	 */
	public static Result bestGaussian( final float[] noisy, final int width, final int height, final ToDoubleFunction< float[] > score )
	{
		Result best = null;
		for ( final double sigma : SIGMAS )
		{
			final float[] out = GaussianBlur.blur( noisy, width, height, sigma );
			final double s = score.applyAsDouble( out );
			if ( best == null || s > best.score() )
				best = new Result( "gaussian", "sigma " + sigma, out, s );
		}
		return best;
	}

	/** Median filters of the given odd sizes, each scored. */
	public static Map< String, Result > medians( final float[] noisy, final int width, final int height, final ToDoubleFunction< float[] > score, final int... sizes )
	{
		final Map< String, Result > results = new LinkedHashMap<>();
		for ( final int size : sizes )
		{
			final float[] out = MedianFilter.apply( noisy, width, height, size );
			results.put( "median" + size, new Result( "median", size + "x" + size, out, score.applyAsDouble( out ) ) );
		}
		return results;
	}
}
