package sc.fiji.restoregan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonPrimitive;

import sc.fiji.restoregan.TestModels;
import sc.fiji.restoregan.pipeline.RestoreException;

class HalfPrecisionWeightsTest
{
	@TempDir
	Path models;


	private static float[] tile()
	{
		final float[] tile = new float[ 32 * 32 ];
		final Random rnd = new Random( 1 );
		for ( int i = 0; i < tile.length; i++ )
			tile[ i ] = rnd.nextFloat();
		return tile;
	}

	@Test
	void halvedModelRestoresAsTheFloat32OneWithinRounding() throws Exception
	{
		for ( final String kind : new String[] { "unet", "sr" } )
		{
			final Path dir = models.resolve( kind );
			final ModelCard card = kind.equals( "unet" ) ? TestModels.saveTiny( dir, 3 ) : TestModels.saveTinySr( dir, 3, 2 );
			final StoredModel full = ModelStore.load( ModelSource.directory( dir ) );
			final float[] tile = tile();
			final float[] a = ModelStoreTest.run( full, tile );
			Files.writeString( models.resolve( ModelRegistry.LIST ), "[\"" + kind + "\"]" );
			assertTrue( ModelShipping.halve( models, kind ) );
			assertFalse( ModelShipping.halve( models, kind ), "a second pass leaves it alone" );
			final StoredModel half = ModelStore.load( ModelSource.directory( dir ) );
			assertTrue( half.card().weights.halfPrecision() );
			assertEquals( card.weights.sha256, half.card().weights.halvedFrom, "the card keeps the checksum of the float32 weights" );
			assertEquals( Files.size( dir.resolve( "generator.params" ) ), half.card().weights.bytes );
			assertTrue( half.card().weights.bytes < 0.6 * card.weights.bytes, kind + ": " + half.card().weights.bytes + " of " + card.weights.bytes + " bytes" );
			final float[] b = ModelStoreTest.run( half, tile );
			double worst = 0, range = 0, differs = 0;
			for ( int i = 0; i < a.length; i++ )
			{
				worst = Math.max( worst, Math.abs( a[ i ] - b[ i ] ) );
				range = Math.max( range, Math.abs( a[ i ] ) );
				differs += a[ i ] != b[ i ] ? 1 : 0;
			}
			// a half carries 11 significant bits (relative rounding 2^-11 = 4.9e-4 per weight)
			assertTrue( worst < 3e-3 * range, kind + ": largest change " + worst + " of outputs up to " + range );
			assertTrue( differs > 0, kind + ": the weights were rounded" );
		}
	}

	@Test
	void aTwinOfTheFloat32WeightsStillDescendsFromTheHalvedModel() throws Exception
	{
		final ModelCard before = TestModels.saveTiny( models.resolve( "tiny" ), 3 );
		final ModelCard twin = TestModels.saveTiny( models.resolve( "tiny-gan" ), 4 );
		twin.training.add( "init", new JsonPrimitive( "started from models/tiny (model 'tiny', weights sha256 " + before.weights.sha256 + ")" ) );
		Files.writeString( models.resolve( ModelRegistry.LIST ), "[\"tiny\"]" );
		ModelShipping.halve( models, "tiny" );
		final ModelCard after = ModelStore.readCard( ModelSource.directory( models.resolve( "tiny" ) ) );
		assertNotEquals( before.weights.sha256, after.weights.sha256 );
		assertTrue( ModelShipping.startedFrom( twin, after ) );
		final ModelCard other = TestModels.saveTiny( models.resolve( "other" ), 5 );
		assertFalse( ModelShipping.startedFrom( twin, other ) );
	}

	@Test
	void shippingRefusesModelsBeyondTheSizeLimits() throws Exception
	{
		final ModelCard big = TestModels.saveTiny( models.resolve( "big" ), 3 );
		big.weights.bytes = ModelStore.MAX_SHIPPED_TOTAL_BYTES - 1000; // as if the others filled the budget
		ModelStore.writeCard( models.resolve( "big" ), big );
		Files.writeString( models.resolve( ModelRegistry.LIST ), "[\"big\"]" );
		ModelShipping.requireRoom( models, "small", 1000 );
		RestoreException e = assertThrows( RestoreException.class, () -> ModelShipping.requireRoom( models, "small", 1001 ) );
		assertTrue( e.getMessage().contains( "more than the 40000000 allowed" ), e.getMessage() );
		ModelShipping.requireRoom( models, "big", 2000 ); // a model replaced does not count twice
		e = assertThrows( RestoreException.class, () -> ModelShipping.requireRoom( models, "big", ModelStore.MAX_SHIPPED_BYTES + 1 ) );
		assertTrue( e.getMessage().contains( "at most 5000000" ), e.getMessage() );
	}

	@Test
	void brokenHalfWeightsGiveClearErrors() throws Exception
	{
		final Path dir = models.resolve( "tiny" );
		TestModels.saveTiny( dir, 3 );
		Files.writeString( models.resolve( ModelRegistry.LIST ), "[\"tiny\"]" );
		ModelShipping.halve( models, "tiny" );
		final ModelCard card = ModelStore.readCard( ModelSource.directory( dir ) );
		// weights of another architecture
		( ( sc.fiji.restoregan.nn.UNetConfig ) card.architecture ).baseFilters = 8;
		ModelStore.writeCard( dir, card );
		RestoreException e = assertThrows( RestoreException.class, () -> ModelStore.load( ModelSource.directory( dir ) ) );
		assertTrue( e.getMessage().contains( "do not fit the architecture" ), e.getMessage() );
		// a float32 file called half precision
		final Path plain = models.resolve( "plain" );
		final ModelCard plainCard = TestModels.saveTiny( plain, 3 );
		plainCard.weights.encoding = HalfPrecisionWeights.ENCODING;
		ModelStore.writeCard( plain, plainCard );
		e = assertThrows( RestoreException.class, () -> ModelStore.load( ModelSource.directory( plain ) ) );
		assertTrue( e.getMessage().contains( "not half-precision parameters" ), e.getMessage() );
	}
}
