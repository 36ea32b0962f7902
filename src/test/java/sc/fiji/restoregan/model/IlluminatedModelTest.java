package sc.fiji.restoregan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.nn.Block;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.restoregan.TestModels;
import sc.fiji.restoregan.illumination.IlluminationInputs;
import sc.fiji.restoregan.illumination.IlluminationNetwork;
import sc.fiji.restoregan.nn.UNetConfig;
import sc.fiji.restoregan.pipeline.PlaneCorrection;
import sc.fiji.restoregan.pipeline.PlaneNetwork;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.pipeline.RestoreOptions;
import sc.fiji.restoregan.pipeline.Restorer;

/** A model that corrects each plane's light before its network ({@link ModelCard#illumination}), with weights shared with another. */
class IlluminatedModelTest
{
	@TempDir
	Path dir;

	private Path restorer, lit;

	/** A tiny restorer, and a model that shares its weights after estimators whose weights are zero (no field, gamma 1). */
	@BeforeEach
	void models() throws Exception
	{
		restorer = dir.resolve( "tiny" );
		lit = dir.resolve( "lit" );
		final ModelCard card = TestModels.saveTiny( restorer, 7 );
		TestModels.saveTiny( dir.resolve( "tiny-gan" ), 8 );
		card.name = "lit";
		card.task = "lighting";
		card.weights.sharedWith = "tiny";
		card.illumination = new ModelCard.IlluminationParts();
		card.illumination.field = zeroPart( "field.params", 2 );
		card.illumination.gamma = zeroPart( "gamma.params", 1 );
		ModelStore.writeCard( lit, card );
	}

	/** A small network of two input planes with zero weights, written into the lit folder. */
	private ModelCard.Part zeroPart( final String file, final int depth ) throws Exception
	{
		final UNetConfig a = IlluminationNetwork.GAMMA.architecture().withDepth( depth );
		a.baseFilters = 4;
		final ModelCard.Part part = new ModelCard.Part();
		part.architecture = a;
		part.weights.file = file;
		try ( Model m = Model.newInstance( "zero", Device.cpu(), "PyTorch" ) )
		{
			final Block b = a.newInitializedBlock( m.getNDManager() );
			m.setBlock( b );
			b.getParameters().forEach( p -> p.getValue().getArray().muli( 0 ) );
			final byte[] bytes = ModelStore.parameters( b );
			Files.createDirectories( lit );
			Files.write( lit.resolve( file ), bytes );
			part.weights.sha256 = Checksums.sha256( bytes );
			part.weights.bytes = bytes.length;
		}
		return part;
	}

	private static Img< FloatType > restore( final StoredModel model, final Img< FloatType > input )
	{
		try ( PlaneNetwork network = model.open( Device.cpu() ) )
		{
			return Restorer.forModel( network, RestoreOptions.defaults(), model.card(), 0 ).restore( input, Progress.NONE );
		}
	}

	private static float[] values( final Img< FloatType > img )
	{
		final float[] v = new float[ ( int ) img.size() ];
		int i = 0;
		for ( final FloatType t : img )
			v[ i++ ] = t.get();
		return v;
	}

	@Test
	void correctsEachPlaneThenRestoresWithTheSharedWeights()
	{
		final StoredModel model = ModelStore.load( ModelSource.directory( lit ) ), alone = ModelStore.load( ModelSource.directory( restorer ) );
		assertArrayEquals( alone.weights(), model.weights() );
		assertTrue( model.flopsPerPixel() > alone.flopsPerPixel() );
		try ( PlaneNetwork network = model.open( Device.cpu() ) )
		{
			assertTrue( network.correction() != PlaneCorrection.NONE );
		}
		// estimators of zero weights see no field and a gamma of 1: the restorer's own result, on every plane
		final Random rnd = new Random( 2 );
		final float[] pixels = new float[ 80 * 72 * 2 ];
		for ( int i = 0; i < pixels.length; i++ )
			pixels[ i ] = ( float ) ( 20 + rnd.nextDouble() * 100 );
		final Img< FloatType > input = ArrayImgs.floats( pixels, 80, 72, 2 );
		assertArrayEquals( values( restore( alone, input ) ), values( restore( model, input ) ), 1e-4f );
	}

	@Test
	void everyRealismKeepsTheCorrection() throws Exception
	{
		final StoredModel model = ModelStore.load( ModelSource.directory( lit ) );
		final StoredModel twin = ModelStore.load( ModelSource.directory( dir.resolve( "tiny-gan" ) ) );
		for ( final double realism : new double[] { 0, 0.5, 1 } )
			try ( PlaneNetwork network = RealismBlend.open( model, twin, realism, Device.cpu() ) )
			{
				assertTrue( network.correction() != PlaneCorrection.NONE, "realism " + realism );
			}
	}

	@Test
	void aCorruptEstimatorChangedOrMissingSharedWeightsAreNamed() throws Exception
	{
		final byte[] gamma = Files.readAllBytes( lit.resolve( "gamma.params" ) );
		Files.write( lit.resolve( "gamma.params" ), new byte[] { 1, 2, 3 } );
		RestoreException e = assertThrows( RestoreException.class, () -> ModelStore.load( ModelSource.directory( lit ) ) );
		assertTrue( e.getMessage().contains( "corrupt" ) && e.getMessage().contains( "gamma" ), e.getMessage() );
		// the model it shares weights with was retrained since
		TestModels.saveTiny( restorer, 9 );
		Files.write( lit.resolve( "gamma.params" ), gamma );
		e = assertThrows( RestoreException.class, () -> ModelStore.load( ModelSource.directory( lit ) ) );
		assertTrue( e.getMessage().contains( "shares the weights of 'tiny', which have changed" ), e.getMessage() );
		final ModelCard card = ModelStore.readCard( ModelSource.directory( lit ) );
		card.weights.sharedWith = "gone";
		ModelStore.writeCard( lit, card );
		e = assertThrows( RestoreException.class, () -> ModelStore.load( ModelSource.directory( lit ) ) );
		assertTrue( e.getMessage().contains( "shared with 'gone'" ) && e.getMessage().contains( "missing" ), e.getMessage() );
	}

	@Test
	void anEstimatorMustTakeTwoPlanesToOne() throws Exception
	{
		final ModelCard card = ModelStore.readCard( ModelSource.directory( lit ) );
		card.illumination.gamma.architecture = TestModels.tinyArchitecture();
		ModelStore.writeCard( lit, card );
		RestoreException e = assertThrows( RestoreException.class, () -> ModelStore.load( ModelSource.directory( lit ) ) );
		assertTrue( e.getMessage().contains( "two planes" ), e.getMessage() );
		final UNetConfig two = IlluminationNetwork.GAMMA.architecture().withDepth( 1 );
		two.outChannels = 2;
		card.illumination.gamma.architecture = two;
		ModelStore.writeCard( lit, card );
		e = assertThrows( RestoreException.class, () -> ModelStore.load( ModelSource.directory( lit ) ) );
		assertTrue( e.getMessage().contains( "to one" ), e.getMessage() );
		// four planes are for a field network only
		card.illumination.gamma.architecture = IlluminationNetwork.FIELD.architecture( IlluminationInputs.EXTREME_PLANES ).withDepth( 1 );
		ModelStore.writeCard( lit, card );
		e = assertThrows( RestoreException.class, () -> ModelStore.load( ModelSource.directory( lit ) ) );
		assertTrue( e.getMessage().contains( "a field network also four" ), e.getMessage() );
	}

	@Test
	void aModelWithoutGammaLeavesItAndOneWithoutFieldIsNamed() throws Exception
	{
		final ModelCard card = ModelStore.readCard( ModelSource.directory( lit ) );
		card.illumination.gamma = null;
		ModelStore.writeCard( lit, card );
		final StoredModel model = ModelStore.load( ModelSource.directory( lit ) );
		assertTrue( model.illumination().gamma() == null );
		try ( PlaneNetwork network = model.open( Device.cpu() ) )
		{
			assertEquals( "illumination field estimated and divided out", network.correction().describe() );
		}
		card.illumination.field = null;
		ModelStore.writeCard( lit, card );
		final RestoreException e = assertThrows( RestoreException.class, () -> ModelStore.load( ModelSource.directory( lit ) ) );
		assertTrue( e.getMessage().contains( "Missing illumination field network" ), e.getMessage() );
	}
}
