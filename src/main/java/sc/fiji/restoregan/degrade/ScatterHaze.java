package sc.fiji.restoregan.degrade;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

import sc.fiji.restoregan.filter.GaussianBlur;

/**
 * Out-of-focus and scattered light in a microscope: blurred copies of the
 * scene at several scales added to it, plus a constant offset,
 * {@code out = x + sum_k w_k G_{sigma_k} * x + offset}.
 *
 * @param sigmas Gaussian scales of the haze, px (documented range 5 to 30)
 * @param weights weight of each scale (documented range 0.3 to 2)
 * @param offset constant diffuse light, clean units (documented range 0 to 0.1)
 */
public record ScatterHaze( double[] sigmas, double[] weights, double offset ) implements Degradation
{
	/** Haze scale, px. */
	public static final Range SIGMA = Range.uniform( 5, 30 );

	/** Weight of a haze scale. */
	public static final Range WEIGHT = Range.uniform( 0.3, 2 );

	/** Offset, clean units. */
	public static final Range OFFSET = Range.uniform( 0, 0.1 );

	/** Number of haze scales. */
	public static final Range SCALES = Range.uniform( 1, 3 );

	/** Checks the parameters. */
	public ScatterHaze
	{
		if ( sigmas.length != weights.length || sigmas.length == 0 || !Double.isFinite( offset ) )
			throw new IllegalArgumentException( "Need one weight per haze scale, at least one scale, and a finite offset" );
		for ( int i = 0; i < sigmas.length; i++ )
			if ( !( sigmas[ i ] > 0 ) || !( weights[ i ] >= 0 ) )
				throw new IllegalArgumentException( "Haze scales must be positive and weights at least 0" );
		sigmas = sigmas.clone();
		weights = weights.clone();
	}

	/** Haze with 1 to 3 scales and every parameter drawn from its documented range. */
	public static ScatterHaze random( final Random rnd )
	{
		final int n = SCALES.drawInt( rnd );
		final double[] s = new double[ n ], w = new double[ n ];
		for ( int i = 0; i < n; i++ )
		{
			s[ i ] = SIGMA.draw( rnd );
			w[ i ] = WEIGHT.draw( rnd );
		}
		return new ScatterHaze( s, w, OFFSET.draw( rnd ) );
	}

	@Override
	public float[] apply( final float[] img, final int width, final int height, final Random rnd )
	{
		final float[] out = img.clone();
		for ( int k = 0; k < sigmas.length; k++ )
		{
			final float[] b = GaussianBlur.blur( img, width, height, sigmas[ k ] );
			for ( int i = 0; i < out.length; i++ )
				out[ i ] += weights[ k ] * b[ i ];
		}
		for ( int i = 0; i < out.length; i++ )
			out[ i ] += offset;
		return out;
	}

	private static String list( final double[] values )
	{
		return Arrays.stream( values ).mapToObj( v -> String.format( Locale.ROOT, "%.2f", v ) ).collect( Collectors.joining( ", ", "[", "]" ) );
	}

	@Override
	public String describe()
	{
		return String.format( Locale.ROOT, "scatter haze sigmas %s px, weights %s, offset %.3f", list( sigmas ), list( weights ), offset );
	}
}
