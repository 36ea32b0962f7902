package sc.fiji.restoregan.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Properties of {@link MsSsim} beyond the golden values. */
class MsSsimTest
{
	private static final int W = 200, H = 180;

	private final float[] clean = TestImages.texture( W, H, 3 );

	private double msSsim( final float[] a, final float[] b )
	{
		return MsSsim.compute( TestImages.img( a, W, H ), TestImages.img( b, W, H ), 255 );
	}

	@Test
	void identityIsOneAndSymmetric()
	{
		assertEquals( 1, msSsim( clean, clean.clone() ), 1e-12 );
		final float[] noisy = TestImages.noisy( clean, 10, 4 );
		assertEquals( msSsim( clean, noisy ), msSsim( noisy, clean ), 1e-12 );
	}

	@Test
	void decreasesWithNoise()
	{
		double last = 1;
		for ( final double sigma : new double[] { 2, 8, 20, 50 } )
		{
			final double s = msSsim( clean, TestImages.noisy( clean, sigma, 5 ) );
			assertTrue( s < last, "MS-SSIM " + s + " at noise " + sigma + " is not below " + last );
			last = s;
		}
	}

	@Test
	void needs176PixelsOnTheShortSide()
	{
		assertThrows( IllegalArgumentException.class, () -> MsSsim.compute( TestImages.img( new float[ 175 * 300 ], 300, 175 ), TestImages.img( new float[ 175 * 300 ], 300, 175 ), 1 ) );
		assertTrue( MsSsim.fits( 176, 176 ) );
	}

	@Test
	void halvingAveragesTwoByTwoAndRepeatsTheLastOddRow()
	{
		final DoublePlane p = new DoublePlane( 3, 3, new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 } );
		final DoublePlane h = MsSsim.halve( p );
		assertArrayEquals( new double[] { 3, 4.5, 7.5, 9 }, h.data, 1e-12 );
	}
}
