package sc.fiji.restoregan.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.nn.ResidualUNet;
import sc.fiji.restoregan.nn.UNetConfig;

/** Each update changes its own network only. */
class GanStepTest
{
	private NDManager manager;

	private ResidualUNet generator;

	private Discriminator discriminator;

	private GanStep gan;

	private NDArray input, target;

	@BeforeEach
	void setUp()
	{
		manager = NDManager.newBaseManager( "PyTorch" );
		Engine.getEngine( "PyTorch" ).setRandomSeed( 2 );
		final Shape shape = new Shape( 2, 1, 32, 32 );
		generator = new ResidualUNet( new UNetConfig( 1, 4 ) );
		generator.initialize( manager, DataType.FLOAT32, shape );
		discriminator = DiscriminatorKind.PATCH.create( new PatchConfig( 4, 3 ) );
		discriminator.initialize( manager, DataType.FLOAT32, shape );
		for ( final Block b : new Block[] { generator, discriminator } )
			b.getParameters().forEach( p -> p.getValue().getArray().setRequiresGradient( true ) );
		final GanConfig config = new GanConfig();
		config.generator.learningRate = 1e-3;
		config.discriminatorLearningRate = 1e-3;
		config.featureMatching = 0.5;
		gan = new GanStep( config, generator, discriminator, manager );
		target = manager.randomUniform( 0, 1, shape );
		input = target.add( manager.randomNormal( 0, 0.2f, shape, DataType.FLOAT32 ) );
	}

	@AfterEach
	void tearDown()
	{
		manager.close();
	}

	@Test
	void generatorStepLeavesTheDiscriminatorAlone()
	{
		final byte[] g0 = ModelStore.parameters( generator ), d0 = ModelStore.parameters( discriminator );
		final GanStep.GeneratorLosses losses = gan.generatorStep( input, target, 0 );
		assertArrayEquals( d0, ModelStore.parameters( discriminator ), "D unchanged by a G step" );
		assertFalse( Arrays.equals( g0, ModelStore.parameters( generator ) ), "G changed" );
		assertEquals( 0, gan.discriminatorAdam().updates() );
		assertEquals( 1, gan.generatorAdam().updates() );
		assertEquals( losses.content() + 0.01 * losses.adversarial() + 0.5 * losses.featureMatching(), losses.total(), 1e-5 );
		assertTrue( losses.featureMatching() > 0 );
		assertEquals( 0, Gradients.norm( discriminator.getParameters() ), "no gradient left on D" );
	}

	@Test
	void discriminatorStepLeavesTheGeneratorAlone()
	{
		final byte[] g0 = ModelStore.parameters( generator ), d0 = ModelStore.parameters( discriminator );
		gan.discriminatorStep( input, target, 0 );
		assertArrayEquals( g0, ModelStore.parameters( generator ), "G unchanged by a D step" );
		assertFalse( Arrays.equals( d0, ModelStore.parameters( discriminator ) ), "D changed" );
		assertEquals( 1, gan.discriminatorAdam().updates() );
		assertEquals( 0, gan.generatorAdam().updates() );
		assertEquals( 0, Gradients.norm( generator.getParameters() ), "no gradient on G" );
	}
}
