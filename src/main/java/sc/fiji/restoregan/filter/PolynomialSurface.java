package sc.fiji.restoregan.filter;

import java.util.Arrays;

import sc.fiji.restoregan.metrics.SymmetricEigen;

/**
 * The least-squares polynomial surface of a plane: the polynomial in x and y
 * of a given total degree (degree 1: a plane, the shape of a linear
 * illumination gradient; degree 2: a quadric, the shape of a vignette) that
 * is closest to the plane's values over all its pixels.
 * <p>
 * Coordinates are the pixel centres mapped onto [-1, 1] along each axis, so
 * the fit is well conditioned at any size and commutes with flips and
 * transposes of the plane (the monomials of a given total degree map onto
 * each other). The normal equations are separable: each entry is a product
 * of sums over columns and over rows, and the right-hand side needs one pass
 * over the plane, so a fit costs a few operations per pixel.
 * </p>
 */
public final class PolynomialSurface
{
	/** The highest degree fitted: 15 coefficients. */
	public static final int MAX_DEGREE = 4;

	private PolynomialSurface()
	{}

	/**
	 * The fitted surface, sampled at every pixel.
	 *
	 * @param plane row-major values, X fastest
	 * @param degree total degree, 1 to {@link #MAX_DEGREE}
	 */
	public static float[] fit( final float[] plane, final int width, final int height, final int degree )
	{
		if ( degree < 1 || degree > MAX_DEGREE )
			throw new IllegalArgumentException( "Surface degree must be 1 to " + MAX_DEGREE + ", not " + degree );
		if ( plane.length != width * height )
			throw new IllegalArgumentException( "Plane of " + plane.length + " values is not " + width + " x " + height );
		final double[][] xPowers = powers( width, 2 * degree ), yPowers = powers( height, 2 * degree );
		final int[][] terms = terms( degree );
		final int n = terms.length;
		// right-hand side: sum over pixels of x^a y^b v, as sum over rows of y^b (sum over the row of x^a v)
		final double[] rhs = new double[ n ];
		final double[] rowMoments = new double[ degree + 1 ];
		for ( int y = 0; y < height; y++ )
		{
			Arrays.fill( rowMoments, 0 );
			for ( int x = 0; x < width; x++ )
			{
				final double v = plane[ y * width + x ];
				for ( int a = 0; a <= degree; a++ )
					rowMoments[ a ] += xPowers[ a ][ x ] * v;
			}
			for ( int t = 0; t < n; t++ )
				rhs[ t ] += yPowers[ terms[ t ][ 1 ] ][ y ] * rowMoments[ terms[ t ][ 0 ] ];
		}
		final double[] xSums = sums( xPowers ), ySums = sums( yPowers );
		final double[][] normal = new double[ n ][ n ];
		for ( int i = 0; i < n; i++ )
			for ( int j = 0; j < n; j++ )
				normal[ i ][ j ] = xSums[ terms[ i ][ 0 ] + terms[ j ][ 0 ] ] * ySums[ terms[ i ][ 1 ] + terms[ j ][ 1 ] ];
		// minimum-norm least squares: a plane one pixel high has coinciding y monomials
		final double[][] inverse = SymmetricEigen.pseudoInverse( normal );
		final double[] c = new double[ n ];
		for ( int i = 0; i < n; i++ )
			for ( int j = 0; j < n; j++ )
				c[ i ] += inverse[ i ][ j ] * rhs[ j ];
		// evaluated row by row, as a polynomial in x whose coefficients depend on the row
		final float[] out = new float[ plane.length ];
		final double[] rowCoefficients = new double[ degree + 1 ];
		for ( int y = 0; y < height; y++ )
		{
			Arrays.fill( rowCoefficients, 0 );
			for ( int t = 0; t < n; t++ )
				rowCoefficients[ terms[ t ][ 0 ] ] += c[ t ] * yPowers[ terms[ t ][ 1 ] ][ y ];
			for ( int x = 0; x < width; x++ )
			{
				double v = 0;
				for ( int a = 0; a <= degree; a++ )
					v += rowCoefficients[ a ] * xPowers[ a ][ x ];
				out[ y * width + x ] = ( float ) v;
			}
		}
		return out;
	}

	/** The exponents (of x, of y) of every monomial of total degree at most {@code degree}. */
	private static int[][] terms( final int degree )
	{
		final int[][] t = new int[ ( degree + 1 ) * ( degree + 2 ) / 2 ][];
		int k = 0;
		for ( int total = 0; total <= degree; total++ )
			for ( int b = 0; b <= total; b++ )
				t[ k++ ] = new int[] { total - b, b };
		return t;
	}

	/** {@code p[a][i]} = u_i^a for the centre u_i of each of {@code size} pixels on [-1, 1]. */
	private static double[][] powers( final int size, final int maxPower )
	{
		final double[][] p = new double[ maxPower + 1 ][ size ];
		for ( int i = 0; i < size; i++ )
		{
			final double u = ( 2.0 * i + 1 ) / size - 1;
			double v = 1;
			for ( int a = 0; a <= maxPower; a++ )
			{
				p[ a ][ i ] = v;
				v *= u;
			}
		}
		return p;
	}

	private static double[] sums( final double[][] powers )
	{
		final double[] s = new double[ powers.length ];
		for ( int a = 0; a < powers.length; a++ )
			for ( final double v : powers[ a ] )
				s[ a ] += v;
		return s;
	}
}
