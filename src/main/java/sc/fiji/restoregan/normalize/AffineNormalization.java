package sc.fiji.restoregan.normalize;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The map {@code x -> (x - offset) / scale} and its exact inverse.
 * <p>
 * Built from two percentiles of the input ({@link #fromPercentiles}), it
 * brings the image to roughly [0, 1] before the network, and its inverse
 * returns the network's output to the input's intensity units. A constant
 * image (both percentiles equal) gets scale 1, so nothing divides by zero.
 * </p>
 */
public final class AffineNormalization
{
	/** The map that changes nothing. */
	public static final AffineNormalization IDENTITY = new AffineNormalization( 0, 1 );

	private final double offset;

	private final double scale;

	/**
	 * @param offset subtracted first
	 * @param scale divided by next; must be positive and finite
	 */
	public AffineNormalization( final double offset, final double scale )
	{
		if ( !( scale > 0 ) || !Double.isFinite( scale ) || !Double.isFinite( offset ) )
			throw new IllegalArgumentException( "Invalid normalization: offset " + offset + ", scale " + scale );
		this.offset = offset;
		this.scale = scale;
	}

	/**
	 * Percentile normalization: {@code low} percentile maps to 0, {@code high}
	 * to 1.
	 *
	 * @param image the pixels the percentiles are taken over
	 * @param low lower percentile, for example 1
	 * @param high upper percentile, for example 99.8; greater than low
	 */
	public static AffineNormalization fromPercentiles( final RandomAccessibleInterval< ? extends RealType< ? > > image, final double low, final double high )
	{
		if ( !( low < high ) )
			throw new IllegalArgumentException( "The lower percentile (" + low + ") must be below the upper one (" + high + ")." );
		final double[] p = Percentiles.of( image, low, high );
		final double range = p[ 1 ] - p[ 0 ];
		final double tiny = 1e-12 * Math.max( 1, Math.max( Math.abs( p[ 0 ] ), Math.abs( p[ 1 ] ) ) );
		return new AffineNormalization( p[ 0 ], range > tiny ? range : 1 );
	}

	/** The value mapped to 0. */
	public double offset()
	{
		return offset;
	}

	/** The input range mapped to a unit range. */
	public double scale()
	{
		return scale;
	}

	/** Normalizes one value. */
	public double apply( final double x )
	{
		return ( x - offset ) / scale;
	}

	/** Maps a normalized value back to input units. */
	public double invert( final double y )
	{
		return y * scale + offset;
	}

	/** A lazy normalized view of {@code image} (no copy). */
	public < T extends RealType< T > > RandomAccessibleInterval< FloatType > view( final RandomAccessibleInterval< T > image )
	{
		final double inv = 1.0 / scale;
		final double off = offset;
		return Converters.convert( image, ( in, out ) -> out.setReal( ( in.getRealDouble() - off ) * inv ), new FloatType() );
	}

	@Override
	public String toString()
	{
		return "(x - " + offset + ") / " + scale;
	}
}
