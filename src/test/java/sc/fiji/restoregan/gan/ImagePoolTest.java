package sc.fiji.restoregan.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

class ImagePoolTest
{
	@Test
	void fillsThenSwapsAndResumesExactly() throws Exception
	{
		try ( NDManager manager = NDManager.newBaseManager( "PyTorch" ) )
		{
			final ImagePool pool = new ImagePool( 2 );
			final Shape shape = new Shape( 2, 1, 1, 1 );
			assertArrayEquals( new float[] { 1, 2 }, pool.query( manager.create( new float[] { 1, 2 }, shape ), new Random( 1 ) ).toFloatArray(), "filling: passed on" );
			final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			pool.save( new DataOutputStream( bytes ) );
			final float[] next = pool.query( manager.create( new float[] { 3, 4 }, shape ), new Random( 2 ) ).toFloatArray();
			for ( final float v : next )
				assertTrue( v >= 1 && v <= 4, "a new or a stored image" );
			// expected from the same random decisions: nextBoolean, then nextInt(2) when true
			final Random r = new Random( 2 );
			final float[] stored = { 1, 2 }, expected = new float[ 2 ];
			for ( int i = 0; i < 2; i++ )
			{
				final float image = 3 + i;
				expected[ i ] = image;
				if ( r.nextBoolean() )
				{
					final int k = r.nextInt( 2 );
					expected[ i ] = stored[ k ];
					stored[ k ] = image;
				}
			}
			assertArrayEquals( expected, next );
			final ImagePool restored = new ImagePool( 2 );
			restored.load( new DataInputStream( new ByteArrayInputStream( bytes.toByteArray() ) ) );
			assertArrayEquals( next, restored.query( manager.create( new float[] { 3, 4 }, shape ), new Random( 2 ) ).toFloatArray(), "a restored pool continues identically" );
		}
	}
}
