package sc.fiji.restoregan.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import sc.fiji.restoregan.degrade.Kernel;

/**
 * Richardson-Lucy deconvolution with a known point-spread function
 * (Richardson 1972, Lucy 1974): the maximum-likelihood estimate under
 * Poisson noise, by the multiplicative iteration
 * {@code u <- u * (K' * (d / (K * u)))}, started from the blurred image.
 * Noise is amplified as it converges, so the iteration count is the
 * regulariser: {@link #best} tries {@link #ITERATIONS} from one run.
 * Convolutions are FFT products on a {@link MirrorFft} grid (mirrored
 * borders); negative data are clipped to zero first.
 */
public final class RichardsonLucy
{
	/** Iteration counts tried by {@link #best}. */
	public static final int[] ITERATIONS = { 2, 5, 10, 20, 35, 50, 80, 120 };

	private static final double TINY = 1e-12;

	private RichardsonLucy()
	{}

	/**
	 * The estimates after each of the given iteration counts, from one run.
	 *
	 * @param blurred row-major {@code width x height}, not modified
	 * @param psf the point-spread function (normalised to sum 1 here)
	 * @param iterations increasing counts, at least 0
	 */
	public static List< float[] > deconvolve( final float[] blurred, final int width, final int height, final Kernel psf, final int... iterations )
	{
		final List< float[] > out = new ArrayList<>();
		iterate( blurred, width, height, psf, iterations, out::add );
		return out;
	}

	/**
	 * Iterates, handing {@code snapshot} the estimate at each count of
	 * {@code iterations}; stops early when it returns false.
	 */
	private static void iterate( final float[] blurred, final int width, final int height, final Kernel psf, final int[] iterations, final Predicate< float[] > snapshot )
	{
		final MirrorFft fft = new MirrorFft( width, height, psf.radius() + 8 );
		final MirrorFft.Spectrum k = fft.transfer( psf.normalized() );
		final double[] d = fft.extend( blurred );
		for ( int i = 0; i < d.length; i++ )
			d[ i ] = Math.max( 0, d[ i ] );
		double[] u = d.clone();
		int done = 0;
		for ( final int target : iterations )
		{
			if ( target < done )
				throw new IllegalArgumentException( "Iteration counts must increase: " + Arrays.toString( iterations ) );
			for ( ; done < target; done++ )
				u = step( fft, k, d, u );
			if ( !snapshot.test( fft.crop( u ) ) )
				return;
		}
	}

	private static double[] step( final MirrorFft fft, final MirrorFft.Spectrum k, final double[] d, final double[] u )
	{
		final double[] predicted = fft.inverse( MirrorFft.multiply( fft.forward( u ), k, false ) );
		for ( int i = 0; i < predicted.length; i++ )
			predicted[ i ] = d[ i ] / Math.max( predicted[ i ], TINY );
		final double[] correction = fft.inverse( MirrorFft.multiply( fft.forward( predicted ), k, true ) );
		final double[] next = new double[ u.length ];
		for ( int i = 0; i < next.length; i++ )
			next[ i ] = u[ i ] * Math.max( 0, correction[ i ] );
		return next;
	}

	/**
	 * The best of {@link #ITERATIONS}, from one run that stops once the score
	 * has fallen at two successive counts (past the best, the score only
	 * falls further as noise is amplified).
	 *
	 * @param score higher is better, for example PSNR against the clean image
	 */
	public static Tuned best( final float[] blurred, final int width, final int height, final Kernel psf, final ToDoubleFunction< float[] > score )
	{
		final List< Tuned > results = new ArrayList<>();
		iterate( blurred, width, height, psf, ITERATIONS, out -> {
			results.add( new Tuned( "richardson-lucy", ITERATIONS[ results.size() ] + " iterations", out, score.applyAsDouble( out ) ) );
			final int n = results.size();
			return n < 3 || !( results.get( n - 1 ).score() < results.get( n - 2 ).score() && results.get( n - 2 ).score() < results.get( n - 3 ).score() );
		} );
		return Oracle.bestOf( results );
	}
}
