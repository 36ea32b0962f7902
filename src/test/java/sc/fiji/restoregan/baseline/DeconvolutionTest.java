package sc.fiji.restoregan.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import sc.fiji.restoregan.degrade.Convolution;
import sc.fiji.restoregan.degrade.Kernel;
import sc.fiji.restoregan.degrade.Kernels;

/** FFT convolution on the mirror grid, Richardson-Lucy and Wiener with the true PSF. */
class DeconvolutionTest
{
	private static final int N = 64;

	@Test
	void fftConvolutionMatchesDirectConvolutionWithMirrorBorders()
	{
		final float[] img = Planes2d.noisy( Planes2d.scene( N, 1 ), 0.05, 1 );
		final Kernel k = Kernels.anisotropicGaussian( 3, 1, 30 );
		final MirrorFft fft = new MirrorFft( N, N, k.radius() );
		final float[] viaFft = fft.crop( fft.inverse( MirrorFft.multiply( fft.forward( fft.extend( img ) ), fft.transfer( k ), false ) ) );
		assertTrue( Planes2d.maxDifference( Convolution.apply( img, N, N, k ), viaFft ) < 1e-5 );
	}

	@Test
	void roundTripIsExact()
	{
		final float[] img = Planes2d.scene( N, 2 );
		final MirrorFft fft = new MirrorFft( N, N - 10, 5 );
		final float[] back = fft.crop( fft.inverse( fft.forward( fft.extend( java.util.Arrays.copyOf( img, N * ( N - 10 ) ) ) ) ) );
		assertTrue( Planes2d.maxDifference( java.util.Arrays.copyOf( img, N * ( N - 10 ) ), back ) < 1e-6 );
	}

	@Test
	void richardsonLucySharpensAndKeepsFlux()
	{
		final float[] clean = Planes2d.scene( N, 3 );
		final Kernel psf = Kernels.gaussian( 2 );
		final float[] blurred = Convolution.apply( clean, N, N, psf );
		final List< float[] > outs = RichardsonLucy.deconvolve( blurred, N, N, psf, 0, 10, 50 );
		assertTrue( Planes2d.maxDifference( outs.get( 0 ), blurred ) < 1e-6 );
		final double before = Planes2d.psnr( clean, blurred, N );
		assertTrue( Planes2d.psnr( clean, outs.get( 1 ), N ) > before + 2 );
		assertTrue( Planes2d.psnr( clean, outs.get( 2 ), N ) > Planes2d.psnr( clean, outs.get( 1 ), N ) );
		assertEquals( sum( blurred ), sum( outs.get( 2 ) ), 0.01 * sum( blurred ) );
		final Tuned best = RichardsonLucy.best( blurred, N, N, psf, out -> Planes2d.psnr( clean, out, N ) );
		assertTrue( best.score() >= Planes2d.psnr( clean, outs.get( 2 ), N ) - 1e-9, best.setting() );
	}

	@Test
	void wienerWithSmallBalanceInvertsANoiselessBlur()
	{
		final float[] clean = Planes2d.scene( N, 4 );
		final Kernel psf = Kernels.gaussian( 1 );
		final float[] blurred = Convolution.apply( clean, N, N, psf );
		final float[][] outs = WienerDeconvolution.deconvolve( blurred, N, N, psf, 1e-6, 1e-1 );
		final double before = Planes2d.psnr( clean, blurred, N );
		assertTrue( Planes2d.psnr( clean, outs[ 0 ], N ) > before + 10 );
		assertTrue( Planes2d.psnr( clean, outs[ 0 ], N ) > Planes2d.psnr( clean, outs[ 1 ], N ) );
		final float[] noisy = Planes2d.noisy( blurred, 0.01, 5 );
		final Tuned best = WienerDeconvolution.best( noisy, N, N, psf, out -> Planes2d.psnr( clean, out, N ) );
		assertTrue( best.score() > Planes2d.psnr( clean, noisy, N ), best.toString() );
	}

	/**
	 * A plane too large for one grid is deconvolved in overlapping tiles,
	 * along one axis or both, and gives what the whole-plane deconvolution
	 * gives: the overlap hides the tiles' own borders.
	 */
	@Test
	void tiledWienerMatchesTheWholePlane()
	{
		final int w = 300, h = 260;
		final float[] clean = new float[ w * h ];
		final float[] big = Planes2d.scene( 300, 6 );
		System.arraycopy( big, 0, clean, 0, w * h );
		final Kernel psf = Kernels.gaussian( 2 );
		final float[] noisy = Planes2d.noisy( Convolution.apply( clean, w, h, psf ), 0.01, 7 );
		final double[] balances = { 0.003, 0.03, 0.3 };
		final float[][] whole = WienerDeconvolution.deconvolve( noisy, w, h, psf, 4096, balances );
		for ( final int[] size : new int[][] { { w, h }, { w, 200 } } )
		{
			final float[] plane = java.util.Arrays.copyOf( noisy, size[ 0 ] * size[ 1 ] );
			final float[][] reference = size[ 1 ] == h ? whole : WienerDeconvolution.deconvolve( plane, size[ 0 ], size[ 1 ], psf, 4096, balances );
			final float[][] tiled = WienerDeconvolution.deconvolve( plane, size[ 0 ], size[ 1 ], psf, 256, balances );
			for ( int b = 0; b < balances.length; b++ )
			{
				double max = 0;
				for ( int i = 0; i < plane.length; i++ )
					max = Math.max( max, Math.abs( tiled[ b ][ i ] - reference[ b ][ i ] ) );
				assertTrue( max < 1e-4, size[ 1 ] + " rows, balance " + balances[ b ] + ": " + max );
			}
		}
		// grids too small for the overlap a PSF needs are refused, not cut into slivers
		assertThrows( IllegalArgumentException.class, () -> WienerDeconvolution.deconvolve( noisy, w, h, psf, 64, balances ) );
	}

	private static double sum( final float[] a )
	{
		double s = 0;
		for ( final float v : a )
			s += v;
		return s;
	}
}
