package sc.fiji.restoregan.degrade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Random;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.restoregan.bridge.Planes;
import sc.fiji.restoregan.bridge.TensorBridge;

/** Plane-by-plane degradation of ImgLib2 images of any type. */
class ImageDegraderTest
{
	private static ArrayImg< UnsignedShortType, ShortArray > stack()
	{
		// 64 x 64, 2 channels, 3 slices, 16-bit, bright level about 1000
		final ArrayImg< UnsignedShortType, ShortArray > img = ArrayImgs.unsignedShorts( 64, 64, 2, 3 );
		final float[] scene = Images.scene( 64, 9 );
		for ( final RandomAccessibleInterval< UnsignedShortType > plane : Planes.of( img ) )
		{
			int i = 0;
			for ( final UnsignedShortType t : plane )
				t.set( ( int ) ( 100 + 1000 * scene[ i++ ] ) );
		}
		return img;
	}

	@Test
	void degradesEveryPlaneIntoANewFloatImage()
	{
		final ArrayImg< UnsignedShortType, ShortArray > in = stack();
		final short[] before = in.update( null ).getCurrentStorageArray().clone();
		final Img< FloatType > out = ImageDegrader.apply( in, CameraNoise.poissonGaussian( 20, 0.01 ), 5 );
		assertArrayEquals( new long[] { 64, 64, 2, 3 }, out.dimensionsAsLongArray() );
		assertArrayEquals( before, in.update( null ).getCurrentStorageArray(), "input unchanged" );
		final float[] p0 = TensorBridge.toArray( Planes.plane( out, 0 ) ), p1 = TensorBridge.toArray( Planes.plane( out, 1 ) );
		assertFalse( java.util.Arrays.equals( p0, p1 ), "each plane has its own noise" );
		// units kept: the mean stays near the input's
		final float[] q0 = TensorBridge.toArray( Planes.plane( in, 0 ) );
		assertEquals( Images.mean( q0 ), Images.mean( p0 ), 0.03 * Images.mean( q0 ) );
		assertArrayEquals( TensorBridge.toArray( Planes.plane( ImageDegrader.apply( in, CameraNoise.poissonGaussian( 20, 0.01 ), 5 ), 4 ) ),
				TensorBridge.toArray( Planes.plane( out, 4 ) ), "seeded" );
	}

	@Test
	void lowResolutionShrinksXAndYOnly()
	{
		final DegradationSettings settings = new DegradationSettings();
		settings.kind = DegradationKind.LOWRES;
		settings.scale = 4;
		final Img< FloatType > out = ImageDegrader.apply( stack(), settings.build( new Random( 1 ) ), 1 );
		assertArrayEquals( new long[] { 16, 16, 2, 3 }, out.dimensionsAsLongArray() );
	}
}
