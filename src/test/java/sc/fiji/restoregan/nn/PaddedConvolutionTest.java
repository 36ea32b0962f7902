package sc.fiji.restoregan.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

class PaddedConvolutionTest
{
	@Test
	void channelsArePaddedToMultiplesOfSixteen()
	{
		final int[][] cases = { { 1, 16 }, { 7, 16 }, { 8, 16 }, { 12, 16 }, { 16, 16 }, { 20, 32 }, { 24, 32 }, { 36, 48 }, { 48, 48 }, { 72, 80 } };
		for ( final int[] c : cases )
			assertEquals( c[ 1 ], PaddedConvolution.paddedChannels( c[ 0 ] ), "channels " + c[ 0 ] );
	}

	@Test
	void paddingAddsZerosAndKeepsWhatNeedsNone()
	{
		try ( NDManager m = NDManager.newBaseManager( Device.cpu(), "PyTorch" ) )
		{
			final NDArray w = m.arange( 24f * 9 ).reshape( 2, 12, 3, 3 );
			final NDArray p = PaddedConvolution.padAxis( w, 1, m );
			assertEquals( new Shape( 2, 16, 3, 3 ), p.getShape() );
			assertEquals( w.sum().getFloat(), p.sum().getFloat() );
			assertEquals( 0f, p.get( ":, 12:" ).abs().sum().getFloat() );
			final NDArray whole = m.ones( new Shape( 1, 32, 4, 4 ) );
			assertSame( whole, PaddedConvolution.padAxis( whole, 1, m ) );
		}
	}

	/**
	 * A stack of convolutions of 1, 12 and 24 channels (bias, ReLU) computes
	 * the same output and the same weight gradients with its channels padded
	 * as without: what the U-Nets of 12 and 24 base filters run where the
	 * kernels need it. The plain pass is the reference only where the
	 * kernels are sound (the tests pin them to SSE4.1, pom.xml).
	 */
	@Test
	void paddedForwardAndGradientsMatchThePlainOnes()
	{
		assumeTrue( ConvolutionKernels.cpu().status() == ConvolutionKernels.Status.SOUND, "the plain convolutions are wrong on this CPU: " + ConvolutionKernels.cpu().describe() );
		try ( Model model = Model.newInstance( "padded", Device.cpu(), "PyTorch" ) )
		{
			final SequentialBlock net = new SequentialBlock();
			for ( final int filters : new int[] { 12, 24, 24, 1 } )
				net.add( Conv2d.builder().setKernelShape( new Shape( 3, 3 ) ).optPadding( new Shape( 1, 1 ) ).setFilters( filters ).build() ).add( Activation.reluBlock() );
			model.setBlock( net );
			final NDManager manager = model.getNDManager();
			Engine.getEngine( "PyTorch" ).setRandomSeed( 3 );
			net.initialize( manager, DataType.FLOAT32, new Shape( 2, 1, 20, 20 ) );
			net.getParameters().forEach( p -> p.getValue().getArray().setRequiresGradient( true ) );
			final ParameterStore store = new ParameterStore( manager, false );
			final NDArray x = manager.randomNormal( new Shape( 2, 1, 20, 20 ) );
			final float[][] plain = run( net, store, manager, x, false ), padded = run( net, store, manager, x, true );
			for ( int i = 0; i < plain.length; i++ )
				assertArrayEquals( plain[ i ], padded[ i ], 1e-4f * ( 1 + max( plain[ i ] ) ), i == 0 ? "output" : "gradient " + i );
		}
	}

	/** The output, then every parameter's gradient of the output's squared sum. */
	private static float[][] run( final SequentialBlock net, final ParameterStore store, final NDManager manager, final NDArray x, final boolean padded )
	{
		final List< float[] > out = new ArrayList<>();
		try ( NDManager sub = manager.newSubManager(); GradientCollector gc = Engine.getEngine( "PyTorch" ).newGradientCollector() )
		{
			final NDArray input = x.duplicate();
			input.attach( sub );
			final NDArray y = padded ? PaddedConvolution.padded( net, store, input, true ) : net.forward( store, new ai.djl.ndarray.NDList( input ), true ).singletonOrThrow();
			gc.backward( y.square().sum() );
			out.add( y.toFloatArray() );
		}
		net.getParameters().forEach( p -> {
			final NDArray g = p.getValue().getArray().getGradient();
			out.add( g.toFloatArray() );
			g.subi( g );
		} );
		return out.toArray( float[][]::new );
	}

	private static float max( final float[] a )
	{
		float m = 0;
		for ( final float v : a )
			m = Math.max( m, Math.abs( v ) );
		return m;
	}
}
