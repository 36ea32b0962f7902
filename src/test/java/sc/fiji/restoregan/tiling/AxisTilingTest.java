package sc.fiji.restoregan.tiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class AxisTilingTest
{
	@Property( seed = "4242", tries = 200 )
	void weightsSumToOneEverywhereAndVanishNearTileBorders( @ForAll @IntRange( min = 1, max = 2000 ) final int length, @ForAll @IntRange( min = 0, max = 6 ) final int contextBlocks,
			@ForAll @IntRange( min = 1, max = 8 ) final int extraOverlap, @ForAll @IntRange( min = 1, max = 40 ) final int extraTile, @ForAll @IntRange( min = 1, max = 3 ) final int scale )
	{
		final int block = 4, context = 4 * contextBlocks, overlap = 2 * context + block * extraOverlap, tile = overlap + block * extraTile;
		final AxisTiling t = new AxisTiling( length, tile, overlap, context, block, scale );
		final double[] sum = new double[ length * scale ];
		for ( int i = 0; i < t.count(); i++ )
		{
			assertEquals( 0, Math.floorMod( t.start( i ), block ), "starts are multiples of the block" );
			final float[] w = t.weights( i );
			for ( int p = 0; p < w.length; p++ )
			{
				final long x = t.start( i ) * scale + p;
				if ( w[ p ] > 0 )
				{
					assertTrue( p >= context * scale && p < ( t.tileSize() - context ) * scale, "zero weight within the context margin" );
					assertTrue( x >= 0 && x < length * scale );
					sum[ ( int ) x ] += w[ p ];
				}
			}
		}
		for ( final double s : sum )
			assertEquals( 1, s, 1e-5 );
	}

	@Test
	void smallImageIsOneTile()
	{
		final AxisTiling t = new AxisTiling( 100, 512, 64, 28, 4, 1 );
		assertEquals( 1, t.count() );
		assertEquals( 156, t.tileSize() ); // 100 + 2 * 28, a multiple of 4
		assertEquals( -28, t.start( 0 ) );
	}

	@Test
	void largeImageTilesWithTheRequestedSize()
	{
		final AxisTiling t = new AxisTiling( 4096, 512, 64, 28, 4, 1 );
		assertEquals( 512, t.tileSize() );
		assertEquals( 448, t.start( 1 ) - t.start( 0 ) );
		assertEquals( 10, t.count() );
	}

	@Test
	void rejectsOverlapSmallerThanContext()
	{
		assertThrows( IllegalArgumentException.class, () -> new AxisTiling( 100, 64, 16, 12, 4, 1 ) );
	}
}
