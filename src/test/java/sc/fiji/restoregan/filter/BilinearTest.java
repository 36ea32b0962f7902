package sc.fiji.restoregan.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BilinearTest
{
	@Test
	void aRampUpsampledStaysARampBetweenTheSmallPixelCentres()
	{
		// 4 x 2 small pixels, each 4 x 4 output pixels; value = small column index
		final float[] small = { 0, 1, 2, 3, 0, 1, 2, 3 };
		final float[] out = Bilinear.upsample( small, 4, 2, 4, 4, 16, 8 );
		for ( int y = 0; y < 8; y++ )
			for ( int x = 0; x < 16; x++ )
			{
				final double expected = Math.min( Math.max( ( x + 0.5 ) / 4 - 0.5, 0 ), 3 );
				assertEquals( expected, out[ y * 16 + x ], 1e-6, "x " + x + ", y " + y );
			}
	}

	@Test
	void nonIntegerFactorsClampAtTheEdges()
	{
		final float[] small = { 1, 5 };
		final float[] out = Bilinear.upsample( small, 2, 1, 2.5, 3, 5, 3 );
		assertEquals( 1, out[ 0 ], 1e-6 );
		assertEquals( 5, out[ 4 ], 1e-6 );
		assertEquals( 3, out[ 2 ], 1e-6 ); // the middle, (2.5 / 2.5) - 0.5 = 0.5 between the two
	}
}
