package sc.fiji.restoregan.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import net.imglib2.img.array.ArrayImgs;

import sc.fiji.restoregan.baseline.Baseline;
import sc.fiji.restoregan.baseline.DegradedPlane;
import sc.fiji.restoregan.baseline.Tuned;
import sc.fiji.restoregan.normalize.AffineFit;
import sc.fiji.restoregan.metrics.Niqe;
import sc.fiji.restoregan.metrics.NiqeModel;
import sc.fiji.restoregan.metrics.Psnr;
import sc.fiji.restoregan.metrics.Ssim;
import sc.fiji.restoregan.pipeline.Progress;

/**
 * A restoration task's benchmark, measured in one run: every clean plane
 * gets each of the task's degradation levels (seeded per image and level),
 * then every classical baseline runs at its best setting, and the network
 * too if one is given. Scores are PSNR and SSIM with data range 1 (the clean
 * plane spans [0, 1]) and NIQE (LIVE model, the clean plane's [0, 1] mapped
 * to 0..255), after a least-squares affine fit to the clean plane for the
 * tasks whose intensity scale is ambiguous ({@link BenchmarkTask#affine()});
 * the baselines' settings are chosen by the same PSNR.
 */
public final class RestorationBenchmark
{
	/** The key of the degraded input in {@link Case#methods()}. */
	public static final String DEGRADED = "degraded";

	/** The key of the network in {@link Case#methods()} (at realism 0 when several realism settings are measured). */
	public static final String NETWORK = "network";

	/**
	 * The key of a network at a realism setting: {@link #NETWORK} for 0 (the
	 * faithful model, the one the bar is measured on), {@code "realism R"}
	 * otherwise.
	 */
	public static String realismKey( final double realism )
	{
		return realism == 0 ? NETWORK : "realism " + java.math.BigDecimal.valueOf( realism ).stripTrailingZeros().toPlainString();
	}

	/**
	 * The scores of one output.
	 *
	 * @param setting the setting that produced it (empty if none)
	 * @param psnr dB
	 * @param ssim mean SSIM
	 * @param niqe NIQE, NaN if the plane is too small
	 */
	public record Score( String setting, double psnr, double ssim, double niqe )
	{}

	/**
	 * One clean plane at one degradation level.
	 *
	 * @param image the plane's name
	 * @param level the level's name
	 * @param heldOut whether the network never saw this image in training
	 * @param simulated whether the plane is a simulated scene
	 * @param methods scores keyed {@link #DEGRADED} (absent for
	 *            super-resolution), each baseline's name, and {@link #NETWORK}
	 *            (absent without a network), in that order
	 */
	public record Case( String image, String level, boolean heldOut, boolean simulated, Map< String, Score > methods )
	{
		/** The baseline with the highest PSNR among {@code names}. */
		public String best( final List< String > names )
		{
			String best = null;
			for ( final String n : names )
				if ( methods.containsKey( n ) && ( best == null || methods.get( n ).psnr() > methods.get( best ).psnr() ) )
					best = n;
			return best;
		}
	}

	private final BenchmarkTask task;

	private final NiqeModel niqe;

	private final long seed;

	private final Map< String, float[] > lastOutputs = new LinkedHashMap<>();

	private BaselineCache cache;

	/**
	 * A benchmark of {@code task}.
	 *
	 * @param seed the degradation seed
	 */
	public RestorationBenchmark( final BenchmarkTask task, final long seed )
	{
		this.task = task;
		this.seed = seed;
		niqe = NiqeModel.resolve( NiqeModel.LIVE );
	}

	/**
	 * Reuses baseline scores from {@code baselineCache} and stores new ones
	 * there (null: no cache). Baselines read from the cache leave no output
	 * in {@link #lastOutputs()}.
	 */
	public RestorationBenchmark cache( final BaselineCache baselineCache )
	{
		this.cache = baselineCache;
		return this;
	}

	/**
	 * Runs the benchmark on real images and simulated scenes.
	 *
	 * @param images clean planes in [0, 1]
	 * @param scenes simulated clean planes in [0, 1], reported separately
	 * @param heldOut file names not used in training
	 * @param network the restoration under test, or {@code null} for the
	 *            baselines only
	 */
	public List< Case > run( final List< BenchmarkImages.Item > images, final List< BenchmarkImages.Item > scenes, final Set< String > heldOut,
			final PlaneRestorer network, final Progress progress )
	{
		final Map< String, PlaneRestorer > networks = new LinkedHashMap<>();
		if ( network != null )
			networks.put( NETWORK, network );
		return run( images, scenes, heldOut, networks, progress );
	}

	/**
	 * Runs the benchmark with several named restorations under test (for
	 * example the model at several realism settings, see
	 * {@link #realismKey(double)}), all against the task's baselines.
	 */
	public List< Case > run( final List< BenchmarkImages.Item > images, final List< BenchmarkImages.Item > scenes, final Set< String > heldOut,
			final Map< String, PlaneRestorer > networks, final Progress progress )
	{
		final List< Case > cases = new ArrayList<>();
		final long total = ( long ) ( images.size() + scenes.size() ) * task.levels().size();
		for ( final BenchmarkImages.Item item : images )
			measureLevels( item, heldOut.contains( item.name().replaceAll( "#.*", "" ) ), false, networks, cases, total, progress );
		for ( final BenchmarkImages.Item item : scenes )
			measureLevels( item, false, true, networks, cases, total, progress );
		return cases;
	}

	private void measureLevels( final BenchmarkImages.Item item, final boolean heldOut, final boolean simulated, final Map< String, PlaneRestorer > networks, final List< Case > cases,
			final long total, final Progress progress )
	{
		for ( final DegradationLevel level : task.levels() )
		{
			progress.checkCancelled();
			cases.add( measure( item, level, heldOut, simulated, task.baselines(), networks ) );
			progress.update( cases.size(), total, item.name() + " " + level.name() );
		}
	}


	/**
	 * One plane at one level with given baselines and named restorers (for
	 * comparing models with each other: no baselines).
	 */
	public Case measure( final BenchmarkImages.Item item, final DegradationLevel level, final boolean heldOut, final boolean simulated, final List< Baseline > baselines,
			final Map< String, PlaneRestorer > networks )
	{
		final int s = level.degradation().scale();
		final int w = item.width() / s, h = item.height() / s, cw = w * s, ch = h * s;
		final float[] clean = crop( item.pixels(), item.width(), cw, ch );
		final Random rnd = degradationRandom( item, level );
		final float[] degraded = level.degradation().apply( item.pixels(), item.width(), item.height(), rnd );
		final ToDoubleFunction< float[] > psnr = out -> Psnr.compute( clean, comparable( out, clean ), cw, ch, 1.0 );
		final Map< String, Score > methods = new LinkedHashMap<>();
		if ( s == 1 )
			methods.put( DEGRADED, score( "", degraded, clean, cw, ch ) );
		final DegradedPlane input = level.plane( degraded, w, h );
		lastOutputs.clear();
		lastOutputs.put( DEGRADED, degraded );
		final String caseKey = cache == null ? null : BaselineCache.caseKey( task, item, level, seed );
		for ( final Baseline b : baselines )
		{
			final String key = cache == null ? null : BaselineCache.key( caseKey, b.name() );
			final Score cached = cache == null ? null : cache.get( key );
			if ( cached != null )
			{
				methods.put( b.name(), cached );
				continue;
			}
			final Tuned t = b.run( input, psnr );
			lastOutputs.put( b.name(), t.image() );
			final Score measured = score( t.setting(), t.image(), clean, cw, ch );
			methods.put( b.name(), measured );
			if ( cache != null )
				cache.put( key, measured );
		}
		for ( final Map.Entry< String, PlaneRestorer > n : networks.entrySet() )
		{
			final float[] out = n.getValue().restore( input );
			lastOutputs.put( n.getKey(), crop( out, w * s, cw, ch ) );
			methods.put( n.getKey(), score( "", crop( out, w * s, cw, ch ), clean, cw, ch ) );
		}
		lastOutputs.put( "clean", clean );
		return new Case( item.name(), level.name(), heldOut, simulated, methods );
	}

	/**
	 * The random source that degrades {@code item} at {@code level} in
	 * {@link #measure}, seeded by the benchmark's seed, the image and the
	 * level: a probe that draws it again gets the same degradation, field and
	 * noise included.
	 */
	public Random degradationRandom( final BenchmarkImages.Item item, final DegradationLevel level )
	{
		return new Random( seed * 31 + item.name().hashCode() * 7L + level.name().hashCode() );
	}

	/**
	 * The images of the last {@link #measure} call, for figures, in this
	 * order: {@link #DEGRADED} (the degraded input, which for
	 * super-resolution is the small image), each baseline's output at its
	 * best setting by the baseline's name, each restorer's output by its
	 * name, and {@code "clean"} (the reference the scores were computed
	 * against). Outputs are as the methods returned them, before the affine
	 * fit of {@link #comparable}.
	 */
	public Map< String, float[] > lastOutputs()
	{
		return lastOutputs;
	}

	/**
	 * An output as this benchmark scores it: affinely fitted to the clean
	 * plane where the task says so ({@link BenchmarkTask#affine()}), else
	 * unchanged.
	 *
	 * @param out an output of the clean plane's size
	 * @param clean the clean plane
	 */
	public float[] comparable( final float[] out, final float[] clean )
	{
		return task.affine() ? AffineFit.fitted( out, clean ) : out;
	}

	private Score score( final String setting, final float[] out, final float[] clean, final int w, final int h )
	{
		final float[] c = comparable( out, clean );
		final double n = Niqe.fits( w, h ) ? Niqe.compute( ArrayImgs.floats( c, w, h ), niqe, 0, 1 ) : Double.NaN;
		return new Score( setting, Psnr.compute( clean, c, w, h, 1.0 ), Ssim.compute( ArrayImgs.floats( clean, w, h ), ArrayImgs.floats( c, w, h ), 1.0 ), n );
	}

	/** The top-left {@code w x h} of a row-major image {@code width} wide. */
	private static float[] crop( final float[] img, final int width, final int w, final int h )
	{
		if ( w == width && img.length == w * h )
			return img;
		final float[] out = new float[ w * h ];
		for ( int y = 0; y < h; y++ )
			System.arraycopy( img, y * width, out, y * w, w );
		return out;
	}
}
