package sc.fiji.restoregan.degrade;

import java.util.Locale;
import java.util.Random;

import sc.fiji.restoregan.filter.GaussianBlur;

/**
 * Low resolution: what a camera with {@code scale} times larger pixels
 * records of the same optical image. The image is blurred with an
 * anti-aliasing Gaussian of {@code sigma} px (extra optical blur), then each
 * {@code scale x scale} block is averaged (the larger pixel integrates its
 * area), which keeps the mean; an optional camera noise and JPEG compression
 * follow. Sides are cut to a multiple of {@code scale} first, so the output
 * is {@code floor(width / scale) x floor(height / scale)}.
 *
 * @param scale reduction factor, 2 to 4 (any value from 1 works)
 * @param sigma anti-aliasing blur, px of the input (documented range 0 to
 *            {@code scale / 2}; {@link #defaultSigma(int)} is
 *            {@code (scale - 1) / 2})
 * @param noise camera noise after downsampling, or {@code null} for none
 * @param jpeg JPEG compression last, or {@code null} for none
 */
public record Downsample( int scale, double sigma, CameraNoise noise, JpegCompression jpeg ) implements Degradation
{
	/** Reduction factors. */
	public static final Range SCALE = Range.uniform( 2, 4 );

	/** Probability that a random low-resolution degradation adds JPEG compression. */
	public static final double JPEG_PROBABILITY = 0.3;

	/** Checks the parameters. */
	public Downsample
	{
		if ( scale < 1 || !( sigma >= 0 ) )
			throw new IllegalArgumentException( "Need scale >= 1 and sigma >= 0, not " + scale + ", " + sigma );
	}

	/** The default anti-aliasing sigma, {@code (scale - 1) / 2} px. */
	public static double defaultSigma( final int scale )
	{
		return ( scale - 1 ) / 2.0;
	}

	/**
	 * Downsampling by {@code scale} with sigma drawn in [0.5, 1] times
	 * {@code scale / 2}, mild camera noise, and JPEG compression with
	 * probability {@value #JPEG_PROBABILITY}.
	 */
	public static Downsample random( final int scale, final Random rnd )
	{
		final double sigma = scale / 2.0 * ( 0.5 + 0.5 * rnd.nextDouble() );
		final CameraNoise noise = CameraNoise.mild( rnd );
		final JpegCompression jpeg = rnd.nextDouble() < JPEG_PROBABILITY ? new JpegCompression( JpegCompression.QUALITY.drawInt( rnd ) ) : null;
		return new Downsample( scale, sigma, noise, jpeg );
	}

	@Override
	public int scale()
	{
		return scale;
	}

	@Override
	public float[] apply( final float[] img, final int width, final int height, final Random rnd )
	{
		final int w = width / scale, h = height / scale;
		if ( w < 1 || h < 1 )
			throw new IllegalArgumentException( "A " + width + " x " + height + " image is too small to downsample by " + scale );
		final float[] smooth = GaussianBlur.blur( img, width, height, sigma );
		float[] out = new float[ w * h ];
		final double area = scale * scale;
		for ( int y = 0; y < h; y++ )
			for ( int x = 0; x < w; x++ )
			{
				double s = 0;
				for ( int j = 0; j < scale; j++ )
					for ( int i = 0; i < scale; i++ )
						s += smooth[ ( y * scale + j ) * width + x * scale + i ];
				out[ y * w + x ] = ( float ) ( s / area );
			}
		if ( noise != null )
			out = noise.apply( out, w, h, rnd );
		if ( jpeg != null )
			out = jpeg.apply( out, w, h, rnd );
		return out;
	}

	@Override
	public String describe()
	{
		return String.format( Locale.ROOT, "downsample x%d, anti-alias sigma %.2f px%s%s", scale, sigma, noise == null ? "" : ", " + noise.describe(),
				jpeg == null ? "" : ", " + jpeg.describe() );
	}
}
