package sc.fiji.restoregan.degrade;

import java.util.Random;

/**
 * Smooth random fields: Gaussian random values on a coarse grid, joined by
 * cubic B-spline interpolation (twice continuously differentiable), then
 * scaled to span exactly [0, 1]. Used for transmission maps, illumination
 * fields and uneven backgrounds.
 */
public final class SmoothField
{
	private SmoothField()
	{}

	/**
	 * A {@code width x height} field in [0, 1] whose features are about
	 * {@code scale} pixels across.
	 *
	 * @param scale grid spacing in pixels, positive
	 */
	public static float[] generate( final int width, final int height, final double scale, final Random rnd )
	{
		if ( !( scale > 0 ) )
			throw new IllegalArgumentException( "Field scale must be positive, not " + scale );
		final int gw = ( int ) Math.ceil( width / scale ) + 4, gh = ( int ) Math.ceil( height / scale ) + 4;
		final double[] grid = new double[ gw * gh ];
		for ( int i = 0; i < grid.length; i++ )
			grid[ i ] = rnd.nextGaussian();
		final float[] out = new float[ width * height ];
		final double[] wx = new double[ 4 ], wy = new double[ 4 ];
		for ( int y = 0; y < height; y++ )
		{
			final double gy = y / scale + 1;
			final int iy = ( int ) gy;
			weights( gy - iy, wy );
			for ( int x = 0; x < width; x++ )
			{
				final double gx = x / scale + 1;
				final int ix = ( int ) gx;
				weights( gx - ix, wx );
				double v = 0;
				for ( int j = 0; j < 4; j++ )
					for ( int i = 0; i < 4; i++ )
						v += wy[ j ] * wx[ i ] * grid[ ( iy - 1 + j ) * gw + ix - 1 + i ];
				out[ y * width + x ] = ( float ) v;
			}
		}
		return rescale( out, 0, 1 );
	}

	/** Cubic B-spline weights of the four neighbours at fraction {@code t}. */
	private static void weights( final double t, final double[] w )
	{
		final double t2 = t * t, t3 = t2 * t;
		w[ 0 ] = ( 1 - t ) * ( 1 - t ) * ( 1 - t ) / 6;
		w[ 1 ] = ( 3 * t3 - 6 * t2 + 4 ) / 6;
		w[ 2 ] = ( -3 * t3 + 3 * t2 + 3 * t + 1 ) / 6;
		w[ 3 ] = t3 / 6;
	}

	/**
	 * Scales {@code field} in place so its minimum becomes {@code low} and its
	 * maximum {@code high} (a constant field becomes {@code high}).
	 *
	 * @return {@code field}
	 */
	public static float[] rescale( final float[] field, final double low, final double high )
	{
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for ( final float v : field )
		{
			min = Math.min( min, v );
			max = Math.max( max, v );
		}
		final double range = max - min;
		for ( int i = 0; i < field.length; i++ )
			field[ i ] = ( float ) ( range > 0 ? low + ( high - low ) * ( field[ i ] - min ) / range : high );
		return field;
	}
}
