package sc.fiji.restoregan.baseline;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

import ij.plugin.filter.BackgroundSubtracter;
import ij.process.FloatProcessor;

/**
 * ImageJ's rolling-ball background subtraction (Process > Subtract
 * Background..., Sternberg 1983), run through
 * {@link BackgroundSubtracter#rollingBallBackground} from {@code ij.jar} on a
 * 32-bit {@link FloatProcessor} (no dialog, works headless) with ImageJ's
 * defaults: dark background, a ball rather than a paraboloid, 3 x 3
 * smoothing of the background estimate, corner correction. The ball radius
 * should exceed the largest object; {@link #best} tries {@link #RADII}.
 * <p>
 * The ball is a sphere in (x, y, intensity), so its effect depends on the
 * intensity units: with values in [0, 1] it is so flat that it climbs into
 * small objects. The plane is therefore mapped to 0..255 by its own minimum
 * and maximum (the scale of an 8-bit image, for which ImageJ's defaults are
 * made) before the subtraction, and mapped back after.
 * </p>
 */
public final class RollingBall
{
	/** Ball radii tried by {@link #best}, in pixels. */
	public static final double[] RADII = { 10, 25, 50, 100, 200, 400 };

	private static final double EIGHT_BIT = 255;

	private RollingBall()
	{}

	/** The image minus its rolling-ball background, as a new row-major array. */
	public static float[] subtract( final float[] img, final int width, final int height, final double radius )
	{
		if ( !( radius > 0 ) )
			throw new IllegalArgumentException( "The ball radius must be positive, not " + radius );
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for ( final float v : img )
		{
			min = Math.min( min, v );
			max = Math.max( max, v );
		}
		final double scale = max > min ? EIGHT_BIT / ( max - min ) : 1;
		final float[] px = new float[ img.length ];
		for ( int i = 0; i < px.length; i++ )
			px[ i ] = ( float ) ( ( img[ i ] - min ) * scale );
		final FloatProcessor fp = new FloatProcessor( width, height, px );
		new BackgroundSubtracter().rollingBallBackground( fp, radius, false, false, false, true, true );
		for ( int i = 0; i < px.length; i++ )
			px[ i ] = ( float ) ( px[ i ] / scale );
		return px;
	}

	/**
	 * The best of {@link #RADII}.
	 *
	 * @param score higher is better, for example PSNR against the clean image
	 *            after an affine fit
	 */
	public static Tuned best( final float[] img, final int width, final int height, final ToDoubleFunction< float[] > score )
	{
		return Oracle.best( "rolling-ball", Arrays.stream( RADII ).boxed().toList(), r -> "radius " + r, r -> subtract( img, width, height, r ), score );
	}
}
