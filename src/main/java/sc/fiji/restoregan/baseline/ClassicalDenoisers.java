package sc.fiji.restoregan.baseline;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import sc.fiji.restoregan.filter.GaussianBlur;

/**
 * The classical denoisers a microscopist would otherwise use, each at its
 * best setting for the image at hand (chosen with the clean reference by the
 * {@link Oracle}, so the baselines are at their strongest): a Gaussian filter
 * over a grid of sigmas, median filters, and non-local means over a grid of
 * filtering strengths.
 */
public final class ClassicalDenoisers
{
	/** Gaussian sigmas tried, in pixels. */
	public static final double[] SIGMAS = { 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4 };

	/** Median sizes of {@link #best}. */
	public static final int[] MEDIAN_SIZES = { 3, 5 };

	private ClassicalDenoisers()
	{}

	/**
	 * The Gaussian filter at the sigma with the best score.
	 *
	 * @param score higher is better, for example PSNR against the clean image
	 */
	public static Tuned bestGaussian( final float[] noisy, final int width, final int height, final ToDoubleFunction< float[] > score )
	{
		return Oracle.best( "gaussian", Arrays.stream( SIGMAS ).boxed().toList(), s -> "sigma " + s, s -> GaussianBlur.blur( noisy, width, height, s ), score );
	}

	/** Median filters of the given odd sizes, each scored, keyed {@code median3}, {@code median5}, .... */
	public static Map< String, Tuned > medians( final float[] noisy, final int width, final int height, final ToDoubleFunction< float[] > score, final int... sizes )
	{
		final Map< String, Tuned > results = new LinkedHashMap<>();
		for ( final int size : sizes )
		{
			final float[] out = MedianFilter.apply( noisy, width, height, size );
			results.put( "median" + size, new Tuned( "median", size + "x" + size, out, score.applyAsDouble( out ) ) );
		}
		return results;
	}

	/**
	 * Every denoiser at its best setting: the Gaussian, the medians of
	 * {@link #MEDIAN_SIZES} and non-local means, keyed {@code gaussian},
	 * {@code median3}, {@code median5}, {@code nlm}.
	 */
	public static Map< String, Tuned > all( final float[] noisy, final int width, final int height, final ToDoubleFunction< float[] > score )
	{
		final Map< String, Tuned > results = new LinkedHashMap<>();
		results.put( "gaussian", bestGaussian( noisy, width, height, score ) );
		results.putAll( medians( noisy, width, height, score, MEDIAN_SIZES ) );
		results.put( "nlm", NonLocalMeans.best( noisy, width, height, score ) );
		return results;
	}

	/** The best of {@link #all}: the strongest classical denoiser for this image. */
	public static Tuned best( final float[] noisy, final int width, final int height, final ToDoubleFunction< float[] > score )
	{
		return Oracle.bestOf( List.copyOf( all( noisy, width, height, score ).values() ) );
	}

	/** The best of the local filters: the Gaussian and the medians of {@link #MEDIAN_SIZES} (fast, no non-local means). */
	public static Tuned bestLocal( final float[] noisy, final int width, final int height, final ToDoubleFunction< float[] > score )
	{
		final List< Tuned > results = new java.util.ArrayList<>( medians( noisy, width, height, score, MEDIAN_SIZES ).values() );
		results.add( 0, bestGaussian( noisy, width, height, score ) );
		return Oracle.bestOf( results );
	}
}
