package sc.fiji.restoregan.degrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Low resolution keeps the mean and has the right size; JPEG stays close. */
class DownsampleTest
{
	@ParameterizedTest
	@ValueSource( ints = { 2, 3, 4 } )
	void downsamplingConservesTheMean( final int scale )
	{
		final int size = 24 * 6;
		final float[] img = Images.scene( size, 1 );
		final Downsample d = new Downsample( scale, Downsample.defaultSigma( scale ), null, null );
		final float[] out = d.apply( img, size, size, new Random( 1 ) );
		assertEquals( ( size / scale ) * ( size / scale ), out.length );
		assertEquals( Images.mean( img ), Images.mean( out ), 2e-3 * Images.mean( img ) );
		assertEquals( scale, d.scale() );
	}

	@Test
	void oddSizesAreCutToAMultipleOfTheScale()
	{
		final float[] out = new Downsample( 3, 1, null, null ).apply( Images.flat( 100 * 50, 0.5f ), 100, 50, new Random( 2 ) );
		assertEquals( 33 * 16, out.length );
		for ( final float v : out )
			assertEquals( 0.5, v, 1e-6 );
	}

	@Test
	void jpegAtHighQualityStaysCloseAndNoiseIsAdded()
	{
		final float[] img = Images.scene( 64, 3 );
		final float[] jpeg = new JpegCompression( 95 ).apply( img, 64, 64, new Random( 4 ) );
		double mse = 0;
		for ( int i = 0; i < img.length; i++ )
			mse += ( img[ i ] - jpeg[ i ] ) * ( img[ i ] - jpeg[ i ] );
		assertTrue( mse / img.length < 1e-4, "PSNR above 40 dB at quality 95" );
		final float[] noisy = new Downsample( 2, 0.5, CameraNoise.poissonGaussian( 50, 0.01 ), new JpegCompression( 50 ) ).apply( img, 64, 64, new Random( 5 ) );
		assertEquals( 32 * 32, noisy.length );
		assertTrue( Images.allFinite( noisy ) );
	}
}
