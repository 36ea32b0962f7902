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

	@Test
	void ensembleOfAnEquivariantMethodIsTheMethodAndCallsBackPerVariant()
	{
		final DoublePlane p = SisrTestImages.blobs( 9, 6, 2 );
		final java.util.List< Integer > seen = new java.util.ArrayList<>();
		// doubling every pixel commutes with every symmetry: all 8 turned-back results agree
		final DoublePlane out = Geometry.ensemble( p, true, v -> v.affine( 0, 2 ), seen::add );
		assertEquals( java.util.List.of( 0, 1, 2, 3, 4, 5, 6, 7 ), seen );
		assertEquals( 9, out.width );
		for ( int i = 0; i < p.data.length; i++ )
			assertEquals( 2 * p.data[ i ], out.data[ i ], 1e-12 );
		seen.clear();
		Geometry.ensemble( p, false, v -> v, seen::add );
		assertEquals( java.util.List.of( 0 ), seen );
	}

	@Test
	void medianOfAnEvenCountAveragesTheMiddleTwo()
	{
		final DoublePlane a = new DoublePlane( 2, 1, new double[] { 1, 10 } );
		final DoublePlane b = new DoublePlane( 2, 1, new double[] { 3, 0 } );
		final DoublePlane c = new DoublePlane( 2, 1, new double[] { 100, 4 } );
		assertArrayEquals( new double[] { 3, 4 }, Geometry.median( java.util.List.of( a, b, c ) ).data, 0 );
		assertArrayEquals( new double[] { 2, 5 }, Geometry.median( java.util.List.of( a, b ) ).data, 0 );
	}
}
