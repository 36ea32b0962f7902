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
		{
			final float[] plain = source.next( new Random( k ), 64 );
			assertArrayEquals( plain, zoomed.next( new Random( k ), 64 ) );
			// the draws of the crops every run so far was trained on: the plane, then x0, then y0
			final Random r = new Random( k );
			r.nextInt( 1 );
			final int x0 = r.nextInt( SIDE - 64 + 1 );
			// each column value fills 400 of the sorted pixels, so the 0.1 and 99.9 percentiles are 0 and 399
			assertEquals( x0 / ( SIDE - 1.0 ), plain[ 0 ], 1e-6 );
			assertEquals( ( x0 + 63 ) / ( SIDE - 1.0 ), plain[ 63 ], 1e-6 );
		}
	}

	@Test
	void zoomedRegionsStayInsideSmallPlanes()
	{
		final float[] data = new float[ SIDE * 120 ];
		for ( int i = 0; i < data.length; i++ )
			data[ i ] = i % SIDE;
		final CleanSource zoomed = ImageFolderSource.ofImages( List.of( ArrayImgs.floats( data, SIDE, 120 ) ), List.of( "wide" ) ).zoomedOut( 4 );
		final Random rnd = new Random( 11 );
		for ( int k = 0; k < 100; k++ )
		{
			final float[] r = zoomed.next( rnd, 100 );
			// at most 120 columns averaged into 100, so the region spans at most 1.2 times a crop
			assertTrue( ( r[ 99 ] - r[ 0 ] ) * ( SIDE - 1 ) <= 1.2 * 99 + 1, "span " + ( r[ 99 ] - r[ 0 ] ) * ( SIDE - 1 ) );
			for ( final float v : r )
				assertTrue( Float.isFinite( v ) );
		}
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
		assertThrows( IllegalArgumentException.class, () -> ramp().zoomedOut( Double.POSITIVE_INFINITY ) );
	}
}
