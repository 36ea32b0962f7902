package sc.fiji.restoregan.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

/** DeblurGAN-v2's relativistic means over a pool of past discriminator outputs, by hand. */
class OutputPoolTest
{
	private static NDList maps( final NDManager m, final float... perSample )
	{
		return new NDList( m.create( perSample, new Shape( perSample.length, 1, 1, 1 ) ) );
	}

	@Test
	void meansComeFromThePoolAndCarryNoGradient() throws Exception
	{
		final RelativisticLeastSquaresLoss loss = new RelativisticLeastSquaresLoss( 1 );
		try ( NDManager m = NDManager.newBaseManager( "PyTorch" ) )
		{
			final OutputPool pool = new OutputPool( 3 );
			// first batch: the pool holds just this batch, so its means (real 1, fake 0) apply, as without a pool
			final NDList r1 = maps( m, 2, 0 ), f1 = maps( m, -1, 1 );
			assertEquals( loss.discriminatorLoss( r1.get( 0 ), f1.get( 0 ) ).getFloat(), pool.discriminatorLoss( loss, r1, f1 ).getFloat(), 1e-6 );
			// second batch: real pool [0, 4, 4] (mean 8/3), fake pool [1, 0, 0] (mean 1/3), the oldest dropped
			final NDList r2 = maps( m, 4, 4 ), f2 = maps( m, 0, 0 );
			f2.get( 0 ).setRequiresGradient( true );
			try ( GradientCollector gc = Engine.getEngine( "PyTorch" ).newGradientCollector() )
			{
				final NDArray d = pool.discriminatorLoss( loss, r2, f2 );
				// ½[mean (r − 1/3 − 1)² + mean (f − 8/3 + 1)²] = ½[(8/3)² + (5/3)²]
				assertEquals( 89.0 / 18, d.getFloat(), 1e-5 );
				gc.backward( d );
			}
			// d/df_i = ½ · (2/2) (f_i − 8/3 + 1) = −5/6: the pooled mean is a constant
			assertArrayEquals( new float[] { -5f / 6, -5f / 6 }, f2.get( 0 ).getGradient().toFloatArray(), 1e-5f );
			assertEquals( 3, pool.size( 0 ) );
			// the generator's loss uses the pool as the last discriminator update left it: ½[(4 − 1/3 + 1)² + (0 − 8/3 − 1)²]
			assertEquals( 317.0 / 18, pool.generatorLoss( loss, r2, f2 ).getFloat(), 1e-4 );
			// saved and restored
			final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			pool.save( new DataOutputStream( bytes ) );
			final OutputPool restored = new OutputPool( 3 );
			restored.load( new DataInputStream( new ByteArrayInputStream( bytes.toByteArray() ) ) );
			assertEquals( 317.0 / 18, restored.generatorLoss( loss, r2, f2 ).getFloat(), 1e-4 );
		}
	}
}
