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
