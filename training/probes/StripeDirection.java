import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import sc.fiji.restoregan.baseline.WedgeDestriping;
import sc.fiji.restoregan.bench.BenchmarkImages;
import sc.fiji.restoregan.bench.DegradationLevel;
import sc.fiji.restoregan.degrade.Stripes;
import sc.fiji.restoregan.metrics.Psnr;

/**
 * How well the stripe direction is estimated, and what the wedge channels
 * would give with the right direction (docs/decisions.md, "Axis wedges").
 * Not part of the build; from the repository root, after
 * {@code mvn -B -o package -DskipTests}:
 *
 * <pre>
 * javac -cp "target/classes:target/lib/*" -d /tmp/probes training/probes/StripeDirection.java
 * java -cp "/tmp/probes:target/classes:target/lib/*" StripeDirection
 * </pre>
 *
 * Part 1, the benchmark's stripes level (the derain benchmark's degradation
 * and seeds, stripes along X): per plane, the estimated direction, the
 * input's PSNR, the wedge channels' PSNR along X (3 deg sparing 0.01, 1 deg
 * sparing 0.05) and the oracle wedge's (best width, centre and direction,
 * the known one included, chosen with the clean plane). Part 2, 300 seeded
 * 256 px training-like regions of the training images with random stripes
 * along X or Y: how often the estimate misses by more than 2 degrees, with
 * the shipped estimator and with a variant (log image, each angle's power
 * over the median of its neighbours within 15 degrees), over all regions and
 * over those where the stripes are visible (degraded region below 35 dB).
 */
public class StripeDirection
{
	public static void main( final String[] args ) throws Exception
	{
		final DegradationLevel level = new DegradationLevel( "stripes", new Stripes( 20, 0, 0.5, 3 ) );
		final List< BenchmarkImages.Item > planes = new ArrayList<>( BenchmarkImages.load( Paths.get( "../shared/data/real" ), 512, Set.of() ) );
		planes.addAll( BenchmarkImages.scenes( 2, 512, 1000 ) );
		double bestOfChannels = 0, oracle = 0;
		System.out.println( "plane | estimated deg | input | X 3/0.01 | X 1/0.05 | oracle wedge" );
		for ( final BenchmarkImages.Item it : planes )
		{
			final int w = it.width(), h = it.height();
			final float[] clean = it.pixels();
			final float[] deg = level.degradation().apply( clean, w, h, new Random( 31 + it.name().hashCode() * 7L + level.name().hashCode() ) );
			final double in = Psnr.compute( clean, deg, w, h, 1 );
			final double x3 = Psnr.compute( clean, WedgeDestriping.filter( deg, w, h, 0, 3, 0.01 ), w, h, 1 );
			final double x1 = Psnr.compute( clean, WedgeDestriping.filter( deg, w, h, 0, 1, 0.05 ), w, h, 1 );
			final double best = Psnr.compute( clean, WedgeDestriping.best( deg, w, h, 0, out -> Psnr.compute( clean, out, w, h, 1 ) ).image(), w, h, 1 );
			bestOfChannels += Math.max( in, Math.max( x3, x1 ) );
			oracle += best;
			System.out.printf( "%s | %.0f | %.2f | %.2f | %.2f | %.2f%n", it.name(), WedgeDestriping.estimateDirection( deg, w, h ), in, x3, x1, best );
		}
		System.out.printf( "mean over %d planes: best of input and the two X channels %.2f dB, oracle wedge %.2f dB%n", planes.size(), bestOfChannels / planes.size(),
				oracle / planes.size() );

		final List< BenchmarkImages.Item > training = BenchmarkImages.load( Paths.get( "../shared/data/real" ), 512, Set.of( "blobs.tif", "membranes.tif", "camera.png" ) );
		final Random rnd = new Random( 5 );
		final int side = 256;
		int n = 0, visible = 0, missed = 0, missedVisible = 0, variantMissed = 0, variantMissedVisible = 0;
		for ( int t = 0; t < 300; t++ )
		{
			final BenchmarkImages.Item it = training.get( rnd.nextInt( training.size() ) );
			final int x0 = rnd.nextInt( it.width() - side + 1 ), y0 = rnd.nextInt( it.height() - side + 1 );
			final float[] crop = new float[ side * side ];
			for ( int y = 0; y < side; y++ )
				System.arraycopy( it.pixels(), ( y0 + y ) * it.width() + x0, crop, y * side, side );
			final Stripes stripes = Stripes.random( rnd );
			final float[] deg = stripes.apply( crop, side, side, rnd );
			final boolean seen = Psnr.compute( crop, deg, side, side, 1 ) < 35;
			n++;
			if ( seen )
				visible++;
			if ( miss( WedgeDestriping.estimateDirection( deg, side, side ), stripes.angle() ) )
			{
				missed++;
				if ( seen )
					missedVisible++;
			}
			if ( miss( variant( deg, side, side ), stripes.angle() ) )
			{
				variantMissed++;
				if ( seen )
					variantMissedVisible++;
			}
		}
		System.out.printf( "training regions: shipped estimator misses %d of %d (%d of the %d with visible stripes); variant %d (%d)%n", missed, n, missedVisible, visible,
				variantMissed, variantMissedVisible );
	}

	private static boolean miss( final double estimate, final double truth )
	{
		final double d = ( ( estimate - truth ) % 180 + 180 ) % 180;
		return Math.min( d, 180 - d ) > 2;
	}

	/** The estimator on the log image, each angle's power over the median of its neighbours within 15 degrees (2 excluded). */
	private static double variant( final float[] img, final int width, final int height )
	{
		final float[] log = new float[ img.length ];
		for ( int i = 0; i < img.length; i++ )
			log[ i ] = ( float ) Math.log( Math.max( img[ i ], 0 ) + 0.02 );
		final double[] bins = WedgeDestriping.angularPower( log, width, height );
		int best = 0;
		double bestScore = -1;
		for ( int b = 0; b < 180; b++ )
		{
			final List< Double > around = new ArrayList<>();
			for ( int d = -15; d <= 15; d++ )
				if ( Math.abs( d ) > 2 )
					around.add( bins[ Math.floorMod( b + d, 180 ) ] );
			around.sort( null );
			final double score = bins[ b ] / ( around.get( around.size() / 2 ) + 1e-12 );
			if ( score > bestScore )
			{
				bestScore = score;
				best = b;
			}
		}
		return Math.floorMod( best - 90, 180 );
	}
}
