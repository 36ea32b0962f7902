package sc.fiji.restoregan.baseline;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

import sc.fiji.restoregan.filter.GaussianBlur;

/**
 * Non-local means (Buades, Coll and Morel, CVPR 2005): each pixel becomes
 * the weighted mean of the pixels in a search window around it, weighted by
 * {@code exp(-max(d - 2 sigma^2, 0) / h^2)}, where {@code d} is the mean
 * squared difference of the square patches around the two pixels and
 * {@code sigma} the noise level (so that patches that differ only by noise
 * get weight 1, as in Buades et al.'s IPOL version and scikit-image); the
 * pixel itself has weight 1.
 * Borders are mirrored.
 * <p>
 * It runs offset by offset: for each offset {@code o} of the search window
 * the squared differences {@code (I(p) - I(p + o))^2} are box-summed over
 * the patch with running sums, so a pixel costs O(1) per offset whatever the
 * patch size; the pair {@code (p, p + o)} serves both pixels, so only half
 * the offsets are visited; rows run in parallel. Several {@code h} share the
 * distances, so a grid of {@code h} costs little more than one.
 * </p>
 */
public final class NonLocalMeans
{
	/** Default patch side, 7 x 7. */
	public static final int PATCH = 7;

	/** Default search-window side, 21 x 21. */
	public static final int SEARCH = 21;

	/** Filtering strengths tried by {@link #best}, in units of the estimated noise sigma ({@link NoiseLevel}). */
	public static final double[] H_FACTORS = { 0.4, 0.6, 0.8, 1.1, 1.5 };

	private NonLocalMeans()
	{}

	/**
	 * Non-local means of a row-major {@code width x height} image, once for
	 * each filtering strength.
	 *
	 * @param patch odd patch side
	 * @param search odd search-window side
	 * @param sigma the noise level subtracted from patch distances, at least 0
	 * @param hs filtering strengths, positive, in the image's units
	 * @return one filtered image per entry of {@code hs}
	 */
	public static float[][] apply( final float[] img, final int width, final int height, final int patch, final int search, final double sigma, final double... hs )
	{
		if ( patch < 1 || patch % 2 == 0 || search < 1 || search % 2 == 0 )
			throw new IllegalArgumentException( "Patch and search sides must be odd, not " + patch + " and " + search );
		for ( final double h : hs )
			if ( !( h > 0 ) )
				throw new IllegalArgumentException( "The filtering strength h must be positive, not " + h );
		if ( !( sigma >= 0 ) )
			throw new IllegalArgumentException( "The noise level must be at least 0, not " + sigma );
		return new Run( img, width, height, patch / 2, search / 2, 2 * sigma * sigma, hs ).filter();
	}

	/**
	 * The best of {@link #H_FACTORS} times the estimated noise sigma, with a
	 * 7 x 7 patch and a 21 x 21 search window, on the image itself and on
	 * its square root (which makes Poisson noise about as strong in bright
	 * parts as in dim ones, so one {@code h} suits both; squared back after,
	 * negative values clipped to 0 before).
	 *
	 * @param score higher is better, for example PSNR against the clean image
	 */
	public static Tuned best( final float[] img, final int width, final int height, final ToDoubleFunction< float[] > score )
	{
		final float[][] plain = strengths( img, width, height, PATCH, SEARCH, H_FACTORS ), rooted = rooted( img, width, height, PATCH, SEARCH, H_FACTORS );
		final int n = H_FACTORS.length;
		return Oracle.best( "nlm", IntStream.range( 0, 2 * n ).boxed().toList(),
				k -> String.format( Locale.ROOT, "h %.1f sigma%s", H_FACTORS[ k % n ], k < n ? "" : ", square root" ), k -> k < n ? plain[ k ] : rooted[ k - n ], score );
	}

	/**
	 * Non-local means on the square root of the image (negative values
	 * clipped to 0), squared back: the root makes Poisson noise about as
	 * strong in bright parts as in dim ones, so one {@code h} suits both.
	 *
	 * @param factors filtering strengths in units of the noise sigma
	 *            estimated on the root ({@link NoiseLevel})
	 * @return one filtered image per factor
	 */
	public static float[][] rooted( final float[] img, final int width, final int height, final int patch, final int search, final double... factors )
	{
		final float[] root = new float[ img.length ];
		for ( int i = 0; i < root.length; i++ )
			root[ i ] = ( float ) Math.sqrt( Math.max( 0, img[ i ] ) );
		final float[][] out = strengths( root, width, height, patch, search, factors );
		for ( final float[] r : out )
			for ( int i = 0; i < r.length; i++ )
				r[ i ] *= r[ i ];
		return out;
	}

	/** Filtered with each factor times the image's estimated noise sigma. */
	private static float[][] strengths( final float[] img, final int width, final int height, final int patch, final int search, final double[] factors )
	{
		final double sigma = Math.max( NoiseLevel.sigma( img, width, height ), 1e-6 );
		return apply( img, width, height, patch, search, sigma, Arrays.stream( factors ).map( f -> f * sigma ).toArray() );
	}

	/** The state of one filtering: the padded image and the accumulators. */
	private static final class Run
	{
		private final int width, height, pr, sr, pad, pw, ph;

		/** The image mirror-padded by {@code pad} on every side, {@code pw x ph}. */
		private final float[] padded;

		/**
		 * Patch distances and, per h, weights on the extended domain: the
		 * image grown by {@code sr} on every side, {@code ew x eh}.
		 */
		private final int ew, eh;

		private final double[] invH2;

		/** Subtracted from every patch distance, {@code 2 sigma^2}. */
		private final double noise;

		private final double[][] num, den;

		Run( final float[] img, final int width, final int height, final int pr, final int sr, final double noise, final double[] hs )
		{
			this.noise = noise;
			this.width = width;
			this.height = height;
			this.pr = pr;
			this.sr = sr;
			pad = 2 * sr + pr;
			pw = width + 2 * pad;
			ph = height + 2 * pad;
			padded = new float[ pw * ph ];
			for ( int y = 0; y < ph; y++ )
			{
				final int row = GaussianBlur.mirror( y - pad, height ) * width;
				for ( int x = 0; x < pw; x++ )
					padded[ y * pw + x ] = img[ row + GaussianBlur.mirror( x - pad, width ) ];
			}
			ew = width + 2 * sr;
			eh = height + 2 * sr;
			invH2 = Arrays.stream( hs ).map( h -> 1 / ( h * h ) ).toArray();
			num = new double[ hs.length ][ width * height ];
			den = new double[ hs.length ][ width * height ];
		}

		float[][] filter()
		{
			// offset 0: every pixel with itself, weight 1
			for ( int k = 0; k < invH2.length; k++ )
				for ( int y = 0; y < height; y++ )
					for ( int x = 0; x < width; x++ )
					{
						num[ k ][ y * width + x ] = padded[ ( y + pad ) * pw + x + pad ];
						den[ k ][ y * width + x ] = 1;
					}
			final double[] distance = new double[ ew * eh ];
			final float[][] weights = new float[ invH2.length ][ ew * eh ];
			for ( int dy = 0; dy <= sr; dy++ )
				for ( int dx = -sr; dx <= sr; dx++ )
					if ( dy > 0 || dx > 0 )
					{
						distances( dx, dy, distance );
						weigh( distance, weights );
						accumulate( dx, dy, weights );
					}
			final float[][] out = new float[ invH2.length ][ width * height ];
			for ( int k = 0; k < out.length; k++ )
				for ( int i = 0; i < width * height; i++ )
					out[ k ][ i ] = ( float ) ( num[ k ][ i ] / den[ k ][ i ] );
			return out;
		}

		/** Mean squared patch difference between p and p + (dx, dy), for p on the extended domain. */
		private void distances( final int dx, final int dy, final double[] distance )
		{
			// rows of horizontal patch sums, for extended rows grown by pr
			final int rows = eh + 2 * pr;
			final double[] horizontal = new double[ ew * rows ];
			final int side = 2 * pr + 1;
			IntStream.range( 0, rows ).parallel().forEach( r -> {
				// padded row of extended row r - pr, that is image row r - pr - sr
				final int py = r - pr - sr + pad, a = py * pw, b = ( py + dy ) * pw + dx;
				final int x0 = pad - sr - pr;
				double s = 0;
				for ( int j = 0; j < side - 1; j++ )
				{
					final double d = padded[ a + x0 + j ] - padded[ b + x0 + j ];
					s += d * d;
				}
				for ( int x = 0; x < ew; x++ )
				{
					final double d = padded[ a + x0 + x + side - 1 ] - padded[ b + x0 + x + side - 1 ];
					s += d * d;
					horizontal[ r * ew + x ] = s;
					final double e = padded[ a + x0 + x ] - padded[ b + x0 + x ];
					s -= e * e;
				}
			} );
			final double norm = 1.0 / ( side * side );
			IntStream.range( 0, eh ).parallel().forEach( y -> {
				for ( int x = 0; x < ew; x++ )
				{
					double s = 0;
					for ( int j = 0; j < side; j++ )
						s += horizontal[ ( y + j ) * ew + x ];
					distance[ y * ew + x ] = s * norm;
				}
			} );
		}

		private void weigh( final double[] distance, final float[][] weights )
		{
			IntStream.range( 0, eh ).parallel().forEach( y -> {
				for ( int k = 0; k < invH2.length; k++ )
				{
					final float[] w = weights[ k ];
					final double c = -invH2[ k ];
					for ( int i = y * ew; i < ( y + 1 ) * ew; i++ )
						w[ i ] = ( float ) Math.exp( c * Math.max( distance[ i ] - noise, 0 ) );
				}
			} );
		}

		/**
		 * Adds the pair (p, p + o) to p, and the pair (p - o, p) to p, for
		 * every image pixel p; each row only writes its own pixels.
		 */
		private void accumulate( final int dx, final int dy, final float[][] weights )
		{
			IntStream.range( 0, height ).parallel().forEach( y -> {
				for ( int k = 0; k < invH2.length; k++ )
				{
					final float[] w = weights[ k ];
					final double[] n = num[ k ], d = den[ k ];
					final int plus = ( y + pad + dy ) * pw + pad + dx, minus = ( y + pad - dy ) * pw + pad - dx;
					final int e = ( y + sr ) * ew + sr, eMinus = ( y + sr - dy ) * ew + sr - dx;
					for ( int x = 0; x < width; x++ )
					{
						final double w1 = w[ e + x ], w2 = w[ eMinus + x ];
						n[ y * width + x ] += w1 * padded[ plus + x ] + w2 * padded[ minus + x ];
						d[ y * width + x ] += w1 + w2;
					}
				}
			} );
		}
	}
}
