package sc.fiji.restoregan.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

class DiscriminatorTest
{
	private NDManager manager;

	@BeforeEach
	void setUp()
	{
		manager = NDManager.newBaseManager( "PyTorch" );
		Engine.getEngine( "PyTorch" ).setRandomSeed( 7 );
	}

	@AfterEach
	void tearDown()
	{
		manager.close();
	}

	@Test
	void receptiveFieldsOfTheLiterature()
	{
		assertEquals( 70, new PatchConfig( 64, 3 ).receptiveField() );
		assertEquals( 286, new PatchConfig( 64, 5 ).receptiveField() );
		assertEquals( 34, new PatchConfig( 64, 2 ).receptiveField() );
	}

	/**
	 * Perturbs whole input rows (and columns) one at a time, all in one batch,
	 * and records which change one central score: exactly 70 contiguous rows
	 * and columns do. Without normalisation, as instance norm's statistics
	 * make every score depend on the whole image.
	 */
	@Test
	void patchGanSeesSeventyBySeventyPixels()
	{
		final PatchConfig config = new PatchConfig( 2, 3 );
		config.norm = false;
		final PatchDiscriminator d = new PatchDiscriminator( config );
		final int size = 128;
		final Shape one = new Shape( 1, 1, size, size );
		d.initialize( manager, DataType.FLOAT32, one );
		assertEquals( new Shape( 1, 1, 14, 14 ), d.getOutputShapes( new Shape[] { one } )[ 0 ] );
		final ParameterStore store = new ParameterStore( manager, false );
		final float[] base = manager.randomNormal( one ).toFloatArray();
		for ( final boolean rows : new boolean[] { true, false } )
		{
			// image 0 unperturbed, image k + 1 with row (column) k raised by 1
			final float[] batch = new float[ ( size + 1 ) * size * size ];
			for ( int k = 0; k <= size; k++ )
				System.arraycopy( base, 0, batch, k * size * size, base.length );
			for ( int k = 0; k < size; k++ )
				for ( int t = 0; t < size; t++ )
					batch[ ( k + 1 ) * size * size + ( rows ? k * size + t : t * size + k ) ] += 1;
			final NDArray scores = d.forward( store, new NDList( manager.create( batch, new Shape( size + 1, 1, size, size ) ) ), false ).singletonOrThrow();
			final float[] centre = scores.get( ":, 0, 7, 7" ).toFloatArray();
			int first = -1, last = -1, count = 0;
			for ( int k = 0; k < size; k++ )
				if ( centre[ k + 1 ] != centre[ 0 ] )
				{
					if ( first < 0 )
						first = k;
					last = k;
					count++;
				}
			assertEquals( 70, count, rows ? "rows" : "columns" );
			assertEquals( 69, last - first, "contiguous" );
		}
	}

	@Test
	void multiHeadShapesAndFeatures()
	{
		final Shape shape = new Shape( 2, 1, 128, 128 );
		final ParameterStore store = new ParameterStore( manager, false );
		final MultiHeadDiscriminator dbl = MultiHeadDiscriminator.doubleScale( new PatchConfig( 2, 3 ) );
		dbl.initialize( manager, DataType.FLOAT32, shape );
		final NDList maps = dbl.forward( store, new NDList( manager.randomNormal( shape ) ), false );
		assertEquals( 2, maps.size() );
		assertEquals( new Shape( 2, 1, 14, 14 ), maps.get( 0 ).getShape(), "70x70 head: 128 -> 64 -> 32 -> 16 -> 15 -> 14" );
		assertEquals( new Shape( 2, 1, 2, 2 ), maps.get( 1 ).getShape(), "286x286 head: 128 -> ... -> 4 -> 3 -> 2" );
		assertArrayEquals( new Shape[] { maps.get( 0 ).getShape(), maps.get( 1 ).getShape() }, dbl.getOutputShapes( new Shape[] { shape } ) );
		assertEquals( 4 + 6, dbl.features( store, manager.randomNormal( shape ), false ).size(), "stage outputs of both heads" );

		final MultiHeadDiscriminator pyramid = MultiHeadDiscriminator.multiScale( new PatchConfig( 2, 3 ), 2 );
		final Shape big = new Shape( 1, 1, 128, 128 );
		pyramid.initialize( manager, DataType.FLOAT32, big );
		final NDList pm = pyramid.forward( store, new NDList( manager.randomNormal( big ) ), false );
		assertEquals( new Shape( 1, 1, 14, 14 ), pm.get( 0 ).getShape() );
		assertEquals( new Shape( 1, 1, 6, 6 ), pm.get( 1 ).getShape(), "the second head sees the half-size image" );
		assertTrue( new PatchConfig( 64, 5 ).toString().contains( "286" ) );
	}

	@Test
	void minibatchStandardDeviationChannel()
	{
		// two images of 1 channel, 1x2 pixels: {0, 2} and {2, 6}; batch stds 1 and 2, mean 1.5
		final NDArray x = manager.create( new float[] { 0, 2, 2, 6 }, new Shape( 2, 1, 1, 2 ) );
		final NDArray y = MinibatchStd.apply( x );
		assertEquals( new Shape( 2, 2, 1, 2 ), y.getShape() );
		assertArrayEquals( new float[] { 0, 2, 1.5f, 1.5f, 2, 6, 1.5f, 1.5f }, y.toFloatArray(), 1e-4f );
		final PatchConfig config = new PatchConfig( 2, 3 );
		config.minibatchStd = true;
		final PatchDiscriminator d = new PatchDiscriminator( config );
		final Shape shape = new Shape( 2, 1, 32, 32 );
		d.initialize( manager, DataType.FLOAT32, shape );
		assertEquals( new Shape( 2, 1, 2, 2 ), d.forward( new ParameterStore( manager, false ), new NDList( manager.randomNormal( shape ) ), false ).singletonOrThrow().getShape() );
	}
}
