package sc.fiji.restoregan.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

/** Properties of {@link Ssim} beyond the golden values. */
class SsimTest
{
	private final float[] clean = TestImages.texture( 64, 48, 1 );

	private final float[] noisy = TestImages.noisy( clean, 20, 2 );

	@Test
	void identicalImagesScoreOne()
	{
		assertEquals( 1, Ssim.compute( TestImages.img( clean, 64, 48 ), TestImages.img( clean.clone(), 64, 48 ), 255 ), 1e-12 );
	}

	@Test
	void symmetric()
	{
		final double ab = Ssim.compute( TestImages.img( clean, 64, 48 ), TestImages.img( noisy, 64, 48 ), 255 );
		final double ba = Ssim.compute( TestImages.img( noisy, 64, 48 ), TestImages.img( clean, 64, 48 ), 255 );
		assertEquals( ab, ba, 1e-12 );
		assertTrue( ab < 0.9 && ab > 0, "SSIM " + ab );
	}

	@Test
	void mapIsTheValidRegionAndAveragesToTheScore()
	{
		final ArrayImg< FloatType, FloatArray > map = Ssim.map( TestImages.img( clean, 64, 48 ), TestImages.img( noisy, 64, 48 ), 255 );
		assertArrayEquals( new long[] { 54, 38 }, map.dimensionsAsLongArray() );
		double sum = 0;
		for ( final FloatType t : map )
			sum += t.get();
		assertEquals( Ssim.compute( TestImages.img( clean, 64, 48 ), TestImages.img( noisy, 64, 48 ), 255 ), sum / ( 54 * 38 ), 1e-6 );
	}

	@Test
	void integerPixelTypesWork()
	{
		final ArrayImg< UnsignedShortType, ? > a = ArrayImgs.unsignedShorts( 32, 32 ), b = ArrayImgs.unsignedShorts( 32, 32 );
		int i = 0;
		for ( final UnsignedShortType t : a )
			t.set( 1000 + ( i++ * 37 ) % 500 );
		i = 0;
		for ( final UnsignedShortType t : b )
			t.set( 1000 + ( i++ * 37 ) % 500 + ( i % 3 ) );
		final double s = Ssim.compute( a, b );
		assertTrue( s > 0.9 && s < 1, "SSIM " + s );
	}

	@Test
	void planesAreAveraged()
	{
		final float[] both = new float[ 2 * clean.length ];
		System.arraycopy( clean, 0, both, 0, clean.length );
		System.arraycopy( clean, 0, both, clean.length, clean.length );
		final float[] test = new float[ 2 * clean.length ];
		System.arraycopy( clean, 0, test, 0, clean.length );
		System.arraycopy( noisy, 0, test, clean.length, clean.length );
		final double expected = ( 1 + Ssim.compute( TestImages.img( clean, 64, 48 ), TestImages.img( noisy, 64, 48 ), 255 ) ) / 2;
		assertEquals( expected, Ssim.compute( TestImages.img( both, 64, 48, 2 ), TestImages.img( test, 64, 48, 2 ), 255 ), 1e-12 );
	}

	@Test
	void rejectsMismatchedSizesSmallImagesAndBadRanges()
	{
		assertThrows( IllegalArgumentException.class, () -> Ssim.compute( TestImages.img( clean, 64, 48 ), TestImages.img( clean, 48, 64 ), 255 ) );
		assertThrows( IllegalArgumentException.class, () -> Ssim.compute( ArrayImgs.floats( 10, 30 ), ArrayImgs.floats( 10, 30 ), 1 ) );
		assertThrows( IllegalArgumentException.class, () -> Ssim.compute( ArrayImgs.floats( 20, 20 ), ArrayImgs.floats( 20, 20 ) ) );
	}
}
