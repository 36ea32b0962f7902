package sc.fiji.restoregan.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

class PlanesTest
{
	@Test
	void enumeratesPlanesChannelFastest()
	{
		final Img< FloatType > img = ArrayImgs.floats( 4, 3, 2, 5 ); // X Y C Z
		img.forEach( t -> {} );
		final net.imglib2.Cursor< FloatType > c = img.localizingCursor();
		while ( c.hasNext() )
		{
			c.fwd();
			c.get().set( 100 * c.getIntPosition( 3 ) + 10 * c.getIntPosition( 2 ) );
		}
		assertEquals( 10, Planes.count( img ) );
		final RandomAccessibleInterval< FloatType > p = Planes.plane( img, 3 ); // c = 1, z = 1
		assertEquals( 2, p.numDimensions() );
		assertEquals( 110, p.getAt( 2, 1 ).get() );
		assertEquals( 410, Planes.of( img ).get( 9 ).getAt( 0, 0 ).get() );
		assertEquals( 1, Planes.count( ArrayImgs.floats( 5, 5 ) ) );
	}
}
