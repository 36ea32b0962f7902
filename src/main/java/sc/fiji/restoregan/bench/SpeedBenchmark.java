package sc.fiji.restoregan.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.restoregan.degrade.PoissonGaussianNoise;
import sc.fiji.restoregan.pipeline.PlaneNetwork;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.pipeline.RestoreOptions;
import sc.fiji.restoregan.pipeline.Restorer;
import sc.fiji.restoregan.simulate.PhantomGenerator;

/**
 * Speed figures of the restoration pipeline, all measured in one run: the
 * DJL matmul ceiling, then for each image size the throughput, the network's
 * achieved GFLOP/s and its ratio to the ceiling, the share of time spent
 * outside the network (normalisation, tiling, conversion, blending) and the
 * peak Java heap.
 */
public final class SpeedBenchmark
{
	private SpeedBenchmark()
	{}

	/** GFLOP/s of a {@code n x n} float32 matrix product through DJL (best of {@code repeats}). */
	public static double matmulGflops( final int n, final int repeats )
	{
		try ( NDManager manager = NDManager.newBaseManager( "PyTorch" ) )
		{
			final NDArray a = manager.randomNormal( new Shape( n, n ) ), b = manager.randomNormal( new Shape( n, n ) );
			a.matMul( b ).close(); // warm-up
			double best = Double.MAX_VALUE;
			for ( int i = 0; i < repeats; i++ )
			{
				final long t0 = System.nanoTime();
				try ( NDArray c = a.matMul( b ) )
				{
					c.getFloat( 0, 0 ); // forces completion
				}
				best = Math.min( best, ( System.nanoTime() - t0 ) / 1e9 );
			}
			return 2.0 * n * n * n / best / 1e9;
		}
	}

	/** A seeded noisy 16-bit phantom of {@code size x size}. */
	public static Img< UnsignedShortType > sample( final int size, final long seed )
	{
		final float[] clean = new PhantomGenerator( size, size ).generate( seed );
		final float[] noisy = new PoissonGaussianNoise( 20, 0.01 ).apply( clean, new Random( seed ) );
		final short[] data = new short[ noisy.length ];
		for ( int i = 0; i < data.length; i++ )
			data[ i ] = ( short ) Math.max( 0, Math.min( 65535, Math.round( 100 + 3000 * noisy[ i ] ) ) );
		final ArrayImg< UnsignedShortType, ShortArray > img = ArrayImgs.unsignedShorts( data, size, size );
		return img;
	}

	/** Side of the square matrices of {@link #matmulCeiling()}. */
	public static final int MATMUL_SIZE = 2048;

	/** The reference ceiling: GFLOP/s of a {@value #MATMUL_SIZE}-square float32 matmul through DJL, best of 5. */
	public static double matmulCeiling()
	{
		return matmulGflops( MATMUL_SIZE, 5 );
	}

	/**
	 * One timed restoration of a square image.
	 *
	 * @param size side of the input image in pixels
	 * @param scale output pixels per input pixel along X and Y
	 * @param seconds wall time of the whole restoration
	 * @param networkSeconds time inside the network
	 * @param otherSeconds time outside it (normalisation, tiling, conversion, blending)
	 * @param networkPixels input pixels the network processed (tiles include overlap and padding)
	 * @param flops floating-point operations the network did (the model's FLOP per pixel times the input pixels it processed)
	 * @param peakHeapBytes peak Java heap during the restoration (see {@link HeapPeak#read()})
	 */
	public record Measurement( int size, int scale, double seconds, double networkSeconds, double otherSeconds, long networkPixels, double flops, long peakHeapBytes )
	{
		/** Pixels of the input image, in megapixels. */
		public double inputMegapixels()
		{
			return size * ( double ) size / 1e6;
		}

		/** Pixels of the output image ({@code scale^2} times the input's), in megapixels. */
		public double outputMegapixels()
		{
			return inputMegapixels() * scale * scale;
		}

		/** Input megapixels restored per second of wall time. */
		public double inputMegapixelsPerSecond()
		{
			return inputMegapixels() / seconds;
		}

		/** Output megapixels produced per second of wall time. */
		public double outputMegapixelsPerSecond()
		{
			return outputMegapixels() / seconds;
		}

		/** GFLOP per second of network time. */
		public double networkGflops()
		{
			return flops / networkSeconds / 1e9;
		}

		/** Share of the time spent outside the network, 0 to 1. */
		public double outsideShare()
		{
			return otherSeconds / ( networkSeconds + otherSeconds );
		}

		/** Input pixels the network processed per pixel of the image (at least 1; more with tile overlap and padding). */
		public double tilingOverhead()
		{
			return networkPixels / ( size * ( double ) size );
		}
	}

	/**
	 * Restores a seeded noisy 16-bit phantom of {@code size x size} once and
	 * times it.
	 *
	 * @param network the network, already open
	 * @param flopsPerPixel what the network does per input pixel, for the FLOP count ({@link sc.fiji.restoregan.model.StoredModel#flopsPerPixel()})
	 * @param size side of the input in pixels
	 * @param options tiling and normalisation
	 */
	public static Measurement measure( final PlaneNetwork network, final double flopsPerPixel, final int size, final RestoreOptions options )
	{
		final Img< UnsignedShortType > input = sample( size, 7 );
		System.gc();
		HeapPeak.reset();
		final Restorer restorer = new Restorer( network, options );
		final long t0 = System.nanoTime();
		final Img< FloatType > out = restorer.restore( input, Progress.NONE );
		final double seconds = ( System.nanoTime() - t0 ) / 1e9;
		final long peak = HeapPeak.read();
		final int scale = network.scale();
		if ( out.dimension( 0 ) != ( long ) size * scale || out.dimension( 1 ) != ( long ) size * scale )
			throw new IllegalStateException( "unexpected output size " + out.dimension( 0 ) + "x" + out.dimension( 1 ) + " for " + size + "x" + size + " at scale " + scale );
		final Restorer.Timings t = restorer.timings();
		return new Measurement( size, scale, seconds, t.network / 1e9, t.other / 1e9, t.networkPixels, flopsPerPixel * t.networkPixels, peak );
	}

	/**
	 * Restores 16-bit images of the given sizes and returns the report lines.
	 *
	 * @param network the restoration network
	 * @param flopsPerPixel what the network does per input pixel, for the FLOP count ({@link sc.fiji.restoregan.model.StoredModel#flopsPerPixel()})
	 * @param sizes sides of the square inputs
	 */
	public static List< String > run( final PlaneNetwork network, final double flopsPerPixel, final int... sizes )
	{
		final List< String > lines = new ArrayList<>();
		final double ceiling = matmulCeiling();
		lines.add( String.format( Locale.ROOT, "DJL matmul %dx%d float32: %.1f GFLOP/s (%s)", MATMUL_SIZE, MATMUL_SIZE, ceiling, network.describeDevice() ) );
		final RestoreOptions options = RestoreOptions.defaults();
		for ( final int size : sizes )
		{
			final Measurement m = measure( network, flopsPerPixel, size, options );
			final double inputFloatBytes = 4.0 * size * size;
			lines.add( String.format( Locale.ROOT, "%dx%d 16-bit: %.2f s, %.3f megapixels/s; network %.1f GFLOP/s = %.2f of matmul; outside the network %.1f%% of the time; peak heap %.0f MB = %.2fx the input as float (%.0f MB)",
					size, size, m.seconds(), m.inputMegapixelsPerSecond(), m.networkGflops(), m.networkGflops() / ceiling, 100 * m.outsideShare(), m.peakHeapBytes() / 1e6, m.peakHeapBytes() / inputFloatBytes, inputFloatBytes / 1e6 ) );
		}
		return lines;
	}
}
