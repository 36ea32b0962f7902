package sc.fiji.restoregan.baseline;

import java.util.stream.IntStream;

/**
 * The standard deviation of additive noise in an image, by Immerkaer's
 * estimator (Fast noise variance estimation, CVIU 1996): the mean absolute
 * response to the mask {@code [1 -2 1; -2 4 -2; 1 -2 1]}, which cancels
 * locally planar structure, times {@code sqrt(pi / 2) / 6}. For
 * signal-dependent (Poisson) noise it is an average over the image.
 */
public final class NoiseLevel
{
	private NoiseLevel()
	{}

	/** The estimated noise sigma of a row-major {@code width x height} image (at least 3 x 3). */
	public static double sigma( final float[] img, final int width, final int height )
	{
		if ( width < 3 || height < 3 )
			throw new IllegalArgumentException( "Need at least 3 x 3 pixels, not " + width + " x " + height );
		final double sum = IntStream.range( 1, height - 1 ).parallel().mapToDouble( y -> {
			double s = 0;
			for ( int x = 1; x < width - 1; x++ )
			{
				final int i = y * width + x;
				final double v = img[ i - width - 1 ] - 2 * img[ i - width ] + img[ i - width + 1 ]
						- 2 * img[ i - 1 ] + 4 * img[ i ] - 2 * img[ i + 1 ]
						+ img[ i + width - 1 ] - 2 * img[ i + width ] + img[ i + width + 1 ];
				s += Math.abs( v );
			}
			return s;
		} ).sum();
		return Math.sqrt( Math.PI / 2 ) * sum / ( 6.0 * ( width - 2 ) * ( height - 2 ) );
	}
}
