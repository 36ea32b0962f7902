package sc.fiji.restoregan.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

/** The WGAN-GP penalty by double backpropagation, checked by hand and by finite differences. */
class GradientPenaltyTest
{
	private NDManager manager;

	@BeforeEach
	void setUp()
	{
		manager = NDManager.newBaseManager( "PyTorch" );
		Engine.getEngine( "PyTorch" ).setRandomSeed( 3 );
	}

	@AfterEach
	void tearDown()
	{
		manager.close();
	}

	private Block critic( final Block block, final Shape input )
	{
		block.initialize( manager, DataType.FLOAT64, input );
		block.getParameters().forEach( p -> p.getValue().getArray().setRequiresGradient( true ) );
		return block;
	}

	/** Penalty value and, in {@code gradient}, the gradient of the penalty with respect to the first weight array. */
	private static double penalty( final Block critic, final NDArray real, final NDArray fake, final NDArray eps, final double[] gradient )
	{
		final ParameterStore store = new ParameterStore( real.getManager(), false );
		try ( GradientCollector gc = Engine.getEngine( "PyTorch" ).newGradientCollector() )
		{
			final NDArray p = new GradientPenalty( 10 ).penalty( critic, store, real, fake, eps );
			for ( final var w : critic.getParameters() )
				assertEquals( 0, w.getValue().getArray().getGradient().abs().sum().getDouble(), "weights' gradients zeroed after the inner pass" );
			gc.backward( p );
			if ( gradient != null )
			{
				final double[] g = critic.getParameters().get( 0 ).getValue().getArray().getGradient().toDoubleArray();
				System.arraycopy( g, 0, gradient, 0, g.length );
			}
			return p.getDouble();
		}
	}

	@Test
	void linearCriticByHand()
	{
		// D(x) = sum of w x over a 2x2 image: grad_x = w at 4 pixels, norm 2|w|;
		// penalty 10 (2w - 1)^2 = 250 at w = 3, d/dw = 40 (2w - 1) = 200
		final Block d = critic( Conv2d.builder().setKernelShape( new Shape( 1, 1 ) ).setFilters( 1 ).optBias( false ).build(), new Shape( 1, 1, 2, 2 ) );
		d.getParameters().get( 0 ).getValue().getArray().set( new double[] { 3 } );
		final NDArray real = manager.randomUniform( 0, 1, new Shape( 1, 1, 2, 2 ), DataType.FLOAT64 );
		final NDArray fake = manager.randomUniform( 0, 1, new Shape( 1, 1, 2, 2 ), DataType.FLOAT64 );
		final double[] g = new double[ 1 ];
		assertEquals( 250, penalty( d, real, fake, manager.create( new double[] { 0.3 } ), g ), 1e-9 );
		assertEquals( 200, g[ 0 ], 1e-9, "the penalty's gradient reaches the critic's weight" );
	}

	@Test
	void gradientMatchesFiniteDifferencesOnANonlinearCritic()
	{
		final SequentialBlock block = new SequentialBlock()
				.add( Conv2d.builder().setKernelShape( new Shape( 3, 3 ) ).optPadding( new Shape( 1, 1 ) ).setFilters( 2 ).build() )
				.add( Activation::tanh )
				.add( Conv2d.builder().setKernelShape( new Shape( 1, 1 ) ).setFilters( 1 ).build() );
		final Shape shape = new Shape( 2, 1, 4, 4 );
		final Block d = critic( block, shape );
		final NDArray real = manager.randomNormal( 0, 1, shape, DataType.FLOAT64 );
		final NDArray fake = manager.randomNormal( 0, 1, shape, DataType.FLOAT64 );
		final NDArray eps = manager.create( new double[] { 0.25, 0.7 } );
		final NDArray w = d.getParameters().get( 0 ).getValue().getArray();
		final double[] analytic = new double[ ( int ) w.size() ];
		penalty( d, real, fake, eps, analytic );
		final double h = 1e-6;
		double maxAbs = 0;
		for ( final int i : new int[] { 0, 4, 9, 17 } )
		{
			final double[] values = w.toDoubleArray();
			final double original = values[ i ];
			values[ i ] = original + h;
			w.set( values );
			final double plus = penalty( d, real, fake, eps, null );
			values[ i ] = original - h;
			w.set( values );
			final double minus = penalty( d, real, fake, eps, null );
			values[ i ] = original;
			w.set( values );
			final double numeric = ( plus - minus ) / ( 2 * h );
			assertEquals( numeric, analytic[ i ], 1e-5 * Math.max( 1, Math.abs( numeric ) ), "weight " + i );
			maxAbs = Math.max( maxAbs, Math.abs( numeric ) );
		}
		assertTrue( maxAbs > 1e-3, "the checked gradients are not all trivial: " + maxAbs );
	}
}
