package sc.fiji.restoregan.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import sc.fiji.restoregan.filter.GaussianBlur;

/** Non-local means against its limits and against the Gaussian filter. */
class NonLocalMeansTest
{
	@Test
	void hugeStrengthIsTheMirroredBoxMean()
	{
		final int w = 40, h = 30;
		final Random rnd = new Random( 5 );
		final float[] img = new float[ w * h ];
		for ( int i = 0; i < img.length; i++ )
			img[ i ] = rnd.nextFloat();
		final float[] out = NonLocalMeans.apply( img, w, h, 3, 5, 0, 1e6 )[ 0 ];
		for ( int y = 0; y < h; y++ )
			for ( int x = 0; x < w; x++ )
			{
				double s = 0;
				for ( int dy = -2; dy <= 2; dy++ )
					for ( int dx = -2; dx <= 2; dx++ )
						s += img[ GaussianBlur.mirror( y + dy, h ) * w + GaussianBlur.mirror( x + dx, w ) ];
				assertEquals( s / 25, out[ y * w + x ], 1e-5 );
			}
	}

	@Test
	void tinyStrengthKeepsTheImage()
	{
		final float[] img = Planes2d.noisy( Planes2d.scene( 32, 1 ), 0.1, 2 );
		assertTrue( Planes2d.maxDifference( img, NonLocalMeans.apply( img, 32, 32, 7, 21, 0, 1e-6 )[ 0 ] ) < 1e-6 );
	}

	@Test
	void noiseLevelIsEstimated()
	{
		final float[] flat = Planes2d.noisy( new float[ 128 * 128 ], 0.05, 3 );
		assertEquals( 0.05, NoiseLevel.sigma( flat, 128, 128 ), 0.003 );
	}

	@Test
	void beatsTheBestGaussianOnRepeatedStructure()
	{
		final int n = 128;
		final float[] clean = new float[ n * n ];
		for ( int y = 0; y < n; y++ )
			for ( int x = 0; x < n; x++ )
				clean[ y * n + x ] = ( x / 16 + y / 16 ) % 2 == 0 ? 0.2f : 0.8f;
		final float[] noisy = Planes2d.noisy( clean, 0.1, 4 );
		final Tuned nlm = NonLocalMeans.best( noisy, n, n, out -> Planes2d.psnr( clean, out, n ) );
		final Tuned gauss = ClassicalDenoisers.bestGaussian( noisy, n, n, out -> Planes2d.psnr( clean, out, n ) );
		assertTrue( nlm.score() > Planes2d.psnr( clean, noisy, n ) + 8, nlm.toString() );
		assertTrue( nlm.score() > gauss.score() + 4, nlm.score() + " vs " + gauss.score() );
	}

	/**
	 * On the square root, Poisson noise is about as strong in the bright half
	 * as in the dim one, so one strength denoises both; the result is squared
	 * back, never negative.
	 */
	@Test
	void rootedFiltersPoissonNoiseInBrightAndDimParts()
	{
		final int n = 96;
		final Random rnd = new Random( 12 );
		final float[] clean = new float[ n * n ], noisy = new float[ n * n ];
		for ( int y = 0; y < n; y++ )
			for ( int x = 0; x < n; x++ )
			{
				final int i = y * n + x;
				clean[ i ] = ( x < n / 2 ? 0.05f : 0.8f ) * ( ( x / 12 + y / 12 ) % 2 == 0 ? 1f : 0.5f );
				// Poisson with 50 photons at 1, by its normal approximation
				noisy[ i ] = ( float ) ( clean[ i ] + Math.sqrt( clean[ i ] / 50 ) * rnd.nextGaussian() );
			}
		final float[] out = NonLocalMeans.rooted( noisy, n, n, 5, 13, 1.0 )[ 0 ];
		for ( final int half : new int[] { 0, 1 } )
		{
			double before = 0, after = 0;
			for ( int y = 0; y < n; y++ )
				for ( int x = half * n / 2; x < ( half + 1 ) * n / 2; x++ )
				{
					before += Math.pow( noisy[ y * n + x ] - clean[ y * n + x ], 2 );
					after += Math.pow( out[ y * n + x ] - clean[ y * n + x ], 2 );
				}
			assertTrue( after < before / 4, "half " + half + ": " + after + " vs " + before );
		}
		for ( final float v : out )
			assertTrue( v >= 0 );
	}

	@Test
	void bestOfAllDenoisersIsAtLeastEachOne()
	{
		final int n = 64;
		final float[] clean = Planes2d.scene( n, 6 ), noisy = Planes2d.noisy( clean, 0.05, 7 );
		final var all = ClassicalDenoisers.all( noisy, n, n, out -> Planes2d.psnr( clean, out, n ) );
		final Tuned best = ClassicalDenoisers.best( noisy, n, n, out -> Planes2d.psnr( clean, out, n ) );
		assertEquals( java.util.List.of( "gaussian", "median3", "median5", "nlm" ), java.util.List.copyOf( all.keySet() ) );
		all.values().forEach( t -> assertTrue( best.score() >= t.score() ) );
		final Tuned local = ClassicalDenoisers.bestLocal( noisy, n, n, out -> Planes2d.psnr( clean, out, n ) );
		assertEquals( Math.max( all.get( "gaussian" ).score(), Math.max( all.get( "median3" ).score(), all.get( "median5" ).score() ) ), local.score(), 1e-12 );
	}
}
