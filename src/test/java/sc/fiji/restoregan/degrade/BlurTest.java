package sc.fiji.restoregan.degrade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/** Kernels sum to 1, and blurring conserves total intensity. */
class BlurTest
{
	private static final double TOLERANCE = 1e-5;

	@Property( seed = "20261124", tries = 30 )
	void gaussianKernelsSumToOne( @ForAll @DoubleRange( min = 0.8, max = 3 ) final double sigma )
	{
		assertEquals( 1, Kernels.gaussian( sigma ).sum(), TOLERANCE );
	}

	@Property( seed = "20261124", tries = 30 )
	void anisotropicKernelsSumToOne( @ForAll @DoubleRange( min = 1.5, max = 4 ) final double major, @ForAll @DoubleRange( min = 0.5, max = 1.5 ) final double minor,
			@ForAll @DoubleRange( min = 0, max = 180 ) final double angle )
	{
		assertEquals( 1, Kernels.anisotropicGaussian( major, minor, angle ).sum(), TOLERANCE );
	}

	@Property( seed = "20261124", tries = 30 )
	void diskKernelsSumToOne( @ForAll @DoubleRange( min = 1, max = 6 ) final double radius )
	{
		assertEquals( 1, Kernels.disk( radius ).sum(), TOLERANCE );
	}

	@Property( seed = "20261124", tries = 10 )
	void widefieldKernelsSumToOne( @ForAll @DoubleRange( min = 1.5, max = 4 ) final double airy, @ForAll @DoubleRange( min = 0, max = 2 ) final double defocus )
	{
		assertEquals( 1, WidefieldPsf.kernel( airy, defocus ).sum(), TOLERANCE );
	}

	@Property( seed = "20261124", tries = 20 )
	void motionKernelsSumToOne( @ForAll @LongRange( min = 0, max = 1000 ) final long seed )
	{
		final Random rnd = new Random( seed );
		final Kernel k = MotionKernel.of( MotionTrajectory.random( rnd, MotionTrajectory.LENGTH.draw( rnd ), MotionTrajectory.EXPL.draw( rnd ) ), MotionKernel.EXPOSURE.draw( rnd ) );
		assertEquals( 1, k.sum(), TOLERANCE );
	}

	@Test
	void blurConservesTotalIntensity()
	{
		// content kept away from the borders, so mirror borders play no part
		final int size = 128;
		final float[] scene = Images.scene( 64, 3 ), img = new float[ size * size ];
		for ( int y = 0; y < 64; y++ )
			System.arraycopy( scene, y * 64, img, ( y + 32 ) * size + 32, 64 );
		final Random rnd = new Random( 4 );
		for ( final Blur.Type type : Blur.Type.values() )
		{
			final float[] out = Blur.random( type, rnd ).apply( img, size, size, rnd );
			assertEquals( Images.sum( img ), Images.sum( out ), 1e-4 * Images.sum( img ), type.id() );
		}
	}

	@Test
	void identityKernelCopiesAndShiftedKernelShifts()
	{
		final float[] img = Images.scene( 32, 5 );
		assertArrayEquals( img, Convolution.apply( img, 32, 32, Kernel.identity() ) );
		// a kernel with its only weight at (+1, 0) moves the image one pixel to the right
		final float[] w = new float[ 9 ];
		w[ 5 ] = 1;
		final float[] out = Convolution.apply( img, 32, 32, new Kernel( w, 1 ) );
		assertEquals( img[ 10 * 32 + 10 ], out[ 10 * 32 + 11 ] );
	}

	@Test
	void motionTrajectoryHasTheRequestedLengthAndKernelIsCentred()
	{
		final MotionTrajectory t = MotionTrajectory.random( new Random( 6 ), 25, 0.005 );
		double length = 0;
		for ( int i = 1; i < t.length(); i++ )
			length += Math.hypot( t.x()[ i ] - t.x()[ i - 1 ], t.y()[ i ] - t.y()[ i - 1 ] );
		assertEquals( 25, length, 1e-6 );
		final Kernel k = MotionKernel.of( t, 1 );
		double cx = 0, cy = 0;
		for ( int y = -k.radius(); y <= k.radius(); y++ )
			for ( int x = -k.radius(); x <= k.radius(); x++ )
			{
				cx += x * k.at( x, y );
				cy += y * k.at( x, y );
			}
		assertEquals( 0, cx, 1e-3 );
		assertEquals( 0, cy, 1e-3 );
	}

	@Test
	void widefieldPsfHasItsFirstDarkRingAtTheAiryRadiusAndSpreadsWithDefocus()
	{
		final Kernel focus = WidefieldPsf.kernel( 3, 0 );
		final double peak = focus.at( 0, 0 );
		assertTrue( focus.at( 3, 0 ) < 0.02 * peak, "dark ring at the Airy radius" );
		assertTrue( focus.at( 1, 0 ) > 0.5 * peak );
		assertTrue( secondMoment( WidefieldPsf.kernel( 3, 1.5 ) ) > 2 * secondMoment( focus ) );
	}

	private static double secondMoment( final Kernel k )
	{
		double m = 0;
		for ( int y = -k.radius(); y <= k.radius(); y++ )
			for ( int x = -k.radius(); x <= k.radius(); x++ )
				m += ( x * x + y * y ) * k.at( x, y );
		return m;
	}
}
