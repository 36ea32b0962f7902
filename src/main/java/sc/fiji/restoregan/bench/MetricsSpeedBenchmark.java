package sc.fiji.restoregan.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.DoubleSupplier;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.restoregan.filter.GaussianBlur;
import sc.fiji.restoregan.metrics.MsSsim;
import sc.fiji.restoregan.metrics.Niqe;
import sc.fiji.restoregan.metrics.NiqeModel;
import sc.fiji.restoregan.metrics.Psnr;
import sc.fiji.restoregan.metrics.Ssim;

/**
 * Times PSNR, SSIM, MS-SSIM and NIQE on a seeded {@code size x size} image
 * (smooth random texture) against a noisy copy: one warm-up run, then the
 * best of three, in seconds. The metrics parallelise over rows and patches
 * with parallel streams (the common ForkJoin pool plus the calling thread).
 */
public final class MetricsSpeedBenchmark
{
	private MetricsSpeedBenchmark()
	{}

	/**
	 * Runs the benchmark.
	 *
	 * @param size the image side, for example 2048
	 * @return printable lines, one per metric, with the measured seconds
	 */
	public static List< String > run( final int size )
	{
		final Random random = new Random( 2048 );
		final float[] noise = new float[ size * size ];
		for ( int i = 0; i < noise.length; i++ )
			noise[ i ] = ( float ) random.nextGaussian();
		final float[] clean = GaussianBlur.blur( noise, size, size, 2 );
		final float[] noisy = clean.clone();
		for ( int i = 0; i < clean.length; i++ )
		{
			clean[ i ] = 128 + 400 * clean[ i ];
			noisy[ i ] = clean[ i ] + ( float ) ( 10 * random.nextGaussian() );
		}
		final ArrayImg< FloatType, FloatArray > a = ArrayImgs.floats( clean, size, size ), b = ArrayImgs.floats( noisy, size, size );
		final NiqeModel live = NiqeModel.resolve( NiqeModel.LIVE );
		final List< String > lines = new ArrayList<>();
		lines.add( String.format( Locale.ROOT, "Metrics on a %dx%d float image, %d cores (best of 3 after a warm-up):", size, size,
				Runtime.getRuntime().availableProcessors() ) );
		lines.add( time( "PSNR", () -> Psnr.compute( a, b, 255 ) ) );
		lines.add( time( "SSIM", () -> Ssim.compute( a, b, 255 ) ) );
		if ( MsSsim.fits( size, size ) )
			lines.add( time( "MS-SSIM", () -> MsSsim.compute( a, b, 255 ) ) );
		if ( Niqe.fits( size, size ) )
			lines.add( time( "NIQE", () -> Niqe.compute( b, live, 0, 255 ) ) );
		return lines;
	}

	private static String time( final String name, final DoubleSupplier metric )
	{
		double value = metric.getAsDouble();
		double best = Double.POSITIVE_INFINITY;
		for ( int i = 0; i < 3; i++ )
		{
			final long t0 = System.nanoTime();
			value = metric.getAsDouble();
			best = Math.min( best, ( System.nanoTime() - t0 ) / 1e9 );
		}
		return String.format( Locale.ROOT, "  %-8s %8.3f s  (value %.6f)", name, best, value );
	}
}
