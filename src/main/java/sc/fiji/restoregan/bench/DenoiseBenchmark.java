package sc.fiji.restoregan.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import sc.fiji.restoregan.pipeline.PlaneNetwork;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.pipeline.RestoreOptions;

/**
 * Denoising quality against the classical baselines, measured in one run
 * ({@link RestorationBenchmark} with {@link BenchmarkTask#DENOISE}): each
 * clean plane gets seeded Poisson-Gaussian noise at several levels, then
 * PSNR (data range 1, the clean plane's range) of the noisy image, the
 * Gaussian filter at its best sigma, the 3x3 and 5x5 medians, non-local
 * means at its best strength, and the network. Issue 2's bar is the better
 * of the Gaussian and the 3x3 median; issue 6's is the best of all four.
 */
public final class DenoiseBenchmark
{
	/** The baselines of issue 2's bar, as named in {@link BenchmarkTask#DENOISE}. */
	public static final List< String > ISSUE2 = List.of( "Gaussian", "median 3x3" );

	/** How issue 2's bar is labelled in reports. */
	public static final String ISSUE2_LABEL = "best of Gaussian, median 3x3 (issue 2)";

	/**
	 * A noise level.
	 *
	 * @param name short label
	 * @param peak photons at the brightest pixel
	 * @param read read-noise standard deviation, fraction of the range
	 */
	public record Level( String name, double peak, double read )
	{}

	/** Three levels across the trained range: dim, medium and bright. */
	public static final List< Level > LEVELS = List.of(
			new Level( "peak5-read2%", 5, 0.02 ),
			new Level( "peak20-read1%", 20, 0.01 ),
			new Level( "peak100-read0.5%", 100, 0.005 ) );

	/** One image at one noise level, PSNR in dB. */
	public record Case( String image, String level, boolean heldOut, double noisy, double gaussian, String gaussianSetting, double median3, double network,
			double median5, double nlm, String nlmSetting )
	{
		/** The better of issue 2's classical baselines (Gaussian, 3x3 median). */
		public double bestClassical()
		{
			return Math.max( gaussian, median3 );
		}

		/** Network minus the better of issue 2's baselines. */
		public double gain()
		{
			return network - bestClassical();
		}

		/** The best of all classical baselines (issue 6's bar). */
		public double bestOfAll()
		{
			return Math.max( bestClassical(), Math.max( median5, nlm ) );
		}

		/** Network minus the best of all classical baselines. */
		public double gainOverAll()
		{
			return network - bestOfAll();
		}
	}

	private DenoiseBenchmark()
	{}

	/**
	 * Runs the benchmark.
	 *
	 * @param images clean planes
	 * @param heldOut file names not used in training (reported separately)
	 * @param network the denoiser, already open
	 * @param options tiling and normalisation for the network
	 * @param seed noise seed
	 */
	public static List< Case > run( final List< BenchmarkImages.Item > images, final Set< String > heldOut, final PlaneNetwork network, final RestoreOptions options, final long seed, final Progress progress )
	{
		return cases( new RestorationBenchmark( BenchmarkTask.DENOISE, seed ).run( images, List.of(), heldOut, PlaneRestorer.of( network, options ), progress ) );
	}

	/** The PSNR view of the general benchmark's denoise cases (which must include the network). */
	public static List< Case > cases( final List< RestorationBenchmark.Case > cases )
	{
		return cases.stream().map( c -> {
			final Map< String, RestorationBenchmark.Score > m = c.methods();
			return new Case( c.image(), c.level(), c.heldOut(), m.get( RestorationBenchmark.DEGRADED ).psnr(), m.get( "Gaussian" ).psnr(), m.get( "Gaussian" ).setting(),
					m.get( "median 3x3" ).psnr(), m.get( RestorationBenchmark.NETWORK ).psnr(), m.get( "median 5x5" ).psnr(), m.get( "NLM" ).psnr(), m.get( "NLM" ).setting() );
		} ).toList();
	}

	/** Mean of a column over the cases that pass {@code filter}. */
	public static double mean( final List< Case > cases, final Predicate< Case > filter, final ToDoubleFunction< Case > column )
	{
		return cases.stream().filter( filter ).mapToDouble( column ).average().orElse( Double.NaN );
	}

	/** A Markdown table of all cases and the means. */
	public static String markdown( final List< Case > cases )
	{
		final StringBuilder s = new StringBuilder( "| image | noise | noisy | Gaussian (best sigma) | median 3x3 | median 5x5 | NLM (best h) | ours | ours - best classical (issue 2: Gaussian, median 3x3) | ours - best of all |\n|---|---|---|---|---|---|---|---|---|---|\n" );
		for ( final Case c : cases )
			s.append( String.format( Locale.ROOT, "| %s%s | %s | %.2f | %.2f (%s) | %.2f | %.2f | %.2f (%s) | %.2f | %+.2f | %+.2f |%n", c.image(), c.heldOut() ? " (held out)" : "", c.level(), c.noisy(),
					c.gaussian(), c.gaussianSetting(), c.median3(), c.median5(), c.nlm(), c.nlmSetting(), c.network(), c.gain(), c.gainOverAll() ) );
		summaryRow( s, "**mean, all**", cases, c -> true );
		summaryRow( s, "**mean, held-out images**", cases, Case::heldOut );
		summaryRow( s, "**mean, training images**", cases, c -> !c.heldOut() );
		return s.toString();
	}

	private static void summaryRow( final StringBuilder s, final String label, final List< Case > cases, final Predicate< Case > f )
	{
		if ( cases.stream().noneMatch( f ) )
			return;
		s.append( String.format( Locale.ROOT, "| %s | | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %+.2f | %+.2f |%n", label, mean( cases, f, Case::noisy ), mean( cases, f, Case::gaussian ),
				mean( cases, f, Case::median3 ), mean( cases, f, Case::median5 ), mean( cases, f, Case::nlm ), mean( cases, f, Case::network ), mean( cases, f, Case::gain ),
				mean( cases, f, Case::gainOverAll ) ) );
	}

	/** The summary as JSON, for a model card. */
	public static JsonObject summary( final List< Case > cases )
	{
		final JsonObject o = new JsonObject();
		o.add( "all", summaryOf( cases, c -> true ) );
		o.add( "heldOut", summaryOf( cases, Case::heldOut ) );
		o.add( "training", summaryOf( cases, c -> !c.heldOut() ) );
		final JsonArray levels = new JsonArray();
		LEVELS.forEach( l -> levels.add( l.name() ) );
		o.add( "noiseLevels", levels );
		return o;
	}

	private static JsonObject summaryOf( final List< Case > cases, final Predicate< Case > f )
	{
		final JsonObject o = new JsonObject();
		o.addProperty( "cases", cases.stream().filter( f ).count() );
		o.addProperty( "psnrNoisy", round( mean( cases, f, Case::noisy ) ) );
		o.addProperty( "psnrGaussianBestSigma", round( mean( cases, f, Case::gaussian ) ) );
		o.addProperty( "psnrMedian3", round( mean( cases, f, Case::median3 ) ) );
		o.addProperty( "psnrMedian5", round( mean( cases, f, Case::median5 ) ) );
		o.addProperty( "psnrNlmBestH", round( mean( cases, f, Case::nlm ) ) );
		o.addProperty( "psnrNetwork", round( mean( cases, f, Case::network ) ) );
		o.addProperty( "gainOverBestClassical", round( mean( cases, f, Case::gain ) ) );
		o.addProperty( "gainOverBestOfAllClassical", round( mean( cases, f, Case::gainOverAll ) ) );
		return o;
	}

	private static double round( final double v )
	{
		return Math.round( v * 100 ) / 100.0;
	}
}
