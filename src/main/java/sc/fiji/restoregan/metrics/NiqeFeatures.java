package sc.fiji.restoregan.metrics;

import java.util.stream.IntStream;

/**
 * NIQE's natural-scene-statistics features of an image on a 0..255 scale, as
 * the LIVE release's {@code computequality.m} and {@code computefeature.m}:
 * the image is cropped to a multiple of {@value #PATCH} pixels (from the
 * bottom and right); at scale 1 its {@link Mscn} coefficients are cut into
 * non-overlapping {@value #PATCH}x{@value #PATCH} patches, at scale 2 those
 * of the image shrunk to half by {@link BicubicResize} into half-size
 * patches. Per patch and scale 18 features: the {@link AggdFit} of the MSCN
 * coefficients [alpha, (beta_l + beta_r) / 2], then for the circular shifts
 * (0, 1), (1, 0), (1, 1), (1, -1) within the patch the fit of the pairwise
 * products [alpha, eta, beta_l, beta_r]: {@value #COUNT} features in all.
 *
 * @param rows one row of {@value #COUNT} features per patch
 * @param sharpness per patch, the mean local standard deviation at scale 1
 *            (used to select sharp patches when fitting a pristine model)
 */
public record NiqeFeatures( double[][] rows, double[] sharpness )
{
	/** Patch side at scale 1. */
	public static final int PATCH = 96;

	/** Features per patch (18 per scale, 2 scales). */
	public static final int COUNT = 36;

	/** Smallest side: two patches. */
	public static final int MIN_SIZE = 2 * PATCH;

	/** Neighbour offsets (dy, dx) of the pairwise products. */
	private static final int[][] SHIFTS = { { 0, 1 }, { 1, 0 }, { 1, 1 }, { 1, -1 } };

	/**
	 * Extracts the features of an image on a 0..255 scale.
	 *
	 * @param border the border handling of the half-size resize (MATLAB's is
	 *            {@link BicubicResize.Border#SYMMETRIC})
	 * @throws IllegalArgumentException if a side is below {@value #MIN_SIZE}
	 */
	public static NiqeFeatures of( final DoublePlane image, final BicubicResize.Border border )
	{
		if ( image.width < MIN_SIZE || image.height < MIN_SIZE )
			throw new IllegalArgumentException( "NIQE needs at least " + MIN_SIZE + "x" + MIN_SIZE + " pixels, the image is " + image.width + "x" + image.height );
		final int cols = image.width / PATCH, rows = image.height / PATCH;
		final DoublePlane cropped = image.crop( cols * PATCH, rows * PATCH );
		final Mscn full = Mscn.of( cropped );
		final Mscn half = Mscn.of( BicubicResize.resize( cropped, 0.5, border ) );
		final double[][] features = new double[ cols * rows ][];
		final double[] sharpness = new double[ cols * rows ];
		IntStream.range( 0, cols * rows ).parallel().forEach( p -> {
			final int px = p % cols, py = p / cols;
			final double[] f = new double[ COUNT ];
			patchFeatures( full.coefficients(), px * PATCH, py * PATCH, PATCH, f, 0 );
			patchFeatures( half.coefficients(), px * PATCH / 2, py * PATCH / 2, PATCH / 2, f, COUNT / 2 );
			features[ p ] = f;
			sharpness[ p ] = mean( full.sigma(), px * PATCH, py * PATCH, PATCH );
		} );
		return new NiqeFeatures( features, sharpness );
	}

	/** The 18 features of the {@code size x size} patch at (x0, y0), written from {@code offset}. */
	private static void patchFeatures( final DoublePlane mscn, final int x0, final int y0, final int size, final double[] f, final int offset )
	{
		final double[] patch = new double[ size * size ];
		for ( int y = 0; y < size; y++ )
			System.arraycopy( mscn.data, ( y0 + y ) * mscn.width + x0, patch, y * size, size );
		final AggdFit m = AggdFit.of( patch, patch.length );
		f[ offset ] = m.alpha();
		f[ offset + 1 ] = ( m.betaLeft() + m.betaRight() ) / 2;
		final double[] pair = new double[ patch.length ];
		for ( int s = 0; s < SHIFTS.length; s++ )
		{
			final int dy = SHIFTS[ s ][ 0 ], dx = SHIFTS[ s ][ 1 ];
			for ( int y = 0; y < size; y++ )
			{
				final int ys = Math.floorMod( y - dy, size );
				for ( int x = 0; x < size; x++ )
					pair[ y * size + x ] = patch[ y * size + x ] * patch[ ys * size + Math.floorMod( x - dx, size ) ];
			}
			final AggdFit a = AggdFit.of( pair, pair.length );
			final int o = offset + 2 + 4 * s;
			f[ o ] = a.alpha();
			f[ o + 1 ] = a.eta();
			f[ o + 2 ] = a.betaLeft();
			f[ o + 3 ] = a.betaRight();
		}
	}

	private static double mean( final DoublePlane plane, final int x0, final int y0, final int size )
	{
		double s = 0;
		for ( int y = y0; y < y0 + size; y++ )
			for ( int x = x0; x < x0 + size; x++ )
				s += plane.data[ y * plane.width + x ];
		return s / ( size * size );
	}
}
