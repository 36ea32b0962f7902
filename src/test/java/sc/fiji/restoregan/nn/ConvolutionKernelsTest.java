package sc.fiji.restoregan.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import sc.fiji.restoregan.nn.ConvolutionKernels.Convolution;
import sc.fiji.restoregan.nn.ConvolutionKernels.Status;

class ConvolutionKernelsTest
{
	/** The plain loop itself, padded or not: what a sound engine computes. */
	private static final Convolution RIGHT = ( x, w, b, padded ) -> ConvolutionKernels.reference( x, w, b );

	@Test
	void aConvolutionThatAgreesWithThePlainLoopIsSound()
	{
		final ConvolutionKernels.Result r = ConvolutionKernels.check( RIGHT );
		assertEquals( Status.SOUND, r.status() );
		assertTrue( r.faults().isEmpty() );
		assertEquals( "", r.describe() );
	}

	@Test
	void wrongOnlyWithoutPaddingMeansPadded()
	{
		// off by 0.5 everywhere unless the channels are padded: every probe fails, every padded one passes
		final Convolution tails = ( x, w, b, padded ) -> {
			final float[] y = ConvolutionKernels.reference( x, w, b );
			if ( !padded )
				for ( int i = 0; i < y.length; i++ )
					y[ i ] += 0.5f;
			return y;
		};
		final ConvolutionKernels.Result r = ConvolutionKernels.check( tails );
		assertEquals( Status.PADDED, r.status() );
		assertEquals( ConvolutionKernels.CHANNELS.length * ConvolutionKernels.SIDES.length, r.faults().size() );
		assertEquals( "24 channels, 32 px: off by 0.50", r.faults().get( 2 ) );
		assertTrue( r.describe().contains( "zero-padded to multiples of 16" ), r.describe() );
	}

	@Test
	void wrongEvenWhenPaddedOrNotANumberMeansUnsound()
	{
		final Convolution nan = ( x, w, b, padded ) -> {
			final float[] y = ConvolutionKernels.reference( x, w, b );
			if ( x.shape().get( 1 ) == 20 )
				y[ 3 ] = Float.NaN;
			return y;
		};
		final ConvolutionKernels.Result r = ConvolutionKernels.check( nan );
		assertEquals( Status.UNSOUND, r.status() );
		assertEquals( 2, r.faults().size() );
		assertTrue( r.describe().contains( "ONEDNN_MAX_CPU_ISA=SSE41" ), r.describe() );
	}

	@Test
	void theEnginesPaddedConvolutionsAgreeWithThePlainLoop()
	{
		// what PADDED relies on, on the engine at hand: zero channels and zero weights change nothing
		try ( NDManager m = NDManager.newBaseManager( Device.cpu(), "PyTorch" ) )
		{
			final Convolution engine = ConvolutionKernels.engine( m );
			final Convolution alwaysPadded = ( x, w, b, padded ) -> engine.apply( x, w, b, true );
			assertEquals( Status.SOUND, ConvolutionKernels.check( alwaysPadded ).status(), () -> ConvolutionKernels.check( alwaysPadded ).faults().toString() );
		}
	}

	@Test
	void thePlainLoopIsACrossCorrelationWithZeroPadding()
	{
		// one channel, a 3x3 plane, weight 1 at the top-left tap: each output is the input up and to the left
		final float[] w = new float[ 9 ];
		w[ 0 ] = 1;
		final float[] x = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
		final float[] y = ConvolutionKernels.reference( new ConvolutionKernels.Data( x, new Shape( 1, 1, 3, 3 ) ), new ConvolutionKernels.Data( w, new Shape( 1, 1, 3, 3 ) ), new float[] { 0.5f } );
		assertEquals( Arrays.toString( new float[] { 0.5f, 0.5f, 0.5f, 0.5f, 1.5f, 2.5f, 0.5f, 4.5f, 5.5f } ), Arrays.toString( y ) );
	}
}
