package sc.fiji.restoregan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.nn.UNetConfig;
import sc.fiji.restoregan.pipeline.RestoreException;

class InitialWeightsTest
{
	private static Block initialised( final UNetConfig config, final NDManager manager, final int seed )
	{
		ai.djl.engine.Engine.getEngine( "PyTorch" ).setRandomSeed( seed );
		final Block b = config.newBlock();
		b.initialize( manager, DataType.FLOAT32, new Shape( 1, 1, 16, 16 ) );
		return b;
	}

	@Test
	void startsFromAnotherModelsWeightsAndRefusesAnotherArchitecture()
	{
		try ( NDManager manager = NDManager.newBaseManager() )
		{
			final Block source = initialised( new UNetConfig( 2, 4 ), manager, 1 );
			final Block target = initialised( new UNetConfig( 2, 4 ), manager, 2 );
			final byte[] weights = ModelStore.parameters( source );
			InitialWeights.load( target, weights, manager );
			assertArrayEquals( weights, ModelStore.parameters( target ) );
			InitialWeights.load( target, null, manager ); // nothing to load: unchanged
			assertArrayEquals( weights, ModelStore.parameters( target ) );
			final Block wider = initialised( new UNetConfig( 2, 8 ), manager, 3 );
			assertThrows( RestoreException.class, () -> InitialWeights.load( wider, weights, manager ) );
		}
	}
}
