package sc.fiji.restoregan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.Device;

import sc.fiji.restoregan.TestModels;
import sc.fiji.restoregan.nn.UNetConfig;
import sc.fiji.restoregan.pipeline.PlaneNetwork;
import sc.fiji.restoregan.pipeline.RestoreException;

class ModelStoreTest
{
	@TempDir
	Path dir;

	/** The model's output on a 32 x 32 tile, on the CPU. */
	static float[] run( final StoredModel model, final float[] tile )
	{
		try ( PlaneNetwork net = model.open( Device.cpu() ) )
		{
			return net.process( tile, 32, 32 );
		}
	}

	@Test
	void saveAndLoadRoundTrip() throws Exception
	{
		final ModelCard saved = TestModels.saveTiny( dir, 3 );
		final StoredModel loaded = ModelStore.load( ModelSource.directory( dir ) );
		assertEquals( saved.weights.sha256, loaded.card().weights.sha256 );
		assertEquals( "residual-unet", loaded.card().architecture.kind().type() );
		assertEquals( Files.size( dir.resolve( "generator.params" ) ), loaded.card().weights.bytes );
		final float[] tile = new float[ 32 * 32 ];
		final Random rnd = new Random( 1 );
		for ( int i = 0; i < tile.length; i++ )
			tile[ i ] = rnd.nextFloat();
		final float[] a = run( loaded, tile );
		assertArrayEquals( a, run( ModelStore.load( ModelSource.directory( dir ) ), tile ), "same weights, same output" );
		// a differently seeded model differs, so the weights really were loaded
		final Path other = dir.resolve( "other" );
		TestModels.saveTiny( other, 4 );
		final float[] b = run( ModelStore.load( ModelSource.directory( other ) ), tile );
		assertTrue( Math.abs( a[ 100 ] - b[ 100 ] ) + Math.abs( a[ 500 ] - b[ 500 ] ) > 1e-6 );
	}

	@Test
	void corruptWeightsFailTheChecksum() throws Exception
	{
		TestModels.saveTiny( dir, 3 );
		final Path params = dir.resolve( "generator.params" );
		final byte[] bytes = Files.readAllBytes( params );
		bytes[ bytes.length / 2 ] ^= 1;
		Files.write( params, bytes );
		final RestoreException e = assertThrows( RestoreException.class, () -> ModelStore.load( ModelSource.directory( dir ) ) );
		assertTrue( e.getMessage().contains( "corrupt" ) && e.getMessage().contains( "SHA-256" ), e.getMessage() );
	}

	@Test
	void missingOrBrokenFilesGiveClearErrors() throws Exception
	{
		assertTrue( assertThrows( RestoreException.class, () -> ModelStore.load( ModelSource.directory( dir ) ) ).getMessage().contains( "No model card" ) );
		TestModels.saveTiny( dir, 3 );
		Files.delete( dir.resolve( "generator.params" ) );
		assertTrue( assertThrows( RestoreException.class, () -> ModelStore.load( ModelSource.directory( dir ) ) ).getMessage().contains( "missing" ) );
		Files.writeString( dir.resolve( "card.json" ), "{ not json" );
		assertTrue( assertThrows( RestoreException.class, () -> ModelStore.load( ModelSource.directory( dir ) ) ).getMessage().contains( "cannot be read" ) );
		Files.writeString( dir.resolve( "card.json" ), "{\"format\": 1, \"name\": \"x\"}" );
		assertTrue( assertThrows( RestoreException.class, () -> ModelStore.load( ModelSource.directory( dir ) ) ).getMessage().contains( "Missing" ) );
	}

	@Test
	void unknownOutputMappingIsRejected() throws Exception
	{
		TestModels.saveTiny( dir, 3 );
		final ModelCard card = ModelStore.readCard( ModelSource.directory( dir ) );
		card.normalization.output = "median";
		ModelStore.writeCard( dir, card );
		final RestoreException e = assertThrows( RestoreException.class, () -> ModelStore.load( ModelSource.directory( dir ) ) );
		assertTrue( e.getMessage().contains( "Unknown normalization output 'median'" ), e.getMessage() );
		card.normalization.output = ModelCard.Normalization.LEAST_SQUARES;
		ModelStore.writeCard( dir, card );
		assertTrue( ModelStore.load( ModelSource.directory( dir ) ).card().normalization.fitsOutputToInput() );
	}

	@Test
	void weightsOfAnotherArchitectureAreRejected() throws Exception
	{
		final ModelCard card = TestModels.saveTiny( dir, 3 );
		( ( UNetConfig ) card.architecture ).baseFilters = 8; // the card now disagrees with the stored weights
		ModelStore.writeCard( dir, card );
		final StoredModel model = ModelStore.load( ModelSource.directory( dir ) );
		final RestoreException e = assertThrows( RestoreException.class, () -> model.open( Device.cpu() ).close() );
		assertTrue( e.getMessage().contains( "do not fit the architecture" ), e.getMessage() );
	}

	@Test
	void unknownModelNamesListTheShippedOnes()
	{
		final RestoreException e = assertThrows( RestoreException.class, () -> ModelRegistry.resolve( "no-such-model" ) );
		assertTrue( e.getMessage().contains( "shipped models" ), e.getMessage() );
	}

	@Test
	void shippedModelsAreListedAndLoad() throws Exception
	{
		try ( var list = Files.list( Path.of( "models" ) ) )
		{
			final var folders = list.filter( Files::isDirectory ).map( p -> p.getFileName().toString() ).sorted().toList();
			assertEquals( folders, ModelRegistry.shipped().stream().sorted().toList(), "models/models.json lists every model folder" );
		}
		long total = 0;
		for ( final String name : ModelRegistry.shipped() )
		{
			final StoredModel m = ModelRegistry.load( name );
			total += m.card().ownBytes();
			assertTrue( m.card().ownBytes() <= ModelStore.MAX_SHIPPED_BYTES, name + " is at most 5 MB" );
			assertTrue( m.card().weights.halfPrecision(), name + " ships in half precision (ship and models --half write it so)" );
			if ( m.card().illumination != null )
				assertTrue( m.card().illumination.field.weights.halfPrecision() && ( m.card().illumination.gamma == null || m.card().illumination.gamma.weights.halfPrecision() ),
						name + "'s estimators ship in half precision" );
			assertTrue( m.card().training.has( "command" ) && m.card().training.has( "seed" ) && m.card().training.has( "steps" ), name + " card records its recipe" );
			final boolean ownTargets = m.card().training.getAsJsonObject( "data" ).get( "normalization" ).getAsString().contains( "by its own percentiles" );
			assertEquals( ownTargets, m.card().normalization.fitsOutputToInput(), name + ": trained with targets by their own percentiles exactly when its output is fitted to the input" );
			if ( m.card().realismTwin != null )
				assertTrue( ModelShipping.startedFrom( ModelRegistry.load( m.card().realismTwin ).card(), m.card() ),
						name + "'s twin " + m.card().realismTwin + " was fine-tuned from its current weights (the realism blend needs that)" );
		}
		assertTrue( total <= ModelStore.MAX_SHIPPED_TOTAL_BYTES, "all shipped models together are at most 40 MB: " + total );
	}
}
