package sc.fiji.restoregan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

class ImageFolderSourceTest
{
	private static final int SIDE = 400;

	/** A plane whose value rises along x only. */
	private static ImageFolderSource ramp()
	{
		final float[] data = new float[ SIDE * SIDE ];
		for ( int y = 0; y < SIDE; y++ )
			for ( int x = 0; x < SIDE; x++ )
				data[ y * SIDE + x ] = x;
		final Img< FloatType > img = ArrayImgs.floats( data, SIDE, SIDE );
		return ImageFolderSource.ofImages( List.of( img ), List.of( "ramp" ) );
	}

	@Test
	void zoomOneGivesThePlainCropsFromTheSameDraws()
	{
		final ImageFolderSource source = ramp();
		final CleanSource zoomed = source.zoomedOut( 1 );
		for ( int k = 0; k < 5; k++ )
			assertArrayEquals( source.next( new Random( k ), 64 ), zoomed.next( new Random( k ), 64 ) );
	}

	@Test
	void zoomedRegionsSpanUpToMaxZoomTimesTheCrop()
	{
		final ImageFolderSource source = ramp();
		final CleanSource zoomed = source.zoomedOut( 4 );
		final int size = 50;
		final double pixel = 1.0 / ( SIDE - 1 ); // the ramp's step after scaling to [0, 1]
		double widest = 0;
		final Random rnd = new Random( 7 );
		for ( int k = 0; k < 200; k++ )
		{
			final float[] r = zoomed.next( rnd, size );
			assertEquals( size * size, r.length );
			for ( int x = 1; x < size; x++ )
			{
				assertTrue( r[ x ] > r[ x - 1 ], "values rise along x" );
				assertEquals( r[ x ], r[ ( size - 1 ) * size + x ], 1e-6, "every row alike" );
			}
			// a zoom z region averages z columns per pixel, so its ends are (size - 1) * z columns apart
			final double zoom = ( r[ size - 1 ] - r[ 0 ] ) / ( pixel * ( size - 1 ) );
			assertTrue( zoom >= 0.95 && zoom <= 4.1, "zoom " + zoom );
			widest = Math.max( widest, zoom );
		}
		assertTrue( widest > 3, "some regions zoomed out near 4 times, widest " + widest );
	}

	@Test
	void zoomBelowOneIsRefused()
	{
		assertThrows( IllegalArgumentException.class, () -> ramp().zoomedOut( 0.5 ) );
	}
}
