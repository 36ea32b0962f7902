package sc.fiji.restoregan.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

/** Seeded scenes with sparse bright structure, in 2D and 3D. */
class MicroscopySceneTest
{
	@Test
	void sameSeedSameSceneDifferentSeedsDiffer()
	{
		final MicroscopyScene scene = MicroscopyScene.of2d( 128, 96 );
		assertArrayEquals( scene.generate( 3 ), scene.generate( 3 ) );
		assertFalse( Arrays.equals( scene.generate( 3 ), scene.generate( 4 ) ) );
		assertEquals( 128 * 96, scene.generate( 3 ).length );
	}

	@Test
	void scenesAreSparseBrightStructureOnADarkBackground()
	{
		for ( long seed = 0; seed < 5; seed++ )
		{
			final float[] v = MicroscopyScene.of2d( 192, 192 ).generate( seed );
			final float[] sorted = v.clone();
			Arrays.sort( sorted );
			final double median = sorted[ sorted.length / 2 ], p99 = sorted[ ( int ) ( 0.99 * ( sorted.length - 1 ) ) ];
			assertEquals( 1, sorted[ sorted.length - 1 ], 1e-6, "brightest pixel is 1" );
			assertTrue( sorted[ 0 ] >= 0, "no negative values" );
			assertTrue( median < 0.25 * p99, "median " + median + " well below the 99th percentile " + p99 );
			assertTrue( p99 / Math.max( median, 1e-6 ) > 4, "wide dynamic range" );
		}
	}

	@Test
	void everyStructureCanBeSwitchedOnAlone()
	{
		final SceneContent[] alone = { new SceneContent( 6, 0, 0, 0, 0, 0 ), new SceneContent( 0, 0.3, 0, 0, 0, 0 ), new SceneContent( 0, 0, 10, 0, 0, 0 ),
				new SceneContent( 0, 0, 0, 80, 0, 0 ), new SceneContent( 0, 0, 0, 0, 40, 0 ), new SceneContent( 0, 0, 0, 0, 0, 0.05 ) };
		for ( final SceneContent content : alone )
		{
			final float[] v = new MicroscopyScene( 128, 128, 1, content ).generate( 1 );
			assertEquals( 1, max( v ), 1e-6, content.toString() );
		}
		assertEquals( 0, max( new MicroscopyScene( 32, 32, 1, new SceneContent( 0, 0, 0, 0, 0, 0 ) ).generate( 1 ) ) );
	}

	@Test
	void volumesAreSeededAndVaryAlongZ()
	{
		final MicroscopyScene scene = new MicroscopyScene( 96, 96, 12, SceneContent.DEFAULT );
		final Img< FloatType > img = scene.image( 7 );
		assertArrayEquals( new long[] { 96, 96, 1, 12, 1 }, img.dimensionsAsLongArray() );
		final float[] v = scene.generate( 7 );
		assertArrayEquals( v, scene.generate( 7 ) );
		final int plane = 96 * 96;
		assertFalse( Arrays.equals( Arrays.copyOfRange( v, 0, plane ), Arrays.copyOfRange( v, 6 * plane, 7 * plane ) ) );
	}

	@Test
	void randomContentAlwaysHasStructure()
	{
		final Random rnd = new Random( 1 );
		for ( int i = 0; i < 50; i++ )
		{
			final SceneContent c = SceneContent.random( rnd );
			assertTrue( c.nuclei() + c.membranes() + c.filaments() + c.puncta() + c.vesicles() > 0 );
		}
	}

	private static float max( final float[] v )
	{
		float m = 0;
		for ( final float x : v )
			m = Math.max( m, x );
		return m;
	}
}
