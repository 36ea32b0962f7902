package sc.fiji.restoregan.filter;

import java.util.Arrays;

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
		final double[] c = solve( normal, rhs );
		final float[] out = new float[ plane.length ];
		for ( int y = 0; y < height; y++ )
			for ( int x = 0; x < width; x++ )
			{
				double v = 0;
				for ( int t = 0; t < n; t++ )
					v += c[ t ] * xPowers[ terms[ t ][ 0 ] ][ x ] * yPowers[ terms[ t ][ 1 ] ][ y ];
				out[ y * width + x ] = ( float ) v;
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
			final double u = size == 1 ? 0 : ( 2.0 * i + 1 ) / size - 1;
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

	/**
	 * Solves the symmetric normal equations by Gaussian elimination with
	 * partial pivoting; a pivot that vanishes (a plane one pixel high, whose
	 * y monomials coincide) leaves its coefficient at zero.
	 */
	private static double[] solve( final double[][] matrix, final double[] rhs )
	{
		final int n = rhs.length;
		final double[][] a = new double[ n ][];
		for ( int i = 0; i < n; i++ )
			a[ i ] = matrix[ i ].clone();
		final double[] b = rhs.clone();
		double scale = 0;
		for ( int i = 0; i < n; i++ )
			scale = Math.max( scale, Math.abs( a[ i ][ i ] ) );
		final double tiny = 1e-12 * scale;
		final boolean[] dropped = new boolean[ n ];
		for ( int p = 0; p < n; p++ )
		{
			int m = p;
			for ( int i = p + 1; i < n; i++ )
				if ( Math.abs( a[ i ][ p ] ) > Math.abs( a[ m ][ p ] ) )
					m = i;
			final double[] row = a[ p ];
			a[ p ] = a[ m ];
			a[ m ] = row;
			final double rb = b[ p ];
			b[ p ] = b[ m ];
			b[ m ] = rb;
			if ( Math.abs( a[ p ][ p ] ) <= tiny )
			{
				dropped[ p ] = true;
				continue;
			}
			for ( int i = p + 1; i < n; i++ )
			{
				final double f = a[ i ][ p ] / a[ p ][ p ];
				for ( int j = p; j < n; j++ )
					a[ i ][ j ] -= f * a[ p ][ j ];
				b[ i ] -= f * b[ p ];
			}
		}
		final double[] x = new double[ n ];
		for ( int i = n - 1; i >= 0; i-- )
		{
			if ( dropped[ i ] )
				continue;
			double s = b[ i ];
			for ( int j = i + 1; j < n; j++ )
				s -= a[ i ][ j ] * x[ j ];
			x[ i ] = s / a[ i ][ i ];
		}
		return x;
	}
}
