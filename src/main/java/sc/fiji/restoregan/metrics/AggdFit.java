package sc.fiji.restoregan.metrics;

/**
 * Moment-matching fit of an asymmetric generalised Gaussian distribution, as
 * the LIVE release's {@code estimateaggdparam.m}: with {@code sl = sqrt(mean(
 * x^2 | x < 0))}, {@code sr = sqrt(mean(x^2 | x > 0))}, {@code g = sl / sr},
 * {@code r = mean(|x|)^2 / mean(x^2)} and {@code R = r (g^3 + 1)(g + 1) /
 * (g^2 + 1)^2}, the shape alpha is the point of the grid 0.2:0.001:10 that
 * minimises {@code (rho(alpha) - R)^2}, {@code rho(a) = Gamma(2/a)^2 /
 * (Gamma(1/a) Gamma(3/a))}, and the scales are {@code beta = s sqrt(Gamma(1 /
 * alpha) / Gamma(3 / alpha))}. Zeros count in the moments but in neither
 * side, as in MATLAB; an empty side gives NaN scales, as there.
 *
 * @param alpha the shape
 * @param betaLeft the scale of the negative side
 * @param betaRight the scale of the positive side
 */
public record AggdFit( double alpha, double betaLeft, double betaRight )
{
	/** Lanczos coefficients (g = 7, n = 9); declared first, the tables below need them. */
	private static final double[] LANCZOS = { 0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
			12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7 };

	private static final double[] ALPHAS = new double[ 9801 ];

	private static final double[] RHO = new double[ ALPHAS.length ];

	static
	{
		for ( int i = 0; i < ALPHAS.length; i++ )
		{
			final double a = 0.2 + i * 0.001;
			ALPHAS[ i ] = a;
			final double g2 = gamma( 2 / a );
			RHO[ i ] = g2 * g2 / ( gamma( 1 / a ) * gamma( 3 / a ) );
		}
	}

	/** Fits the first {@code n} values of {@code x}. */
	public static AggdFit of( final double[] x, final int n )
	{
		double left = 0, right = 0, abs = 0;
		int nl = 0, nr = 0;
		for ( int i = 0; i < n; i++ )
		{
			final double v = x[ i ];
			if ( v < 0 )
			{
				left += v * v;
				nl++;
				abs -= v;
			}
			else if ( v > 0 )
			{
				right += v * v;
				nr++;
				abs += v;
			}
		}
		final double sl = Math.sqrt( left / nl ), sr = Math.sqrt( right / nr );
		final double g = sl / sr;
		final double meanAbs = abs / n;
		final double r = meanAbs * meanAbs / ( ( left + right ) / n );
		final double target = r * ( g * g * g + 1 ) * ( g + 1 ) / ( ( g * g + 1 ) * ( g * g + 1 ) );
		int best = 0;
		double bestErr = Double.POSITIVE_INFINITY;
		for ( int i = 0; i < RHO.length; i++ )
		{
			final double d = RHO[ i ] - target;
			if ( d * d < bestErr )
			{
				bestErr = d * d;
				best = i;
			}
		}
		final double alpha = ALPHAS[ best ];
		final double ratio = Math.sqrt( gamma( 1 / alpha ) / gamma( 3 / alpha ) );
		return new AggdFit( alpha, sl * ratio, sr * ratio );
	}

	/**
	 * The mean parameter {@code eta = (betaRight - betaLeft) Gamma(2 / alpha)
	 * / Gamma(1 / alpha)}.
	 */
	public double eta()
	{
		return ( betaRight - betaLeft ) * gamma( 2 / alpha ) / gamma( 1 / alpha );
	}

	/** The Gamma function for positive arguments (Lanczos, g = 7; relative error near 1e-15). */
	static double gamma( final double x )
	{
		if ( x < 0.5 )
			return Math.PI / ( Math.sin( Math.PI * x ) * gamma( 1 - x ) );
		final double z = x - 1;
		double a = LANCZOS[ 0 ];
		final double t = z + 7.5;
		for ( int i = 1; i < LANCZOS.length; i++ )
			a += LANCZOS[ i ] / ( z + i );
		return Math.sqrt( 2 * Math.PI ) * Math.pow( t, z + 0.5 ) * Math.exp( -t ) * a;
	}
}
