package sc.fiji.restoregan.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.restoregan.bridge.TensorBridge;

class DihedralTest
{
	/** A 3x2 plane with six different values: 0 1 2 / 3 4 5. */
	private static RandomAccessibleInterval< FloatType > plane()
	{
		return ArrayImgs.floats( new float[] { 0, 1, 2, 3, 4, 5 }, 3, 2 );
	}

	/** The eight transforms are the eight different flips and turns, with the expected pixel order. */
	@Test
	void theEightViewsAreTheEightFlipsAndTurns()
	{
		final List< float[] > expected = List.of(
				new float[] { 0, 1, 2, 3, 4, 5 }, // identity
				new float[] { 2, 1, 0, 5, 4, 3 }, // mirror X
				new float[] { 3, 4, 5, 0, 1, 2 }, // mirror Y
				new float[] { 5, 4, 3, 2, 1, 0 }, // both: a half turn
				new float[] { 0, 3, 1, 4, 2, 5 }, // transpose
				new float[] { 3, 0, 4, 1, 5, 2 }, // transpose, then mirror X
				new float[] { 2, 5, 1, 4, 0, 3 }, // transpose, then mirror Y
				new float[] { 5, 2, 4, 1, 3, 0 } ); // transpose, then both
		final Set< String > distinct = new HashSet<>();
		for ( int k = 0; k < Dihedral.COUNT; k++ )
		{
			final RandomAccessibleInterval< FloatType > v = Dihedral.view( plane(), k );
			assertArrayEquals( k < 4 ? new long[] { 3, 2 } : new long[] { 2, 3 }, v.dimensionsAsLongArray(), "transform " + k );
			assertArrayEquals( new long[] { 0, 0 }, v.minAsLongArray(), "transform " + k );
			final float[] values = TensorBridge.toArray( v );
			assertArrayEquals( expected.get( k ), values, "transform " + k );
			distinct.add( java.util.Arrays.toString( values ) );
		}
		assertEquals( Dihedral.COUNT, distinct.size() );
	}
}
