package sc.fiji.restoregan.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.restoregan.metrics.DoublePlane;
import sc.fiji.restoregan.metrics.Niqe;
import sc.fiji.restoregan.metrics.NiqeModel;
import sc.fiji.restoregan.metrics.Psnr;
import sc.fiji.restoregan.metrics.Ssim;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.sisr.Resampling;
import sc.fiji.restoregan.sisr.SingleImageModel;
import sc.fiji.restoregan.sisr.SingleImageSr;
import sc.fiji.restoregan.sisr.SisrSettings;
import sc.fiji.restoregan.sisr.TrainingMonitor;

/**
 * Single-image super-resolution against bicubic interpolation: each real
 * image's central crop (values scaled to 0..1) is the reference, its
 * {@code s x s}-binned copy the input; the method trains on the input and
 * upscales it, bicubic upscales it, and both are scored against the
 * reference (PSNR and SSIM with data range 1, NIQE with the LIVE model on
 * 0..1 mapped to 0..255), with the method's wall-clock time (training plus
 * applying) and the heap's peak.
 */
public final class SisrBenchmark
{
	/** One image's scores. */
	public record Row( String name, String variant, int inWidth, int inHeight, double bicubicPsnr, double psnr, double bicubicSsim, double ssim, double bicubicNiqe, double niqe, double seconds, long peakHeap, long iterations )
	{}

	/**
	 * A test-time setting to measure: {@code change} is applied to the
	 * trained model's settings before it is applied (training runs once per
	 * image for all variants).
	 */
	public record Variant( String label, Consumer< SisrSettings > change )
	{
		/** The settings as trained. */
		public static final Variant AS_TRAINED = new Variant( "", s -> {} );
	}

	private SisrBenchmark()
	{}

	/**
	 * Runs the benchmark.
	 *
	 * @param folder the real images
	 * @param size the reference crop's largest side
	 * @param only file names to use (empty: all)
	 * @param settings the method's settings (its scale must be an integer)
	 * @param variants test-time settings to measure, each from one training per image
	 * @param log where each row goes as it is measured
	 */
	public static List< Row > run( final Path folder, final int size, final Set< String > only, final SisrSettings settings, final List< Variant > variants, final Consumer< String > log ) throws IOException
	{
		final NiqeModel niqeModel = NiqeModel.resolve( NiqeModel.LIVE );
		final List< Row > rows = new ArrayList<>();
		for ( final Case c : cases( folder, size, only, settings.scale ) )
		{
			final DoublePlane bicubic = Resampling.resize( c.input(), c.reference().width, c.reference().height );
			final Img< FloatType > ref = c.reference().toFloatImg(), bic = bicubic.toFloatImg();
			final double bicubicNiqe = niqe( bic, niqeModel );
			HeapPeak.reset();
			final long t0 = System.nanoTime();
			try ( SingleImageModel model = SingleImageSr.train( c.input().toFloatImg(), settings, TrainingMonitor.NONE ) )
			{
				final double trainSeconds = ( System.nanoTime() - t0 ) * 1e-9;
				for ( final Variant variant : variants )
				{
					variant.change().accept( model.settings() );
					final long t1 = System.nanoTime();
					final Img< FloatType > out = SingleImageSr.apply( model, c.input().toFloatImg(), Progress.NONE );
					final double seconds = trainSeconds + ( System.nanoTime() - t1 ) * 1e-9;
					final Row row = new Row( c.name(), variant.label(), c.input().width, c.input().height,
							Psnr.compute( ref, bic, 1 ), Psnr.compute( ref, out, 1 ),
							Ssim.compute( ref, bic, 1 ), Ssim.compute( ref, out, 1 ),
							bicubicNiqe, niqe( out, niqeModel ), seconds, HeapPeak.read(), model.trainedIterations() );
					rows.add( row );
					log.accept( format( row ) );
				}
			}
		}
		return rows;
	}

	/** One benchmark image: the reference crop (0..1) and its binned copy, the method's input. */
	public record Case( String name, DoublePlane reference, DoublePlane input )
	{}

	/**
	 * The benchmark's cases: every plane of the real images in
	 * {@code folder} (or of those named in {@code only}), its central crop
	 * of at most {@code size} px cut to a multiple of the scale, binned by the
	 * scale.
	 */
	public static List< Case > cases( final Path folder, final int size, final Set< String > only, final double scale ) throws IOException
	{
		if ( !Resampling.isInteger( scale ) )
			throw new IllegalArgumentException( "The benchmark bins by the scale, which must be an integer" );
		final int s = ( int ) Math.rint( scale );
		final List< Case > cases = new ArrayList<>();
		for ( final BenchmarkImages.Item item : BenchmarkImages.load( folder, size, Set.of() ) )
		{
			if ( !only.isEmpty() && !only.contains( item.name().replaceAll( "#.*", "" ) ) )
				continue;
			final double[] px = new double[ item.pixels().length ];
			for ( int i = 0; i < px.length; i++ )
				px[ i ] = item.pixels()[ i ];
			final DoublePlane full = new DoublePlane( item.width(), item.height(), px );
			final DoublePlane reference = Resampling.crop( full, 0, 0, full.width - full.width % s, full.height - full.height % s );
			cases.add( new Case( item.name(), reference, Resampling.bin( reference, s ) ) );
		}
		return cases;
	}

	private static double niqe( final Img< FloatType > image, final NiqeModel model )
	{
		return Niqe.fits( image.dimension( 0 ), image.dimension( 1 ) ) ? Niqe.compute( image, model, 0, 1 ) : Double.NaN;
	}

	/** A row as one line. */
	public static String format( final Row r )
	{
		return String.format( Locale.ROOT, "%-34s %s%4dx%-4d PSNR bicubic %.2f ours %.2f (%+.2f dB)  SSIM %.4f %.4f  NIQE %.2f %.2f  %.1f s, %d updates, peak heap %.0f MB",
				r.name(), r.variant().isEmpty() ? "" : "[" + r.variant() + "] ", r.inWidth(), r.inHeight(), r.bicubicPsnr(), r.psnr(), r.psnr() - r.bicubicPsnr(), r.bicubicSsim(), r.ssim(), r.bicubicNiqe(), r.niqe(), r.seconds(), r.iterations(), r.peakHeap() / 1e6 );
	}

	/** Means over the rows, one line per variant (in order of appearance). */
	public static String summary( final List< Row > rows )
	{
		final Map< String, List< Row > > byVariant = new LinkedHashMap<>();
		for ( final Row r : rows )
			byVariant.computeIfAbsent( r.variant(), v -> new ArrayList<>() ).add( r );
		final StringBuilder out = new StringBuilder();
		for ( final Map.Entry< String, List< Row > > e : byVariant.entrySet() )
			out.append( out.length() == 0 ? "" : "\n" ).append( e.getKey().isEmpty() ? "" : "[" + e.getKey() + "] " ).append( means( e.getValue() ) );
		return out.toString();
	}

	private static String means( final List< Row > rows )
	{
		final double n = rows.size();
		double bp = 0, p = 0, bs = 0, s = 0, bn = 0, q = 0, t = 0, tmax = 0;
		long peak = 0;
		for ( final Row r : rows )
		{
			bp += r.bicubicPsnr() / n;
			p += r.psnr() / n;
			bs += r.bicubicSsim() / n;
			s += r.ssim() / n;
			bn += r.bicubicNiqe() / n;
			q += r.niqe() / n;
			t += r.seconds() / n;
			tmax = Math.max( tmax, r.seconds() );
			peak = Math.max( peak, r.peakHeap() );
		}
		return String.format( Locale.ROOT, "mean over %d images: PSNR bicubic %.2f ours %.2f (%+.2f dB), SSIM %.4f %.4f, NIQE %.2f %.2f; time mean %.1f s, max %.1f s; peak heap max %.0f MB",
				rows.size(), bp, p, p - bp, bs, s, bn, q, t, tmax, peak / 1e6 );
	}
}
