package sc.fiji.restoregan.baseline;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

import sc.fiji.restoregan.degrade.Kernel;
import sc.fiji.restoregan.filter.GaussianBlur;

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
	 * Largest side of the FFT grid of one transform. A plane whose mirrored
	 * grid would be larger is deconvolved in overlapping tiles, so that a
	 * 4096 x 4096 plane fits a 768 MB heap instead of needing several GB
	 * (measured, with three balances); planes up to
	 * about 950 px, the benchmark's and training's among them, are
	 * deconvolved whole.
	 */
	public static final int MAX_GRID = 1024;

	/**
	 * One Wiener-filtered image per balance.
	 *
	 * @param blurred row-major {@code width x height}, not modified
	 * @param psf the point-spread function (normalised to sum 1 here)
	 * @param balances noise-to-signal power ratios, positive
	 */
	public static float[][] deconvolve( final float[] blurred, final int width, final int height, final Kernel psf, final double... balances )
	{
		return deconvolve( blurred, width, height, psf, MAX_GRID, balances );
	}

	/**
	 * {@link #deconvolve(float[], int, int, Kernel, double...)} with grids of
	 * at most {@code maxGrid} per side: along an axis whose grid would be
	 * larger, the plane is cut into cores, each deconvolved with a mirrored
	 * overlap of three times the grid margin around it (the PSF radius plus
	 * 8) and the core kept.
	 */
	static float[][] deconvolve( final float[] blurred, final int width, final int height, final Kernel psf, final int maxGrid, final double... balances )
	{
		for ( final double b : balances )
			if ( !( b > 0 ) )
				throw new IllegalArgumentException( "The balance must be positive, not " + b );
		final int margin = psf.radius() + 8;
		final MirrorFft whole = new MirrorFft( width, height, margin );
		if ( whole.gridWidth <= maxGrid && whole.gridHeight <= maxGrid )
			return deconvolveWhole( blurred, width, height, psf, whole, balances );
		final int overlap = 3 * margin, region = maxGrid - 2 * margin, core = region - 2 * overlap;
		if ( core < 16 )
			throw new IllegalArgumentException( "A PSF of radius " + psf.radius() + " px is too large for grids of " + maxGrid + " px" );
		final Axis ax = new Axis( whole.gridWidth <= maxGrid ? width : core, whole.gridWidth <= maxGrid ? 0 : overlap );
		final Axis ay = new Axis( whole.gridHeight <= maxGrid ? height : core, whole.gridHeight <= maxGrid ? 0 : overlap );
		final float[][] out = new float[ balances.length ][ width * height ];
		for ( int y0 = 0; y0 < height; y0 += ay.core )
			for ( int x0 = 0; x0 < width; x0 += ax.core )
			{
				final int cw = Math.min( ax.core, width - x0 ), ch = Math.min( ay.core, height - y0 );
				final int rw = cw + 2 * ax.overlap, rh = ch + 2 * ay.overlap;
				final float[] tile = new float[ rw * rh ];
				for ( int y = 0; y < rh; y++ )
				{
					final int row = GaussianBlur.mirror( y0 - ay.overlap + y, height ) * width;
					for ( int x = 0; x < rw; x++ )
						tile[ y * rw + x ] = blurred[ row + GaussianBlur.mirror( x0 - ax.overlap + x, width ) ];
				}
				final float[][] result = deconvolveWhole( tile, rw, rh, psf, new MirrorFft( rw, rh, margin ), balances );
				for ( int b = 0; b < balances.length; b++ )
					for ( int y = 0; y < ch; y++ )
						System.arraycopy( result[ b ], ( y + ay.overlap ) * rw + ax.overlap, out[ b ], ( y0 + y ) * width + x0, cw );
			}
		return out;
	}

	/** How one axis is cut: cores of {@code core} pixels, each read with {@code overlap} more on both sides. */
	private record Axis( int core, int overlap )
	{}

	private static float[][] deconvolveWhole( final float[] blurred, final int width, final int height, final Kernel psf, final MirrorFft fft, final double[] balances )
	{
		final MirrorFft.Spectrum k = fft.transfer( psf.normalized() );
		final MirrorFft.Spectrum d = fft.forward( fft.extend( blurred ) );
		final float[][] out = new float[ balances.length ][];
		for ( int b = 0; b < balances.length; b++ )
		{
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
