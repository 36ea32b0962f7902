package sc.fiji.restoregan.baseline;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

import sc.fiji.restoregan.filter.GaussianBlur;

/**
 * Background subtraction with a heavily blurred copy,
 * {@code out = x - G_sigma * x}: removes haze and other light that varies
 * slowly compared with sigma (a high-pass filter). {@link #best} tries
 * {@link #SIGMAS}.
 */
public final class GaussianBackground
{
	/** Sigmas tried by {@link #best}, in pixels. */
	public static final double[] SIGMAS = { 5, 10, 20, 40, 80, 160 };

	private GaussianBackground()
	{}

	/** The image minus its Gaussian blur of {@code sigma} px, as a new array. */
	public static float[] subtract( final float[] img, final int width, final int height, final double sigma )
	{
		final float[] out = GaussianBlur.blur( img, width, height, sigma );
		for ( int i = 0; i < out.length; i++ )
			out[ i ] = img[ i ] - out[ i ];
		return out;
	}

	/**
	 * The best of {@link #SIGMAS}.
	 *
	 * @param score higher is better, for example PSNR against the clean image
	 *            after an affine fit
	 */
	public static Tuned best( final float[] img, final int width, final int height, final ToDoubleFunction< float[] > score )
	{
		return Oracle.best( "gaussian-background", Arrays.stream( SIGMAS ).boxed().toList(), s -> "sigma " + s, s -> subtract( img, width, height, s ), score );
	}
}
