package sc.fiji.restoregan.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

/**
 * WGAN-QC on one-pixel images with the linear critic D(x) = 3 x: real {0, 10},
 * fake {9, 1}, K = 1. Fake 9 is matched to real 10 and fake 1 to real 0,
 * each at distance 1; the critic's input gradient is 3.
 */
class WganQcLossTest
{
	private static double loss( final double gamma )
	{
		try ( NDManager manager = NDManager.newBaseManager( "PyTorch" ) )
		{
			final Block critic = Conv2d.builder().setKernelShape( new Shape( 1, 1 ) ).setFilters( 1 ).optBias( false ).build();
			critic.initialize( manager, DataType.FLOAT32, new Shape( 2, 1, 1, 1 ) );
			critic.getParameters().get( 0 ).getValue().getArray().set( new float[] { 3 } );
			critic.getParameters().get( 0 ).getValue().getArray().setRequiresGradient( true );
			final NDArray real = manager.create( new float[] { 0, 10 }, new Shape( 2, 1, 1, 1 ) );
			final NDArray fake = manager.create( new float[] { 9, 1 }, new Shape( 2, 1, 1, 1 ) );
			try ( GradientCollector gc = Engine.getEngine( "PyTorch" ).newGradientCollector() )
			{
				final NDArray l = new WganQcLoss( gamma ).discriminatorLoss( critic, new ParameterStore( manager, false ), real, fake );
				gc.backward( l );
				return l.getFloat();
			}
		}
	}

	@Test
	void regressionOntoThePotentials()
	{
		final QuadraticTransport.Plan plan = QuadraticTransport.solve( QuadraticTransport.quadraticCost( new float[] { 0, 10 }, new float[] { 9, 1 }, 2 ) );
		final double meanPhi = ( plan.real()[ 0 ] + plan.real()[ 1 ] ) / 2;
		// D(real) = {0, 30}, mean 15; D(fake) = {27, 3}
		final double expected = 0.5 * Math.pow( 15 - meanPhi, 2 ) + 0.5 * ( Math.pow( 27 - plan.fake()[ 0 ], 2 ) + Math.pow( 3 - plan.fake()[ 1 ], 2 ) ) / 2;
		assertEquals( expected, loss( 0 ), 1e-3 * expected );
	}

	@Test
	void transportRegulariserByHand()
	{
		// 4 sqrt(K) gamma * 1/2 * mean (|grad| / (2 sqrt K) - sqrt(K) / 2 * distance)^2 = 2 gamma (3/2 - 1/2)^2 = 0.2
		assertEquals( 0.2, loss( 0.1 ) - loss( 0 ), 1e-3 );
	}
}
