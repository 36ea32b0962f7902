package sc.fiji.restoregan.sisr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import sc.fiji.restoregan.metrics.DoublePlane;

class ResamplingTest
{
	@Test
	void binningAveragesBlocksAndDropsTheRemainder()
	{
		final DoublePlane p = new DoublePlane( 5, 2, new double[] { 1, 2, 3, 4, 9, 5, 6, 7, 8, 9 } );
		final DoublePlane b = Resampling.bin( p, 2 );
		assertEquals( 2, b.width );
		assertEquals( 1, b.height );
		assertArrayEquals( new double[] { 3.5, 5.5 }, b.data, 1e-12 );
	}

	@Test
	void upscalingAConstantGivesTheConstantAtTheRequestedSize()
	{
		final DoublePlane c = new DoublePlane( 6, 4, new double[] { 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2 } );
		final DoublePlane u = Resampling.resize( c, 12, 9 );
		assertEquals( 12, u.width );
		assertEquals( 9, u.height );
		for ( final double v : u.data )
			assertEquals( 2, v, 1e-12 );
	}

	@Test
	void backProjectionMakesTheEstimateConsistentWithTheLowResolutionImage()
	{
		final DoublePlane high = SisrTestImages.blobs( 48, 40, 2 );
		final DoublePlane low = Resampling.bin( high, 2 );
		final DoublePlane guess = Resampling.resize( low, 48, 40 );
		final double before = ResamplingTest.rms( Resampling.subtract( low, Resampling.bin( guess, 2 ) ) );
		final DoublePlane projected = Resampling.backProject( guess, low, 2, 10 );
		final double after = ResamplingTest.rms( Resampling.subtract( low, Resampling.bin( projected, 2 ) ) );
		assertTrue( after < 0.05 * before, before + " -> " + after );
	}

	static double rms( final DoublePlane p )
	{
		double s = 0;
		for ( final double v : p.data )
			s += v * v;
		return Math.sqrt( s / p.data.length );
	}
}
