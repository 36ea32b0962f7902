package sc.fiji.restoregan.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class AreaMeanTest
{
	@Test
	void eachOutputPixelIsTheMeanOfItsBlock()
	{
		final float[] plane = new float[ 4 * 6 ];
		for ( int i = 0; i < plane.length; i++ )
			plane[ i ] = i;
		// 6 x 4 to 3 x 2: blocks of 2 x 2
		final float[] out = AreaMean.resize( plane, 6, 4, 3, 2 );
		assertArrayEquals( new float[] { 3.5f, 5.5f, 7.5f, 15.5f, 17.5f, 19.5f }, out, 1e-6f );
	}

	@Test
	void anAxisLongerThanTheInputTakesTheNearestPixel()
	{
		final float[] out = AreaMean.resize( new float[] { 1, 5 }, 2, 1, 4, 1 );
		assertArrayEquals( new float[] { 1, 1, 5, 5 }, out, 1e-6f );
	}
}
