package sc.fiji.restoregan.sisr.singan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

import sc.fiji.restoregan.gan.Gradients;

class SinganCriticTest
{
	private static NDArray conv1Weight( final SinganCritic critic )
	{
		return critic.getParameters().stream().filter( p -> p.getKey().contains( "conv1" ) && p.getKey().endsWith( "weight" ) ).findFirst().orElseThrow().getValue().getArray();
	}

	/**
	 * The closed-form input gradient equals autograd's (double
	 * backpropagation through PyTorch), and so do the gradients of the
	 * penalty with respect to the critic's weights.
	 */
	@Test
	void closedFormInputGradientAndPenaltyGradientsMatchAutograd()
	{
		Engine.getEngine( "PyTorch" ).setRandomSeed( 3 );
		try ( NDManager manager = NDManager.newBaseManager() )
		{
			final SinganCritic critic = new SinganCritic( 6 );
			critic.initialize( manager, DataType.FLOAT32, new Shape( 2, 1, 20, 20 ) );
			// larger weights than the N(0, 0.02) start so the gradient is far from zero
			critic.getParameters().forEach( p -> p.getValue().getArray().muli( 20 ) );
			Gradients.track( critic.getParameters(), true );
			final ParameterStore store = new ParameterStore( manager, false );
			final NDArray x = manager.randomNormal( new Shape( 2, 1, 20, 20 ) );

			final float[] closed, closedW;
			try ( GradientCollector gc = Engine.getEngine( "PyTorch" ).newGradientCollector() )
			{
				final NDArray g = critic.inputGradient( store, x );
				closed = g.toFloatArray();
				gc.backward( SinganTrainer.penalty( g ) );
			}
			closedW = conv1Weight( critic ).getGradient().toFloatArray();
			Gradients.zero( critic.getParameters() );

			final float[] auto, autoW;
			try ( GradientCollector gc = Engine.getEngine( "PyTorch" ).newGradientCollector() )
			{
				final NDArray leaf = x.duplicate();
				leaf.setRequiresGradient( true );
				final NDArray g = Gradients.ofInput( critic.forward( store, new NDList( leaf ), true ), leaf );
				auto = g.toFloatArray();
				Gradients.zero( critic.getParameters() );
				gc.backward( SinganTrainer.penalty( g ) );
			}
			autoW = conv1Weight( critic ).getGradient().toFloatArray();

			double norm = 0;
			for ( final float v : auto )
				norm = Math.max( norm, Math.abs( v ) );
			assertTrue( norm > 1e-3, "gradient too small to compare: " + norm );
			assertArrayEquals( auto, closed, ( float ) ( 1e-5 * norm ) );
			double wn = 0;
			for ( final float v : autoW )
				wn = Math.max( wn, Math.abs( v ) );
			assertTrue( wn > 0 );
			assertArrayEquals( autoW, closedW, ( float ) ( 1e-4 * wn ) );
			assertEquals( 2 * 20 * 20, closed.length );
		}
	}

	/** The penalty's temporaries live on the step's manager: nothing accumulates on the parameters' manager (a leak found in training). */
	@Test
	void penaltyLeavesNothingOnTheParametersManager()
	{
		try ( NDManager manager = NDManager.newBaseManager() )
		{
			final SinganCritic critic = new SinganCritic( 4 );
			critic.initialize( manager, DataType.FLOAT32, new Shape( 1, 1, 16, 16 ) );
			Gradients.track( critic.getParameters(), true );
			final ParameterStore store = new ParameterStore( manager, false );
			final int before = manager.getManagedArrays().size();
			for ( int step = 0; step < 3; step++ )
				try ( NDManager sub = manager.newSubManager(); GradientCollector gc = Engine.getEngine( "PyTorch" ).newGradientCollector() )
				{
					gc.backward( SinganTrainer.penalty( critic.inputGradient( store, sub.randomNormal( new Shape( 1, 1, 16, 16 ) ) ) ) );
				}
			assertEquals( before, manager.getManagedArrays().size(), "arrays on the parameters' manager" );
		}
	}
}
