package sc.fiji.restoregan.filter;

/**
 * Separable Gaussian blur of a row-major float image with mirror
 * (reflect, no edge repeat) borders, as scipy's {@code mode='mirror'}. The
 * kernel is truncated at 4 sigma and normalised to sum 1.
 */
public final class GaussianBlur
{
	private GaussianBlur()
	{}

	/** The normalised 1D kernel of radius ceil(4 sigma). */
	public static double[] kernel( final double sigma )
	{
		final int r = Math.max( 1, ( int ) Math.ceil( 4 * sigma ) );
		final double[] k = new double[ 2 * r + 1 ];
		double sum = 0;
		for ( int i = -r; i <= r; i++ )
			sum += k[ i + r ] = Math.exp( -i * i / ( 2 * sigma * sigma ) );
		for ( int i = 0; i < k.length; i++ )
			k[ i ] /= sum;
		return k;
	}

	/** A blurred copy of a {@code width x height} image; sigma 0 copies. */
	public static float[] blur( final float[] img, final int width, final int height, final double sigma )
	{
		if ( sigma <= 0 )
			return img.clone();
		final double[] k = kernel( sigma );
		final int r = k.length / 2;
		final float[] tmp = new float[ img.length ], out = new float[ img.length ];
		for ( int y = 0; y < height; y++ )
			for ( int x = 0; x < width; x++ )
			{
				double s = 0;
				for ( int i = -r; i <= r; i++ )
					s += k[ i + r ] * img[ y * width + mirror( x + i, width ) ];
				tmp[ y * width + x ] = ( float ) s;
			}
		for ( int y = 0; y < height; y++ )
			for ( int x = 0; x < width; x++ )
			{
				double s = 0;
				for ( int i = -r; i <= r; i++ )
					s += k[ i + r ] * tmp[ mirror( y + i, height ) * width + x ];
				out[ y * width + x ] = ( float ) s;
			}
		return out;
	}

	/** Reflects an index into [0, n) without repeating the edge. */
	public static int mirror( final int i, final int n )
	{
		if ( n == 1 )
			return 0;
		final int period = 2 * n - 2;
		int m = Math.floorMod( i, period );
		if ( m >= n )
			m = period - m;
		return m;
	}
}
