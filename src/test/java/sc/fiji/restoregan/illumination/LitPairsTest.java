package sc.fiji.restoregan.illumination;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imglib2.img.array.ArrayImgs;

import sc.fiji.restoregan.degrade.Lighting;
import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.train.CleanSource;
import sc.fiji.restoregan.train.ScaledBatch;

class LitPairsTest
{
	private static final int N = IlluminationInputs.SIZE * IlluminationInputs.SIZE;

	@TempDir
	static Path dir;

	private static List< CleanSource > sources;

	/** A folder of one seeded 300 x 300 image, and one left out. */
	@BeforeAll
	static void sources() throws Exception
	{
		final Random rnd = new Random( 3 );
		for ( final String name : List.of( "a.tif", "held.tif" ) )
		{
			final float[] x = new float[ 300 * 300 ];
			for ( int i = 0; i < x.length; i++ )
				x[ i ] = ( float ) ( 100 + 20 * Math.sin( i % 300 / 9.0 ) + 5 * rnd.nextGaussian() );
			ImageFiles.writeFloatTiff( ArrayImgs.floats( x, 300, 300 ), dir.resolve( name ) );
		}
		sources = LitPairs.sources( dir, Set.of( "held.tif" ) );
	}

	@Test
	void aBatchIsAFunctionOfTheStep()
	{
		for ( final IlluminationNetwork n : IlluminationNetwork.values() )
		{
			final ScaledBatch a = n.sampler( sources, 7 ).pairs( 3, 4 ), b = n.sampler( sources, 7 ).pairs( 3, 4 ), c = n.sampler( sources, 7 ).pairs( 4, 4 );
			assertArrayEquals( a.inputs(), b.inputs() );
			assertArrayEquals( a.targets(), b.targets() );
			assertFalse( Arrays.equals( a.inputs(), c.inputs() ) );
			assertEquals( 2, a.inputChannels() );
			assertEquals( 4 * 2 * N, a.inputs().length );
			assertEquals( 4 * N, a.targets().length );
			assertTrue( n.sampler( sources, 7 ).recipe().get( "sources" ).getAsString().contains( "a.tif" ) );
			assertFalse( n.sampler( sources, 7 ).recipe().get( "sources" ).getAsString().contains( "held.tif" ) );
		}
	}

	@Test
	void fieldTargetsAreLogFieldsOfMeanZero()
	{
		final ScaledBatch b = IlluminationNetwork.FIELD.sampler( sources, 1 ).pairs( 0, 6 );
		boolean uneven = false;
		for ( int i = 0; i < 6; i++ )
		{
			double mean = 0, lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
			for ( int j = 0; j < N; j++ )
			{
				final float v = b.targets()[ i * N + j ];
				mean += v;
				lo = Math.min( lo, v );
				hi = Math.max( hi, v );
			}
			assertEquals( 0, mean / N, 1e-5 );
			uneven |= hi - lo > 0.1;
		}
		assertTrue( uneven, "some fields are uneven" );
	}

	@Test
	void gammaTargetsAreTheLogGammaEverywhere()
	{
		final ScaledBatch b = IlluminationNetwork.GAMMA.sampler( sources, 1 ).pairs( 0, 6 );
		for ( int i = 0; i < 6; i++ )
		{
			final float v = b.targets()[ i * N ];
			assertTrue( v >= Math.log( Lighting.GAMMA.min() ) - 1e-6 && v <= Math.log( Lighting.GAMMA.max() ) + 1e-6, "log gamma " + v );
			for ( int j = 0; j < N; j++ )
				assertEquals( v, b.targets()[ i * N + j ] );
		}
	}

	@Test
	void variedSourcesSayHowAndPlainOnesReplayTheDefault() throws Exception
	{
		final List< CleanSource > plain = LitPairs.sources( dir, Set.of( "held.tif" ), 1, 0 ), varied = LitPairs.sources( dir, Set.of( "held.tif" ), 3, 0.5, 0.25, 0.2 );
		final ScaledBatch a = IlluminationNetwork.FIELD.sampler( sources, 5 ).pairs( 2, 8 ), b = IlluminationNetwork.FIELD.sampler( plain, 5 ).pairs( 2, 8 );
		assertArrayEquals( a.inputs(), b.inputs() );
		assertArrayEquals( a.targets(), b.targets() );
		final String recipe = IlluminationNetwork.FIELD.sampler( varied, 5 ).recipe().get( "sources" ).getAsString();
		assertTrue( recipe.contains( "zoomed out by a factor drawn log-uniformly from 1 to 3.0, the region at most the plane's shorter side" ), recipe );
		assertTrue( recipe.contains( "0.50 of the regions with a random tone curve" ), recipe );
		assertTrue( recipe.contains( "0.25 of the regions shaded by 1 to 3 soft discs, sigma 0.08 to 0.20" ), recipe );
		final ScaledBatch c = IlluminationNetwork.FIELD.sampler( varied, 5 ).pairs( 2, 8 );
		assertFalse( Arrays.equals( a.inputs(), c.inputs() ) );
		for ( final float v : c.inputs() )
			assertTrue( Float.isFinite( v ) );
	}

	@Test
	void fieldPairsWithExtremesAddTwoPlanesToTheSameDraws()
	{
		final int n = IlluminationInputs.SIZE * IlluminationInputs.SIZE;
		final ScaledBatch two = IlluminationNetwork.FIELD.sampler( sources, 3 ).pairs( 1, 3 ), four = IlluminationNetwork.FIELD.sampler( sources, 3, IlluminationInputs.EXTREME_PLANES ).pairs( 1, 3 );
		assertEquals( IlluminationInputs.EXTREME_PLANES, four.inputChannels() );
		assertEquals( 3 * 4 * n, four.inputs().length );
		assertArrayEquals( two.targets(), four.targets() );
		for ( int i = 0; i < 3; i++ )
			assertArrayEquals( Arrays.copyOfRange( two.inputs(), i * 2 * n, ( i + 1 ) * 2 * n ), Arrays.copyOfRange( four.inputs(), i * 4 * n, i * 4 * n + 2 * n ) );
		assertTrue( IlluminationNetwork.FIELD.sampler( sources, 3, 4 ).recipe().get( "input" ).getAsString().endsWith( "(four planes)" ) );
		assertThrows( IllegalArgumentException.class, () -> IlluminationNetwork.GAMMA.sampler( sources, 3, 4 ) );
		assertThrows( IllegalArgumentException.class, () -> new LitFieldPairs( sources, 3, 3 ) );
		assertEquals( 4, IlluminationNetwork.FIELD.config( 10, 3, 4 ).architecture.inChannels() );
	}
}
