package sc.fiji.restoregan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

class Float16Test
{
	@Test
	void knownValues()
	{
		assertEquals( 0x3c00, Float16.fromFloat( 1f ) & 0xffff );
		assertEquals( 0xc000, Float16.fromFloat( -2f ) & 0xffff );
		assertEquals( 0x7bff, Float16.fromFloat( 65504f ) & 0xffff, "largest half" );
		assertEquals( 0x7c00, Float16.fromFloat( 65520f ) & 0xffff, "halfway above the largest half rounds to even: infinity" );
		assertEquals( 0x0001, Float16.fromFloat( 0x1p-24f ) & 0xffff, "smallest subnormal" );
		assertEquals( 0x0000, Float16.fromFloat( 0x1p-25f ) & 0xffff, "half of it ties to even: zero" );
		assertEquals( 0x3c00, Float16.fromFloat( 1f + 0x1p-11f ) & 0xffff, "a tie rounds to the even mantissa" );
		assertEquals( 0x3c02, Float16.fromFloat( 1f + 3 * 0x1p-11f ) & 0xffff, "the other tie rounds up to the even mantissa" );
		assertEquals( 0.333251953125f, Float16.toFloat( Float16.fromFloat( 1f / 3 ) ) );
		assertTrue( Float.isNaN( Float16.toFloat( Float16.fromFloat( Float.NaN ) ) ) );
	}

	@Test
	void everyHalfRoundTrips()
	{
		for ( int h = 0; h < 0x10000; h++ )
		{
			final float f = Float16.toFloat( ( short ) h );
			if ( !Float.isNaN( f ) )
				assertEquals( h, Float16.fromFloat( f ) & 0xffff, "half 0x" + Integer.toHexString( h ) );
		}
	}

	/** PyTorch's float-to-half cast (through DJL) is the reference for rounding. */
	@Test
	void roundsAsPyTorchDoes()
	{
		final Random rnd = new Random( 7 );
		final float[] values = new float[ 20000 ];
		for ( int i = 0; i < values.length; i++ )
			// magnitudes from the subnormal halves to past the largest one
			values[ i ] = ( float ) ( ( rnd.nextBoolean() ? 1 : -1 ) * Math.pow( 2, -27 + 44 * rnd.nextDouble() ) );
		try ( NDManager manager = NDManager.newBaseManager( "PyTorch" ) )
		{
			final NDArray x = manager.create( values );
			final float[] expected = x.toType( DataType.FLOAT16, false ).toType( DataType.FLOAT32, false ).toFloatArray();
			for ( int i = 0; i < values.length; i++ )
				assertEquals( expected[ i ], Float16.toFloat( Float16.fromFloat( values[ i ] ) ), 0f, "value " + values[ i ] );
		}
	}
}
