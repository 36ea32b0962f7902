package sc.fiji.restoregan.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import net.imglib2.img.array.ArrayImgs;

import sc.fiji.restoregan.baseline.ClassicalDenoisers;
import sc.fiji.restoregan.bridge.Planes;
import sc.fiji.restoregan.bridge.TensorBridge;
import sc.fiji.restoregan.degrade.PoissonGaussianNoise;
import sc.fiji.restoregan.metrics.Psnr;
import sc.fiji.restoregan.pipeline.PlaneNetwork;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.pipeline.RestoreOptions;
import sc.fiji.restoregan.pipeline.Restorer;

/**
 * Denoising quality against the classical baselines, measured in one run:
 * each clean plane gets seeded Poisson-Gaussian noise at several levels, then
 * PSNR (data range 1, the clean plane's range) of the noisy image, the
 * Gaussian filter at its best sigma, the 3x3 median, and the network.
 */
public final class DenoiseBenchmark
{
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
	public record Case( String image, String level, boolean heldOut, double noisy, double gaussian, String gaussianSetting, double median3, double network )
	{
		/** The better of the classical baselines. */
		public double bestClassical()
		{
			return Math.max( gaussian, median3 );
		}

		/** Network minus best classical. */
		public double gain()
		{
			return network - bestClassical();
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
		final List< Case > cases = new ArrayList<>();
		final Restorer restorer = new Restorer( network, options );
		int done = 0;
		for ( final BenchmarkImages.Item item : images )
			for ( final Level level : LEVELS )
			{
				progress.checkCancelled();
				final int w = item.width(), h = item.height();
				final Random rnd = new Random( seed * 31 + item.name().hashCode() * 7L + level.name().hashCode() );
				final float[] noisy = new PoissonGaussianNoise( level.peak(), level.read() ).apply( item.pixels(), rnd );
				final java.util.function.ToDoubleFunction< float[] > psnr = out -> Psnr.compute( item.pixels(), out, w, h, 1.0 );
				final ClassicalDenoisers.Result gauss = ClassicalDenoisers.bestGaussian( noisy, w, h, psnr );
				final double median = ClassicalDenoisers.medians( noisy, w, h, psnr, 3 ).get( "median3" ).score();
				final float[] ours = TensorBridge.toArray( Planes.plane( restorer.restore( ArrayImgs.floats( noisy, w, h ), Progress.NONE ), 0 ) );
				final String file = item.name().replaceAll( "#.*", "" );
				cases.add( new Case( item.name(), level.name(), heldOut.contains( file ), psnr.applyAsDouble( noisy ), gauss.score(), gauss.setting(), median, psnr.applyAsDouble( ours ) ) );
				progress.update( ++done, ( long ) images.size() * LEVELS.size(), item.name() + " " + level.name() );
			}
		return cases;
	}


	/** Mean of a column over the cases that pass {@code filter}. */
	public static double mean( final List< Case > cases, final Predicate< Case > filter, final java.util.function.ToDoubleFunction< Case > column )
	{
		return cases.stream().filter( filter ).mapToDouble( column ).average().orElse( Double.NaN );
	}

	/** A Markdown table of all cases and the means. */
	public static String markdown( final List< Case > cases )
	{
		final StringBuilder s = new StringBuilder( "| image | noise | noisy | Gaussian (best sigma) | median 3x3 | ours | ours - best classical |\n|---|---|---|---|---|---|---|\n" );
		for ( final Case c : cases )
			s.append( String.format( Locale.ROOT, "| %s%s | %s | %.2f | %.2f (%s) | %.2f | %.2f | %+.2f |%n", c.image(), c.heldOut() ? " (held out)" : "", c.level(), c.noisy(), c.gaussian(), c.gaussianSetting(), c.median3(), c.network(), c.gain() ) );
		summaryRow( s, "**mean, all**", cases, c -> true );
		summaryRow( s, "**mean, held-out images**", cases, Case::heldOut );
		summaryRow( s, "**mean, training images**", cases, c -> !c.heldOut() );
		return s.toString();
	}

	private static void summaryRow( final StringBuilder s, final String label, final List< Case > cases, final Predicate< Case > f )
	{
		if ( cases.stream().noneMatch( f ) )
			return;
		s.append( String.format( Locale.ROOT, "| %s | | %.2f | %.2f | %.2f | %.2f | %+.2f |%n", label, mean( cases, f, Case::noisy ), mean( cases, f, Case::gaussian ), mean( cases, f, Case::median3 ), mean( cases, f, Case::network ), mean( cases, f, Case::gain ) ) );
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
		o.addProperty( "psnrNetwork", round( mean( cases, f, Case::network ) ) );
		o.addProperty( "gainOverBestClassical", round( mean( cases, f, Case::gain ) ) );
		return o;
	}

	private static double round( final double v )
	{
		return Math.round( v * 100 ) / 100.0;
	}
}
