package sc.fiji.restoregan.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

class AffineNormalizationTest
{
	@Test
	void mapsPercentilesToZeroAndOneAndInvertsExactly()
	{
		final Img< UnsignedShortType > img = ArrayImgs.unsignedShorts( 100, 10 );
		int i = 0;
		for ( final UnsignedShortType t : img )
			t.set( 1000 + 10 * i++ ); // 1000 .. 10990
		final AffineNormalization n = AffineNormalization.fromPercentiles( img, 1, 99.8 );
		assertEquals( 1000 + 10 * 9.99, n.offset(), 1e-9 );
		assertEquals( 0, n.apply( n.offset() ), 1e-12 );
		assertEquals( 1, n.apply( n.offset() + n.scale() ), 1e-12 );
		final RandomAccessibleInterval< FloatType > view = n.view( img );
		LoopBuilder.setImages( img, view ).forEachPixel( ( a, b ) -> assertEquals( a.get(), n.invert( b.get() ), 1e-3 ) );
		for ( final double x : new double[] { -5, 0, 1234.5, 1e6 } )
			assertEquals( x, n.invert( n.apply( x ) ), 1e-9 );
	}

	@Test
	void constantImageDoesNotDivideByZero()
	{
		final Img< FloatType > img = ArrayImgs.floats( 16, 16 );
		img.forEach( t -> t.set( 42 ) );
		final AffineNormalization n = AffineNormalization.fromPercentiles( img, 1, 99.8 );
		assertEquals( 1, n.scale() );
		assertEquals( 0, n.apply( 42 ) );
		assertEquals( 42, n.invert( 0 ) );
	}

	@Test
	void rejectsBadPercentiles()
	{
		assertThrows( IllegalArgumentException.class, () -> AffineNormalization.fromPercentiles( ArrayImgs.floats( 4, 4 ), 50, 50 ) );
		assertThrows( IllegalArgumentException.class, () -> new AffineNormalization( 0, 0 ) );
	}
}
