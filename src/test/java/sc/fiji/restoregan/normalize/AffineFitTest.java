package sc.fiji.restoregan.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;

import net.imglib2.img.array.ArrayImgs;

/** The least-squares affine fit. */
class AffineFitTest
{
	@Test
	void recoversGainAndOffset()
	{
		final Random rnd = new Random( 11 );
		final float[] ref = new float[ 500 ], out = new float[ 500 ];
		for ( int i = 0; i < ref.length; i++ )
		{
			ref[ i ] = rnd.nextFloat();
			out[ i ] = ( ref[ i ] - 0.2f ) / 3;
		}
		final AffineFit fit = AffineFit.of( out, ref );
		assertEquals( 3, fit.scale(), 1e-4 );
		assertEquals( 0.2, fit.offset(), 1e-4 );
		final float[] fitted = AffineFit.fitted( out, ref );
		for ( int i = 0; i < ref.length; i++ )
			assertEquals( ref[ i ], fitted[ i ], 1e-5 );
	}

	@Test
	void imagesFitLikeArraysEvenFarFromZero()
	{
		final Random rnd = new Random( 12 );
		final float[] ref = new float[ 30 * 20 ], out = new float[ ref.length ];
		for ( int i = 0; i < ref.length; i++ )
		{
			ref[ i ] = 30000 + 50 * rnd.nextFloat();
			out[ i ] = 0.5f * ref[ i ] - 14000 + rnd.nextFloat();
		}
		final AffineFit arrays = AffineFit.of( out, ref );
		final AffineFit images = AffineFit.of( ArrayImgs.floats( out, 30, 20 ), ArrayImgs.floats( ref, 30, 20 ) );
		assertEquals( arrays.scale(), images.scale(), 1e-9 * Math.abs( arrays.scale() ) );
		assertEquals( arrays.offset(), images.offset(), 1e-6 * Math.abs( arrays.offset() ) );
		assertEquals( 2, images.scale(), 0.05 );
		assertThrows( IllegalArgumentException.class, () -> AffineFit.of( ArrayImgs.floats( 30, 20 ), ArrayImgs.floats( 20, 30 ) ) );
	}

	@Test
	void constantOutputFitsTheMean()
	{
		final AffineFit fit = AffineFit.of( new float[] { 2, 2, 2 }, new float[] { 1, 2, 6 } );
		assertEquals( 0, fit.scale() );
		assertEquals( 3, fit.offset(), 1e-12 );
	}
}
