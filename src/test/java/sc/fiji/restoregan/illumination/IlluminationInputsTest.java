package sc.fiji.restoregan.illumination;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

class IlluminationInputsTest
{
	private static final int N = IlluminationInputs.SIZE;

	@Test
	void areaMeanAveragesBlocks()
	{
		// 128 x 192 px: each output pixel averages a 2 x 3 block
		final int w = 128, h = 192;
		final float[] ramp = new float[ w * h ];
		for ( int y = 0; y < h; y++ )
			for ( int x = 0; x < w; x++ )
				ramp[ y * w + x ] = x + 1000 * y;
		final float[] small = IlluminationInputs.areaMean( ramp, w, h );
		assertEquals( N * N, small.length );
		for ( final int[] p : new int[][] { { 0, 0 }, { 5, 7 }, { 63, 63 } } )
			assertEquals( 2 * p[ 0 ] + 0.5 + 1000 * ( 3 * p[ 1 ] + 1 ), small[ p[ 1 ] * N + p[ 0 ] ], 1e-2 );
	}

	@Test
	void areaMeanKeepsTheMeanOfAnUnevenSize()
	{
		final int w = 100, h = 70;
		final float[] x = new float[ w * h ];
		java.util.Arrays.fill( x, 3.5f );
		for ( final float v : IlluminationInputs.areaMean( x, w, h ) )
			assertEquals( 3.5f, v, 1e-6 );
	}

	@Test
	void aSmallPlaneIsSampledNotLeftEmpty()
	{
		// 32 x 20 px: every output pixel takes the input pixel nearest its centre
		final int w = 32, h = 20;
		final float[] x = new float[ w * h ];
		for ( int i = 0; i < x.length; i++ )
			x[ i ] = 1 + i;
		final float[] small = IlluminationInputs.areaMean( x, w, h );
		for ( int y = 0; y < N; y++ )
			for ( int c = 0; c < N; c++ )
				assertEquals( x[ ( int ) ( ( y + 0.5 ) * h / N ) * w + ( int ) ( ( c + 0.5 ) * w / N ) ], small[ y * N + c ] );
	}

	@Test
	void inputsDoNotDependOnTheScale()
	{
		final Random rnd = new Random( 5 );
		final float[] x = new float[ N * N ];
		for ( int i = 0; i < x.length; i++ )
			x[ i ] = ( float ) ( 50 + 30 * rnd.nextGaussian() );
		final float[] a = IlluminationInputs.of( x );
		for ( final double k : new double[] { 0.01, 7, 3000 } )
		{
			final float[] scaled = new float[ x.length ];
			for ( int i = 0; i < x.length; i++ )
				scaled[ i ] = ( float ) ( k * x[ i ] );
			assertArrayEquals( a, IlluminationInputs.of( scaled ), 1e-4f, "scaled by " + k );
		}
		// the first plane by the 99th percentile, the second its log
		final float[] sorted = a.clone();
		java.util.Arrays.sort( sorted, 0, N * N );
		assertEquals( 1, sorted[ ( int ) ( 0.99 * ( N * N - 1 ) ) ], 1e-6 );
		assertEquals( Math.log( a[ 10 ] + 0.02 ), a[ N * N + 10 ], 1e-5 );
	}

	@Test
	void fieldInputsAddEachBlocksExtremesOnTheSameScale()
	{
		// 256 px of ones, with a 2 at the corner of each 4 x 4 block: block means 17/16, the largest value 2, the smallest 1
		final int w = 256;
		final float[] plane = new float[ w * w ];
		for ( int i = 0; i < plane.length; i++ )
			plane[ i ] = i / w % 4 == 0 && i % w % 4 == 0 ? 2 : 1;
		final float[] four = IlluminationInputs.field( plane, w, w, IlluminationInputs.EXTREME_PLANES );
		assertEquals( 4 * N * N, four.length );
		assertArrayEquals( IlluminationInputs.of( IlluminationInputs.areaMean( plane, w, w ) ), Arrays.copyOf( four, 2 * N * N ) );
		assertArrayEquals( IlluminationInputs.field( plane, w, w, IlluminationInputs.PLAIN_PLANES ), Arrays.copyOf( four, 2 * N * N ) );
		for ( final int j : new int[] { 0, 77, N * N - 1 } )
		{
			assertEquals( Math.log( 2 / ( 17 / 16.0 ) + 0.02 ), four[ 2 * N * N + j ], 1e-5 );
			assertEquals( Math.log( 1 / ( 17 / 16.0 ) + 0.02 ), four[ 3 * N * N + j ], 1e-5 );
		}
		// scaled: the same inputs
		final Random rnd = new Random( 4 );
		final float[] noisy = new float[ 300 * 200 ], brighter = new float[ noisy.length ];
		for ( int i = 0; i < noisy.length; i++ )
			brighter[ i ] = 7 * ( noisy[ i ] = ( float ) Math.abs( 1 + rnd.nextGaussian() ) );
		assertArrayEquals( IlluminationInputs.field( noisy, 300, 200, 4 ), IlluminationInputs.field( brighter, 300, 200, 4 ), 1e-5f );
		assertThrows( IllegalArgumentException.class, () -> IlluminationInputs.field( plane, w, w, 3 ) );
	}

	@Test
	void extremesOfPlanesSmallerThanTheFineGridBoundTheirOwnMeans()
	{
		// 200 x 150 px: the extremes come from the plane averaged to 192 x 128 px, never upsampled, so each pixel's lie about its mean
		final Random rnd = new Random( 9 );
		final int w = 200, h = 150;
		final float[] plane = new float[ w * h ];
		for ( int i = 0; i < plane.length; i++ )
			plane[ i ] = ( float ) ( 1 + i % w / 50.0 + rnd.nextDouble() );
		final float[] four = IlluminationInputs.field( plane, w, h, IlluminationInputs.EXTREME_PLANES );
		final int n = N * N;
		for ( int j = 0; j < n; j++ )
		{
			final double mean = four[ j ], max = Math.exp( four[ 2 * n + j ] ) - 0.02, min = Math.exp( four[ 3 * n + j ] ) - 0.02;
			assertTrue( min <= mean + 1e-5 && mean <= max + 1e-5, min + " <= " + mean + " <= " + max + " at " + j );
			assertTrue( max - min > 1e-3, "more than one value in each pixel" );
		}
		// a plane smaller than 64 px has no finer view: its extremes are its means
		final float[] tiny = IlluminationInputs.field( Arrays.copyOf( plane, 40 * 30 ), 40, 30, IlluminationInputs.EXTREME_PLANES );
		assertArrayEquals( Arrays.copyOfRange( tiny, n, 2 * n ), Arrays.copyOfRange( tiny, 2 * n, 3 * n ) );
		assertArrayEquals( Arrays.copyOfRange( tiny, n, 2 * n ), Arrays.copyOfRange( tiny, 3 * n, 4 * n ) );
	}
}
