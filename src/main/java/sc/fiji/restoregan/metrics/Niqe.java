package sc.fiji.restoregan.metrics;

import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Naturalness Image Quality Evaluator (Mittal, Soundararajan, Bovik 2013), a
 * no-reference score (lower is more natural) following the LIVE release's
 * {@code computequality.m}: the {@link NiqeFeatures} of all patches of the
 * image are summarised by their mean and covariance, and the score is {@code
 * sqrt((mu_p - mu_t)' pinv((cov_p + cov_t) / 2) (mu_p - mu_t))} against a
 * pristine {@link NiqeModel}.
 * <p>
 * NIQE assumes pixel values on a 0..255 scale (the MSCN constant is 1), so
 * images are mapped to it first: {@code (v - min) / range * 255}, by default
 * with the image's own minimum and maximum; when a reference is at hand,
 * pass its minimum and data range so that every restored image is scaled
 * alike. Images with more than two dimensions are scored plane by plane and
 * the planes' scores averaged. The half-size scale uses MATLAB's {@code
 * imresize} borders ({@link BicubicResize.Border#SYMMETRIC}).
 * </p>
 */
public final class Niqe
{
	private Niqe()
	{}

	/** NIQE with the image scaled from its own minimum..maximum to 0..255. */
	public static double compute( final RandomAccessibleInterval< ? extends RealType< ? > > image, final NiqeModel model )
	{
		final List< DoublePlane > planes = DoublePlane.planes( image );
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for ( final DoublePlane p : planes )
		{
			min = Math.min( min, p.min() );
			max = Math.max( max, p.max() );
		}
		return mean( planes, model, min, max - min );
	}

	/**
	 * NIQE with the image mapped by {@code (v - min) / range * 255}.
	 *
	 * @throws IllegalArgumentException if a side is below
	 *             {@value NiqeFeatures#MIN_SIZE} pixels or the range is not
	 *             positive
	 */
	public static double compute( final RandomAccessibleInterval< ? extends RealType< ? > > image, final NiqeModel model, final double min, final double range )
	{
		return mean( DoublePlane.planes( image ), model, min, range );
	}

	/** Whether a plane of this size is large enough for NIQE. */
	public static boolean fits( final long width, final long height )
	{
		return Math.min( width, height ) >= NiqeFeatures.MIN_SIZE;
	}

	private static double mean( final List< DoublePlane > planes, final NiqeModel model, final double min, final double range )
	{
		Inputs.requireRange( range );
		double sum = 0;
		for ( final DoublePlane p : planes )
			sum += score( p.affine( min, 255 / range ), model, BicubicResize.Border.SYMMETRIC );
		return sum / planes.size();
	}

	/**
	 * NIQE of a plane already on a 0..255 scale.
	 *
	 * @param border the half-size resize's border handling
	 * @return the distance, or NaN if fewer than two patches have finite
	 *         features (flat images)
	 */
	public static double score( final DoublePlane image, final NiqeModel model, final BicubicResize.Border border )
	{
		final NiqeFeatures features = NiqeFeatures.of( image, border );
		final NiqeModel test;
		try
		{
			test = NiqeModel.of( "test", "", features.rows() );
		}
		catch ( final IllegalArgumentException e )
		{
			return Double.NaN;
		}
		return distance( model, test );
	}

	/**
	 * The NIQE distance between two Gaussians: {@code sqrt(d' pinv((cov_a +
	 * cov_b) / 2) d)}, {@code d = mu_a - mu_b}.
	 */
	public static double distance( final NiqeModel a, final NiqeModel b )
	{
		final int n = a.mu.length;
		final double[][] mean = new double[ n ][ n ];
		for ( int i = 0; i < n; i++ )
			for ( int j = 0; j < n; j++ )
				mean[ i ][ j ] = ( a.cov[ i ][ j ] + b.cov[ i ][ j ] ) / 2;
		final double[][] inv = SymmetricEigen.pseudoInverse( mean );
		final double[] d = new double[ n ];
		for ( int i = 0; i < n; i++ )
			d[ i ] = a.mu[ i ] - b.mu[ i ];
		double q = 0;
		for ( int i = 0; i < n; i++ )
			for ( int j = 0; j < n; j++ )
				q += d[ i ] * inv[ i ][ j ] * d[ j ];
		return Math.sqrt( Math.max( 0, q ) );
	}
}
