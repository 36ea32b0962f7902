package sc.fiji.restoregan.metrics;

import java.util.List;
import java.util.stream.IntStream;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Structural similarity (Wang, Bovik, Sheikh, Simoncelli 2004) with the
 * paper's settings: an 11x11 Gaussian window of sigma 1.5, K1 = 0.01, K2 =
 * 0.03, population (weighted, not N-1) statistics, and the mean of the map
 * over the 'valid' region, where the window fits inside the image. This is
 * Wang's {@code ssim_index.m} and scikit-image's {@code
 * structural_similarity(..., gaussian_weights=True, sigma=1.5,
 * use_sample_covariance=False, data_range=R)}.
 * <p>
 * Images with more than two dimensions are compared plane by plane (see
 * {@link sc.fiji.restoregan.bridge.Planes}) and the score is the mean over
 * the planes, as scikit-image does with {@code channel_axis}.
 * </p>
 */
public final class Ssim
{
	/** Side of the Gaussian window. */
	public static final int WINDOW = 11;

	/** Standard deviation of the Gaussian window. */
	public static final double SIGMA = 1.5;

	/** Luminance stabiliser: C1 = (K1 R)^2. */
	public static final double K1 = 0.01;

	/** Contrast stabiliser: C2 = (K2 R)^2. */
	public static final double K2 = 0.03;

	private static final double[] KERNEL = Separable.gaussian( WINDOW, SIGMA );

	private Ssim()
	{}

	/**
	 * The scores of one plane pair.
	 *
	 * @param ssim mean SSIM over the valid region
	 * @param cs mean contrast-structure term {@code (2 sxy + C2) / (sx^2 + sy^2
	 *            + C2)} over the valid region (used by MS-SSIM)
	 * @param map the SSIM map, {@code (width - 10) x (height - 10)}, or null
	 *            when not asked for
	 */
	public record Result( double ssim, double cs, DoublePlane map )
	{}

	/** Mean SSIM with the data range of the reference (max - min). */
	public static double compute( final RandomAccessibleInterval< ? extends RealType< ? > > reference, final RandomAccessibleInterval< ? extends RealType< ? > > test )
	{
		return compute( reference, test, Psnr.dataRange( reference ) );
	}

	/**
	 * Mean SSIM, averaged over the planes of images with more than two
	 * dimensions.
	 *
	 * @param dataRange R, the span of possible values (C1 = (K1 R)^2, C2 =
	 *            (K2 R)^2)
	 * @throws IllegalArgumentException if the sizes differ, a side is below
	 *             11 pixels or the range is not positive
	 */
	public static double compute( final RandomAccessibleInterval< ? extends RealType< ? > > reference, final RandomAccessibleInterval< ? extends RealType< ? > > test, final double dataRange )
	{
		return DoublePlane.meanOverPlanes( reference, test, ( x, y ) -> plane( x, y, dataRange, false ).ssim() );
	}

	/**
	 * The SSIM map: for a 2D image a {@code (width - 10) x (height - 10)}
	 * image, whose pixel (0, 0) is centred on input pixel (5, 5); for more
	 * dimensions, one such map per plane, with the further dimensions kept.
	 *
	 * @throws IllegalArgumentException as {@link #compute(RandomAccessibleInterval, RandomAccessibleInterval, double)}
	 */
	public static ArrayImg< FloatType, FloatArray > map( final RandomAccessibleInterval< ? extends RealType< ? > > reference, final RandomAccessibleInterval< ? extends RealType< ? > > test, final double dataRange )
	{
		Inputs.requireSameSize( reference, test );
		final List< DoublePlane > x = DoublePlane.planes( reference ), y = DoublePlane.planes( test );
		final long[] dims = reference.dimensionsAsLongArray();
		dims[ 0 ] -= WINDOW - 1;
		dims[ 1 ] -= WINDOW - 1;
		if ( dims[ 0 ] < 1 || dims[ 1 ] < 1 )
			throw new IllegalArgumentException( "SSIM needs images of at least " + WINDOW + "x" + WINDOW + " pixels" );
		final int n = ( int ) ( dims[ 0 ] * dims[ 1 ] );
		final float[] out = new float[ n * x.size() ];
		for ( int p = 0; p < x.size(); p++ )
		{
			final double[] m = plane( x.get( p ), y.get( p ), dataRange, true ).map().data;
			for ( int i = 0; i < n; i++ )
				out[ p * n + i ] = ( float ) m[ i ];
		}
		return ArrayImgs.floats( out, dims );
	}

	/**
	 * SSIM of two planes of equal size.
	 *
	 * @param keepMap whether to return the map as well
	 * @throws IllegalArgumentException if the sizes differ, a side is below
	 *             11 pixels or the range is not positive
	 */
	public static Result plane( final DoublePlane x, final DoublePlane y, final double dataRange, final boolean keepMap )
	{
		if ( x.width != y.width || x.height != y.height )
			throw new IllegalArgumentException( "Planes differ in size: " + x.width + "x" + x.height + " and " + y.width + "x" + y.height );
		Inputs.requireRange( dataRange );
		final double c1 = ( K1 * dataRange ) * ( K1 * dataRange ), c2 = ( K2 * dataRange ) * ( K2 * dataRange );
		final DoublePlane mx = Separable.valid( x, KERNEL ), my = Separable.valid( y, KERNEL );
		final DoublePlane xx = Separable.valid( product( x, x ), KERNEL ), yy = Separable.valid( product( y, y ), KERNEL ),
				xy = Separable.valid( product( x, y ), KERNEL );
		final int w = mx.width, h = mx.height;
		final double[] map = keepMap ? new double[ w * h ] : null;
		final double[] rowSsim = new double[ h ], rowCs = new double[ h ];
		IntStream.range( 0, h ).parallel().forEach( r -> {
			double s = 0, c = 0;
			for ( int i = r * w; i < ( r + 1 ) * w; i++ )
			{
				final double ux = mx.data[ i ], uy = my.data[ i ];
				final double vx = xx.data[ i ] - ux * ux, vy = yy.data[ i ] - uy * uy, vxy = xy.data[ i ] - ux * uy;
				final double cs = ( 2 * vxy + c2 ) / ( vx + vy + c2 );
				final double ssim = ( 2 * ux * uy + c1 ) / ( ux * ux + uy * uy + c1 ) * cs;
				s += ssim;
				c += cs;
				if ( map != null )
					map[ i ] = ssim;
			}
			rowSsim[ r ] = s;
			rowCs[ r ] = c;
		} );
		double s = 0, c = 0;
		for ( int r = 0; r < h; r++ )
		{
			s += rowSsim[ r ];
			c += rowCs[ r ];
		}
		return new Result( s / ( w * ( double ) h ), c / ( w * ( double ) h ), map == null ? null : new DoublePlane( w, h, map ) );
	}

	private static DoublePlane product( final DoublePlane a, final DoublePlane b )
	{
		final double[] out = new double[ a.data.length ];
		for ( int i = 0; i < out.length; i++ )
			out[ i ] = a.data[ i ] * b.data[ i ];
		return new DoublePlane( a.width, a.height, out );
	}
}
