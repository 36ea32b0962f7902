package sc.fiji.restoregan.metrics;

import java.util.Random;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.restoregan.filter.GaussianBlur;

/** Seeded synthetic images for the metric tests. */
final class TestImages
{
	private TestImages()
	{}

	/** Smooth random texture on 0..255: white noise blurred with sigma 2, stretched. */
	static float[] texture( final int w, final int h, final long seed )
	{
		final Random random = new Random( seed );
		final float[] noise = new float[ w * h ];
		for ( int i = 0; i < noise.length; i++ )
			noise[ i ] = ( float ) random.nextGaussian();
		final float[] t = GaussianBlur.blur( noise, w, h, 2 );
		float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
		for ( final float v : t )
		{
			min = Math.min( min, v );
			max = Math.max( max, v );
		}
		for ( int i = 0; i < t.length; i++ )
			t[ i ] = 255 * ( t[ i ] - min ) / ( max - min );
		return t;
	}

	/** A copy with seeded Gaussian noise of standard deviation {@code sigma}. */
	static float[] noisy( final float[] image, final double sigma, final long seed )
	{
		final Random random = new Random( seed );
		final float[] out = image.clone();
		for ( int i = 0; i < out.length; i++ )
			out[ i ] += ( float ) ( sigma * random.nextGaussian() );
		return out;
	}

	/** Wraps an array as a 2D image. */
	static ArrayImg< FloatType, FloatArray > img( final float[] data, final long... dims )
	{
		return ArrayImgs.floats( data, dims );
	}
}
