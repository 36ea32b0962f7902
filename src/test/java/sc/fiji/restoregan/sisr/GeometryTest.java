package sc.fiji.restoregan.sisr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import sc.fiji.restoregan.metrics.DoublePlane;

class GeometryTest
{
	@Test
	void everyVariantIsUndoneByItsInverseAndAllEightDiffer()
	{
		final DoublePlane p = SisrTestImages.blobs( 7, 5, 1 );
		final Set< String > distinct = new HashSet<>();
		for ( int k = 0; k < Geometry.COUNT; k++ )
		{
			final DoublePlane v = Geometry.apply( p, k );
			assertEquals( k % 2 == 0 ? 7 : 5, v.width );
			distinct.add( java.util.Arrays.toString( v.data ) + v.width );
			final DoublePlane back = Geometry.invert( v, k );
			assertEquals( p.width, back.width );
			assertArrayEquals( p.data, back.data, 0 );
		}
		assertEquals( 8, distinct.size() );
	}

	@Test
	void quarterTurnMovesTheTopRightCornerToTheTopLeft()
	{
		// 3x2 plane: row 0 = 0 1 2, row 1 = 3 4 5
		final DoublePlane p = new DoublePlane( 3, 2, new double[] { 0, 1, 2, 3, 4, 5 } );
		final DoublePlane r = Geometry.apply( p, 1 );
		assertEquals( 2, r.width );
		assertArrayEquals( new double[] { 2, 5, 1, 4, 0, 3 }, r.data, 0 );
		assertArrayEquals( new double[] { 2, 1, 0, 5, 4, 3 }, Geometry.apply( p, 4 ).data, 0 );
	}
}
