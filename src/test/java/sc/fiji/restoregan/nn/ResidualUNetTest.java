package sc.fiji.restoregan.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

class ResidualUNetTest
{
	@Test
	void upsampleIsNearestNeighbour()
	{
		try ( NDManager m = NDManager.newBaseManager( "PyTorch" ) )
		{
			final NDArray x = m.arange( 24f ).reshape( 2, 3, 2, 2 );
			final NDArray up = ResidualUNet.upsample( x );
			assertArrayEquals( new long[] { 2, 3, 4, 4 }, up.getShape().getShape() );
			assertArrayEquals( x.repeat( 2, 2 ).repeat( 3, 2 ).toFloatArray(), up.toFloatArray() );
		}
	}

	@Test
	void shuffleInvertsUnshuffle()
	{
		try ( NDManager m = NDManager.newBaseManager( "PyTorch" ) )
		{
			final NDArray x = m.arange( 2f * 3 * 4 * 6 ).reshape( 2, 3, 4, 6 );
			final NDArray down = ResidualUNet.unshuffle( x, 2 );
			assertEquals( new Shape( 2, 12, 2, 3 ), down.getShape() );
			// channel 1 of image 0 holds the pixels at (even row, odd column) of channel 0
			assertEquals( x.getFloat( 0, 0, 2, 3 ), down.getFloat( 0, 1, 1, 1 ) );
			assertArrayEquals( x.toFloatArray(), ResidualUNet.shuffle( down, 2 ).toFloatArray() );
		}
	}

	@Test
	void configFlopsAndReceptiveField()
	{
		final UNetConfig care = new UNetConfig();
		assertEquals( 221_824, care.flopsPerPixel(), 1 ); // 2 x 110,912 multiply-adds, counted by hand in UNetConfig
		assertEquals( 28, care.receptiveFieldRadius() );
		assertEquals( 4, care.blockSize() );
		final UNetConfig shuffled = new UNetConfig();
		shuffled.shuffle = 2;
		assertEquals( 8, shuffled.blockSize() );
		assertEquals( 56, shuffled.receptiveFieldRadius() );
	}
}
