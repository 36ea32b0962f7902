package sc.fiji.restoregan.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import sc.fiji.restoregan.normalize.AffineFit;

/** Rolling ball (ij.jar, headless), Gaussian background subtraction and flat-field correction. */
class BackgroundAndLightingTest
{
	private static final int N = 96;

	/** Small bright spots on a sloping background. */
	private static float[] spotsOnSlope( final float[] spots )
	{
		final float[] img = new float[ N * N ];
		for ( int y = 0; y < N; y++ )
			for ( int x = 0; x < N; x++ )
				img[ y * N + x ] = spots[ y * N + x ] + 0.5f + 0.004f * x + 0.002f * y;
		return img;
	}

	private static float[] spots()
	{
		final float[] s = new float[ N * N ];
		for ( int k = 0; k < 12; k++ )
		{
			final int cx = 10 + ( k * 37 ) % 76, cy = 10 + ( k * 53 ) % 76;
			for ( int y = -2; y <= 2; y++ )
				for ( int x = -2; x <= 2; x++ )
					s[ ( cy + y ) * N + cx + x ] = 1;
		}
		return s;
	}

	@Test
	void rollingBallRemovesASlopingBackground()
	{
		final float[] spots = spots(), img = spotsOnSlope( spots );
		final float[] out = RollingBall.subtract( img, N, N, 10 );
		assertTrue( Planes2d.maxDifference( spots, out ) < 0.05, "max difference " + Planes2d.maxDifference( spots, out ) );
		final Tuned best = RollingBall.best( img, N, N, o -> Planes2d.psnr( spots, o, N ) );
		assertTrue( best.score() > 25, best.toString() );
	}

	@Test
	void gaussianBackgroundRemovesTheSlopeUpToAnAffineFit()
	{
		final float[] spots = spots(), img = spotsOnSlope( spots );
		final double before = Planes2d.psnr( spots, AffineFit.fitted( img, spots ), N );
		final Tuned best = GaussianBackground.best( img, N, N, o -> Planes2d.psnr( spots, AffineFit.fitted( o, spots ), N ) );
		assertTrue( best.score() > before + 3, best + " vs " + before );
	}

	@Test
	void flatFieldEvensOutAVignette()
	{
		final float[] clean = Planes2d.scene( N, 8 ), lit = new float[ N * N ];
		for ( int i = 0; i < N; i++ )
			for ( int j = 0; j < N; j++ )
				lit[ i * N + j ] = ( float ) ( ( clean[ i * N + j ] + 0.1 ) * ( 0.3 + 0.7 * j / ( N - 1.0 ) ) );
		final double before = Planes2d.psnr( clean, AffineFit.fitted( lit, clean ), N );
		assertTrue( Planes2d.psnr( clean, AffineFit.fitted( FlatField.correct( lit, N, N, 40 ), clean ), N ) > before + 3 );
		final Tuned best = FlatField.best( lit, N, N, o -> Planes2d.psnr( clean, AffineFit.fitted( o, clean ), N ) );
		assertTrue( best.score() > before + 3, best.toString() );
		assertTrue( best.setting().startsWith( "sigma " ), best.setting() );
		assertEquals( "flat-field", best.method() );
	}
}
