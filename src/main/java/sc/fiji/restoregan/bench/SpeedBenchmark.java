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
import sc.fiji.restoregan.nn.GeneratorArchitecture;
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

	/**
	 * Restores 16-bit images of the given sizes and returns the report lines.
	 *
	 * @param network the denoiser
	 * @param architecture its architecture, for the FLOP count
	 */
	public static List< String > run( final PlaneNetwork network, final GeneratorArchitecture architecture, final int... sizes )
	{
		final List< String > lines = new ArrayList<>();
		final double ceiling = matmulGflops( 2048, 5 );
		lines.add( String.format( Locale.ROOT, "DJL matmul 2048x2048 float32: %.1f GFLOP/s (%s)", ceiling, network.describeDevice() ) );
		final RestoreOptions options = RestoreOptions.defaults();
		for ( final int size : sizes )
		{
			final Img< UnsignedShortType > input = sample( size, 7 );
			System.gc();
			HeapPeak.reset();
			final Restorer restorer = new Restorer( network, options );
			final long t0 = System.nanoTime();
			final Img< FloatType > out = restorer.restore( input, Progress.NONE );
			final double seconds = ( System.nanoTime() - t0 ) / 1e9;
			final long peak = HeapPeak.read();
			final double net = restorer.timings().network / 1e9, other = restorer.timings().other / 1e9;
			final double flops = architecture.flopsPerPixel() * restorer.timings().networkPixels;
			final double inputFloatBytes = 4.0 * size * size;
			lines.add( String.format( Locale.ROOT, "%dx%d 16-bit: %.2f s, %.3f megapixels/s; network %.1f GFLOP/s = %.2f of matmul; outside the network %.1f%% of the time; peak heap %.0f MB = %.2fx the input as float (%.0f MB)",
					size, size, seconds, size * ( double ) size / seconds / 1e6, flops / net / 1e9, flops / net / 1e9 / ceiling, 100 * other / ( net + other ), peak / 1e6, peak / inputFloatBytes, inputFloatBytes / 1e6 ) );
			if ( out.dimension( 0 ) != size )
				throw new IllegalStateException( "unexpected output size" );
		}
		return lines;
	}
}
