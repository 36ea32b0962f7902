package sc.fiji.restoregan.degrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Illumination fields, dimming with its shot noise, and gamma. */
class LightingTest
{
	private static final int SIZE = 128, N = SIZE * SIZE;

	@ParameterizedTest
	@EnumSource( IlluminationField.class )
	void fieldsSpanTheirMinimumToOne( final IlluminationField field )
	{
		final float[] f = field.generate( SIZE, SIZE, 0.2, new Random( 1 ) );
		float min = 1, max = 0;
		for ( final float v : f )
		{
			min = Math.min( min, v );
			max = Math.max( max, v );
		}
		assertEquals( 0.2, min, 1e-6 );
		assertEquals( 1, max, 1e-6 );
	}

	@Test
	void dimmingScalesTheMeanAndBringsShotNoise()
	{
		// uniform field (minimum 1): out = Poisson(peak * dimming) / peak
		final double peak = 100;
		for ( final double dimming : new double[] { 0.1, 1 } )
		{
			final float[] out = new Lighting( IlluminationField.GRADIENT, 1, dimming, peak, 0, 1 ).apply( Images.flat( N, 1 ), SIZE, SIZE, new Random( 2 ) );
			assertEquals( dimming, Images.mean( out ), 0.02 * dimming );
			assertEquals( dimming / peak, Images.variance( out ), 0.06 * dimming / peak );
		}
	}

	@Test
	void gammaBendsTheResponse()
	{
		final float[] out = new Lighting( IlluminationField.GRADIENT, 1, 0.25, 1e6, 0, 0.5 ).apply( Images.flat( N, 1 ), SIZE, SIZE, new Random( 3 ) );
		assertEquals( 0.5, Images.mean( out ), 0.005 );
	}

	@Test
	void unevenFieldDimsPartOfTheImage()
	{
		final float[] out = new Lighting( IlluminationField.GRADIENT, 0.2, 1, 1e6, 0, 1 ).apply( Images.flat( N, 1 ), SIZE, SIZE, new Random( 4 ) );
		float min = 1;
		for ( final float v : out )
			min = Math.min( min, v );
		assertTrue( min < 0.25 && Images.mean( out ) > 0.5 );
	}
}
