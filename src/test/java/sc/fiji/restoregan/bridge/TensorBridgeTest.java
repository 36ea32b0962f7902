package sc.fiji.restoregan.bridge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

class TensorBridgeTest
{
	/** Fills an image with seeded values within the type's range (and exactly representable as float). */
	static < T extends RealType< T > & NativeType< T > > Img< T > seeded( final T type, final long seed, final long... dims )
	{
		final Img< T > img = new ArrayImgFactory<>( type ).create( dims );
		final Random rnd = new Random( seed );
		final double lo = Math.max( type.getMinValue(), -1e6 ), hi = Math.min( type.getMaxValue(), 1e6 );
		for ( final T t : img )
			t.setReal( Math.floor( lo + rnd.nextDouble() * ( hi - lo ) ) + ( type instanceof FloatType || type instanceof DoubleType ? 0.25 : 0 ) );
		return img;
	}

	private static < T extends RealType< T > & NativeType< T > > void roundTrip( final Supplier< T > type )
	{
		final Img< T > img = seeded( type.get(), 3, 13, 7 );
		final float[] data = TensorBridge.toArray( img );
		assertEquals( 13 * 7, data.length );
		final Cursor< T > c = Views.flatIterable( img ).cursor();
		for ( final float v : data )
			assertEquals( c.next().getRealDouble(), v, 0, "type " + type.get().getClass().getSimpleName() );
		try ( NDManager manager = NDManager.newBaseManager( "PyTorch" ) )
		{
			final NDArray tensor = TensorBridge.toTensor( manager, data, 1, 7, 13 );
			assertArrayEquals( new long[] { 1, 1, 7, 13 }, tensor.getShape().getShape() );
			assertEquals( img.getAt( 4, 2 ).getRealDouble(), tensor.getFloat( 0, 0, 2, 4 ), 0, "NCHW: x is the last axis" );
			assertArrayEquals( data, TensorBridge.fromTensor( tensor ) );
		}
	}

	@Test
	void roundTripsEveryPixelType()
	{
		roundTrip( UnsignedByteType::new );
		roundTrip( ByteType::new );
		roundTrip( UnsignedShortType::new );
		roundTrip( ShortType::new );
		roundTrip( IntType::new );
		roundTrip( FloatType::new );
		roundTrip( DoubleType::new );
	}

	@Test
	void readsViewsWithOffsets()
	{
		final Img< FloatType > img = seeded( new FloatType(), 5, 20, 20 );
		final RandomAccessibleInterval< FloatType > view = Views.interval( img, new long[] { 3, 4 }, new long[] { 9, 15 } );
		final float[] data = TensorBridge.toArray( view );
		assertEquals( img.getAt( 3, 4 ).get(), data[ 0 ] );
		assertEquals( img.getAt( 9, 15 ).get(), data[ data.length - 1 ] );
	}

	@Test
	void rejectsWrongShapes()
	{
		try ( NDManager manager = NDManager.newBaseManager( "PyTorch" ) )
		{
			assertThrows( IllegalArgumentException.class, () -> TensorBridge.toTensor( manager, new float[ 10 ], 1, 3, 3 ) );
		}
		assertThrows( IllegalArgumentException.class, () -> TensorBridge.toArray( seeded( new FloatType(), 1, 4, 4, 2 ) ) );
	}
}
