package sc.fiji.restoregan.metrics;


import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Multi-scale structural similarity (Wang, Simoncelli, Bovik 2003), as Wang's
 * {@code msssim.m} in its 'product' mode: five scales with the weights
 * {@link #WEIGHTS}; at each scale the {@link Ssim} window and constants (the
 * same data range at every scale); between scales a 2x2 mean
 * ({@code imfilter(x, ones(2)/4, 'symmetric', 'same')}) keeping every
 * second pixel; the score is {@code prod(cs_l ^ w_l, l = 1..4) * ssim_5 ^
 * w_5}.
 * <p>
 * A negative mean contrast-structure term (anti-correlated images) has no
 * real fractional power; it is clamped to 0, as TensorFlow and pyiqa do (the
 * MATLAB code would return a complex number). Images with more than two
 * dimensions are compared plane by plane and the planes' scores averaged.
 * </p>
 */
public final class MsSsim
{
	/** Scale weights, finest scale first. */
	public static final double[] WEIGHTS = { 0.0448, 0.2856, 0.3001, 0.2363, 0.1333 };

	/** Smallest side: the coarsest scale ({@code 1/16}) must hold the 11-pixel window. */
	public static final int MIN_SIZE = 176;

	private MsSsim()
	{}

	/** MS-SSIM with the data range of the reference (max - min). */
	public static double compute( final RandomAccessibleInterval< ? extends RealType< ? > > reference, final RandomAccessibleInterval< ? extends RealType< ? > > test )
	{
		return compute( reference, test, Psnr.dataRange( reference ) );
	}

	/**
	 * MS-SSIM, averaged over the planes of images with more than two
	 * dimensions.
	 *
	 * @param dataRange R, the span of possible values
	 * @throws IllegalArgumentException if the sizes differ, the short side is
	 *             below {@value #MIN_SIZE} pixels or the range is not positive
	 */
	public static double compute( final RandomAccessibleInterval< ? extends RealType< ? > > reference, final RandomAccessibleInterval< ? extends RealType< ? > > test, final double dataRange )
	{
		return DoublePlane.meanOverPlanes( reference, test, ( x, y ) -> plane( x, y, dataRange ) );
	}

	/** Whether a plane of this size is large enough for MS-SSIM. */
	public static boolean fits( final long width, final long height )
	{
		return Math.min( width, height ) >= MIN_SIZE;
	}

	/**
	 * MS-SSIM of two planes of equal size.
	 *
	 * @throws IllegalArgumentException if the short side is below
	 *             {@value #MIN_SIZE} pixels
	 */
	public static double plane( final DoublePlane x, final DoublePlane y, final double dataRange )
	{
		if ( !fits( x.width, x.height ) )
			throw new IllegalArgumentException( "MS-SSIM needs at least " + MIN_SIZE + " pixels on the short side, the image is " + x.width + "x" + x.height );
		DoublePlane a = x, b = y;
		double score = 1;
		for ( int l = 0; l < WEIGHTS.length; l++ )
		{
			final Ssim.Result r = Ssim.plane( a, b, dataRange, false );
			final boolean last = l == WEIGHTS.length - 1;
			score *= Math.pow( Math.max( 0, last ? r.ssim() : r.cs() ), WEIGHTS[ l ] );
			if ( !last )
			{
				a = halve( a );
				b = halve( b );
			}
		}
		return score;
	}

	/**
	 * The 2x2 mean keeping every second pixel: output pixel (i, j) is the mean
	 * of input pixels (2i..2i+1, 2j..2j+1), the last row or column repeated
	 * for odd sizes (MATLAB's symmetric border).
	 */
	static DoublePlane halve( final DoublePlane in )
	{
		final int w = ( in.width + 1 ) / 2, h = ( in.height + 1 ) / 2;
		final double[] out = new double[ w * h ];
		for ( int j = 0; j < h; j++ )
		{
			final int y0 = 2 * j, y1 = Math.min( 2 * j + 1, in.height - 1 );
			for ( int i = 0; i < w; i++ )
			{
				final int x0 = 2 * i, x1 = Math.min( 2 * i + 1, in.width - 1 );
				out[ j * w + i ] = ( in.get( x0, y0 ) + in.get( x1, y0 ) + in.get( x0, y1 ) + in.get( x1, y1 ) ) / 4;
			}
		}
		return new DoublePlane( w, h, out );
	}
}
