package sc.fiji.restoregan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;

import org.junit.jupiter.api.Test;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

class AdamStateTest
{
	/** One step of y = w x with loss y, so the gradient is x; Adam's first step moves w by lr * sign(x). */
	@Test
	void firstStepMovesEachWeightByTheLearningRateAndLeaksNothing() throws Exception
	{
		Engine.getEngine( "PyTorch" ).setRandomSeed( 1 );
		try ( Model model = Model.newInstance( "adam", Device.cpu(), "PyTorch" ) )
		{
			final Linear linear = Linear.builder().setUnits( 1 ).optBias( false ).build();
			model.setBlock( linear );
			final NDManager manager = model.getNDManager();
			linear.initialize( manager, DataType.FLOAT32, new Shape( 1, 3 ) );
			final NDArray w = linear.getParameters().get( 0 ).getValue().getArray();
			w.setRequiresGradient( true );
			final float[] before = w.toFloatArray();
			final AdamState adam = new AdamState( manager, 0.9, 0.999, 1e-8 );
			final ParameterStore store = new ParameterStore( manager, false );
			int arraysAfterFirstStep = 0;
			for ( int step = 0; step < 5; step++ )
			{
				try ( NDManager sub = manager.newSubManager() )
				{
					final NDArray x = sub.create( new float[] { 2, -3, 0.5f } ).reshape( 1, 3 );
					try ( GradientCollector gc = Engine.getEngine( "PyTorch" ).newGradientCollector() )
					{
						gc.backward( linear.forward( store, new NDList( x ), true ).singletonOrThrow().sum() );
					}
					adam.step( linear.getParameters(), 0.01 );
				}
				if ( step == 0 )
				{
					final float[] after = w.toFloatArray();
					assertEquals( before[ 0 ] - 0.01, after[ 0 ], 1e-6 );
					assertEquals( before[ 1 ] + 0.01, after[ 1 ], 1e-6 );
					assertEquals( before[ 2 ] - 0.01, after[ 2 ], 1e-6 );
					arraysAfterFirstStep = manager.getManagedArrays().size();
				}
			}
			// the moments are created once; temporaries must not pile up on the long-lived manager
			assertEquals( arraysAfterFirstStep, manager.getManagedArrays().size(), "arrays on the parameters' manager" );
			final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			adam.save( new DataOutputStream( bytes ) );
			final AdamState restored = new AdamState( manager, 0.9, 0.999, 1e-8 );
			restored.load( new DataInputStream( new ByteArrayInputStream( bytes.toByteArray() ) ) );
			assertEquals( 5, restored.updates() );
			final ByteArrayOutputStream again = new ByteArrayOutputStream();
			restored.save( new DataOutputStream( again ) );
			assertArrayEquals( bytes.toByteArray(), again.toByteArray() );
		}
	}
}
