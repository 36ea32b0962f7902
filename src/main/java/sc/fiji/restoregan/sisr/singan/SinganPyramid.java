package sc.fiji.restoregan.sisr.singan;

import sc.fiji.restoregan.metrics.DoublePlane;
import sc.fiji.restoregan.sisr.Resampling;

/**
 * SinGAN's super-resolution geometry: the factor per upscaling pass
 * ({@code in_scale = scale^(1 / passes)}, {@code passes = round(log(1 /
 * scale) / log(2^(-1/3)))}, so x4 is 6 passes of about 1.26) and the training
 * pyramid, whose neighbouring scales differ by that same factor, from the
 * image (finest) down to a shortest side of about {@code minSize}.
 */
public final class SinganPyramid
{
	/** Upscaling passes at inference. */
	public final int passes;

	/** Factor of one pass (1 / SinGAN's scale factor r). */
	public final double passFactor;

	/** Sizes {width, height} from the coarsest scale (0) to the finest (the image). */
	public final int[][] sizes;

	/**
	 * @param width the image's width
	 * @param height the image's height
	 * @param scale the super-resolution factor
	 * @param minSize shortest side of the coarsest scale
	 * @param scales number of scales (0: from {@code minSize})
	 */
	public SinganPyramid( final int width, final int height, final double scale, final int minSize, final int scales )
	{
		if ( scale <= 1 )
			throw new IllegalArgumentException( "SinGAN super-resolution needs a scale above 1, got " + scale );
		passes = Math.max( 1, ( int ) Math.round( Math.log( 1 / scale ) / Math.log( Math.pow( 2, -1 / 3.0 ) ) ) );
		passFactor = Math.pow( scale, 1.0 / passes );
		final double r = 1 / passFactor;
		final int shortest = Math.min( width, height );
		final int n = scales > 0 ? scales - 1 : Math.max( 0, ( int ) Math.ceil( Math.log( minSize / ( double ) shortest ) / Math.log( r ) ) );
		sizes = new int[ n + 1 ][];
		for ( int k = 0; k <= n; k++ )
		{
			final double f = Math.pow( r, n - k );
			sizes[ k ] = new int[] { Math.max( 11, ( int ) Math.round( width * f ) ), Math.max( 11, ( int ) Math.round( height * f ) ) };
		}
	}

	/** Number of scales. */
	public int count()
	{
		return sizes.length;
	}

	/** The image resized to scale {@code k} (antialiased bicubic). */
	public DoublePlane real( final DoublePlane image, final int k )
	{
		return k == sizes.length - 1 ? image : Resampling.resize( image, sizes[ k ][ 0 ], sizes[ k ][ 1 ] );
	}

	/** The output size after pass {@code p} (1-based) for an input of {@code w x h}; the last pass lands exactly on the scaled size. */
	public int[] passSize( final int w, final int h, final int p, final double scale )
	{
		if ( p == passes )
			return new int[] { ( int ) Math.round( w * scale ), ( int ) Math.round( h * scale ) };
		final double f = Math.pow( passFactor, p );
		return new int[] { ( int ) Math.round( w * f ), ( int ) Math.round( h * f ) };
	}
}
