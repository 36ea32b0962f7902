package sc.fiji.restoregan.baseline;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

import sc.fiji.restoregan.degrade.Kernel;

/**
 * Wiener deconvolution with a known point-spread function and a constant
 * noise-to-signal power ratio (the balance):
 * {@code U = conj(K) D / (|K|^2 + balance)}, on a {@link MirrorFft} grid
 * (mirrored borders). A small balance sharpens and amplifies noise, a large
 * one smooths; {@link #best} tries {@link #BALANCES}.
 */
public final class WienerDeconvolution
{
	/** Balances (noise-to-signal power ratios) tried by {@link #best}. */
	public static final double[] BALANCES = { 1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1, 3e-1 };

	private WienerDeconvolution()
	{}

	/**
	 * One Wiener-filtered image per balance.
	 *
	 * @param blurred row-major {@code width x height}, not modified
	 * @param psf the point-spread function (normalised to sum 1 here)
	 * @param balances noise-to-signal power ratios, positive
	 */
	public static float[][] deconvolve( final float[] blurred, final int width, final int height, final Kernel psf, final double... balances )
	{
		final MirrorFft fft = new MirrorFft( width, height, psf.radius() + 8 );
		final MirrorFft.Spectrum k = fft.transfer( psf.normalized() );
		final MirrorFft.Spectrum d = fft.forward( fft.extend( blurred ) );
		final float[][] out = new float[ balances.length ][];
		for ( int b = 0; b < balances.length; b++ )
		{
			if ( !( balances[ b ] > 0 ) )
				throw new IllegalArgumentException( "The balance must be positive, not " + balances[ b ] );
			final MirrorFft.Spectrum u = MirrorFft.multiply( d, k, true );
			for ( int i = 0; i < u.re().length; i++ )
			{
				final double g = 1 / ( k.re()[ i ] * k.re()[ i ] + k.im()[ i ] * k.im()[ i ] + balances[ b ] );
				u.re()[ i ] *= g;
				u.im()[ i ] *= g;
			}
			out[ b ] = fft.crop( fft.inverse( u ) );
		}
		return out;
	}

	/**
	 * The best of {@link #BALANCES}.
	 *
	 * @param score higher is better, for example PSNR against the clean image
	 */
	public static Tuned best( final float[] blurred, final int width, final int height, final Kernel psf, final ToDoubleFunction< float[] > score )
	{
		final float[][] outs = deconvolve( blurred, width, height, psf, BALANCES );
		return Oracle.best( "wiener", java.util.stream.IntStream.range( 0, BALANCES.length ).boxed().toList(),
				i -> String.format( Locale.ROOT, "balance %.0e", BALANCES[ i ] ), i -> outs[ i ], score );
	}
}
