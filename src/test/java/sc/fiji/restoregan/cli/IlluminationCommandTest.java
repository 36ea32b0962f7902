package sc.fiji.restoregan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.Device;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.restoregan.TestModels;
import sc.fiji.restoregan.bridge.TensorBridge;
import sc.fiji.restoregan.illumination.IlluminationEstimator;
import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.model.ModelRegistry;
import sc.fiji.restoregan.model.ModelShipping;
import sc.fiji.restoregan.model.ModelSource;
import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.model.StoredModel;
import sc.fiji.restoregan.pipeline.PlaneNetwork;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.pipeline.RestoreOptions;
import sc.fiji.restoregan.pipeline.Restorer;

class IlluminationCommandTest
{
	@TempDir
	Path dir;

	@Test
	void trainsBothEstimatorsAndShipsALightingModelThatUsesThem() throws Exception
	{
		final Path clean = dir.resolve( "clean" ), models = dir.resolve( "models" ), field = dir.resolve( "field" ), gamma = dir.resolve( "gamma" );
		Files.createDirectories( clean );
		final Random rnd = new Random( 1 );
		final float[] x = new float[ 260 * 260 ];
		for ( int i = 0; i < x.length; i++ )
			x[ i ] = ( float ) ( 100 + 30 * Math.sin( i % 260 / 7.0 ) + 5 * rnd.nextGaussian() );
		ImageFiles.writeFloatTiff( ArrayImgs.floats( x, 260, 260 ), clean.resolve( "cells.tif" ) );
		Files.createDirectories( models );
		Files.writeString( models.resolve( "models.json" ), "[\n  \"tiny\"\n]\n" );
		final ModelCard restorer = TestModels.saveTiny( models.resolve( "tiny" ), 5 );
		restorer.training.addProperty( "heldOut", "a.tif, b.tif" );
		ModelStore.writeCard( models.resolve( "tiny" ), restorer );

		assertEquals( 0, Main.run( "illumination", "train", "--network", "field", "--steps", "2", "--out", field.toString(), "--clean", clean.toString(), "--exclude", "a.tif,c.tif" ) );
		for ( final String[] bad : new String[][] { { "--zoom", "0.5" }, { "--zoom", "Infinity" }, { "--tone", "1.5" }, { "--shade", "-0.1" }, { "--shade", "NaN" }, { "--shade-width", "0.05" } } )
			assertEquals( 2, Main.run( "illumination", "train", "--network", "field", "--steps", "2", "--out", dir.resolve( "bad" ).toString(), "--clean", clean.toString(), bad[ 0 ], bad[ 1 ] ),
					String.join( " ", bad ) );
		assertFalse( Files.exists( dir.resolve( "bad" ) ), "nothing written for refused options" );
		assertEquals( 0, Main.run( "illumination", "train", "--network", "gamma", "--steps", "2", "--out", gamma.toString(), "--clean", clean.toString(), "--exclude", "a.tif,b.tif" ) );
		assertTrue( Files.readString( field.resolve( "recipe.json" ) ).contains( "cells.tif" ) );
		assertEquals( 2, Main.run( "illumination", "ship", "--field", field.toString(), "--gamma", gamma.toString(), "--restorer", "tiny", "--as", "lit", "--models", models.toString() ),
				"a new model needs a description" );
		assertEquals( 0, Main.run( "illumination", "ship", "--field", field.toString(), "--gamma", gamma.toString(), "--restorer", "tiny", "--as", "lit", "--description", "Tiny lighting.",
				"--models", models.toString() ) );

		final ModelCard card = ModelStore.readCard( ModelSource.directory( models.resolve( "lit" ) ) );
		final ModelCard tiny = ModelStore.readCard( ModelSource.directory( models.resolve( "tiny" ) ) );
		assertEquals( "lighting", card.task );
		assertEquals( "tiny", card.weights.sharedWith );
		assertEquals( tiny.weights.sha256, card.weights.sha256 );
		assertTrue( ModelCard.sameArchitecture( tiny.architecture, card.architecture ) );
		assertEquals( card.illumination.field.weights.bytes + card.illumination.gamma.weights.bytes, card.ownBytes() );
		assertTrue( card.illumination.field.weights.halfPrecision() && card.illumination.gamma.weights.halfPrecision() );
		final String chain = card.training.get( "command" ).getAsString();
		assertTrue( chain.contains( "illumination train --network field" ) && chain.contains( "illumination train --network gamma" ) && chain.endsWith( "--restorer tiny --as lit" ), chain );
		assertEquals( 4, card.training.get( "steps" ).getAsLong() );
		assertEquals( "a.tif", card.training.get( "heldOut" ).getAsString(), "held out of all three networks" );
		assertTrue( Files.readString( models.resolve( "models.json" ) ).contains( "\"lit\"" ) );

		// the model loads with its estimators, corrects each plane with them, and leaves the input alone
		final StoredModel lit = ModelRegistry.load( models.resolve( "lit" ).toString() );
		assertNotNull( lit.illumination() );
		final float[] pixels = new float[ 100 * 90 ];
		for ( int i = 0; i < pixels.length; i++ )
			pixels[ i ] = ( float ) ( 50 + 10 * rnd.nextGaussian() + i % 100 );
		final Img< FloatType > input = ArrayImgs.floats( pixels.clone(), 100, 90 );
		try ( PlaneNetwork network = lit.open( Device.cpu() ) )
		{
			assertTrue( network.correction() instanceof IlluminationEstimator );
			final Img< FloatType > out = Restorer.forModel( network, RestoreOptions.defaults(), lit.card(), 0 ).restore( input, Progress.NONE );
			assertArrayEquals( new long[] { 100, 90 }, out.dimensionsAsLongArray() );
			for ( final float v : TensorBridge.toArray( out ) )
				assertTrue( Float.isFinite( v ) );
		}
		assertArrayEquals( pixels, TensorBridge.toArray( input ) );

		// shipped again, it keeps its description and its own self-ensemble
		assertEquals( 0, Main.run( "models", "--set-ensemble", "lit=2", "--models", models.toString() ) );
		assertEquals( 0, Main.run( "illumination", "ship", "--field", field.toString(), "--gamma", gamma.toString(), "--restorer", "tiny", "--as", "lit", "--models", models.toString() ) );
		final ModelCard again = ModelStore.readCard( ModelSource.directory( models.resolve( "lit" ) ) );
		assertEquals( 2, again.ensemble );
		assertEquals( "Tiny lighting.", again.description );

		// the gamma network taken from a shipped model: the same weights and recipe, into itself or another
		assertEquals( 0, Main.run( "illumination", "ship", "--field", field.toString(), "--gamma-of", "lit", "--restorer", "tiny", "--as", "lit", "--models", models.toString() ) );
		assertEquals( 0, Main.run( "illumination", "ship", "--field", field.toString(), "--gamma-of", "lit", "--restorer", "tiny", "--as", "lit4", "--description", "x", "--models",
				models.toString() ) );
		for ( final String name : new String[] { "lit", "lit4" } )
		{
			final ModelCard taken = ModelStore.readCard( ModelSource.directory( models.resolve( name ) ) );
			assertEquals( card.illumination.gamma.weights.sha256, taken.illumination.gamma.weights.sha256 );
			assertEquals( card.illumination.gamma.training, taken.illumination.gamma.training );
			assertTrue( taken.training.get( "command" ).getAsString().endsWith( "--gamma-of lit --restorer tiny --as " + name ) );
			assertNotNull( ModelRegistry.load( models.resolve( name ).toString() ).illumination().gamma() );
		}
		assertEquals( 2, Main.run( "illumination", "ship", "--field", field.toString(), "--gamma-of", "tiny", "--restorer", "tiny", "--as", "lit5", "--description", "x", "--models",
				models.toString() ), "a model without a gamma network" );
		assertEquals( 2, Main.run( "illumination", "ship", "--field", field.toString(), "--gamma", gamma.toString(), "--gamma-of", "lit", "--restorer", "tiny", "--as", "lit5", "--description",
				"x", "--models", models.toString() ), "both" );
		assertEquals( 2, Main.run( "illumination", "ship", "--field", field.toString(), "--gamma-of", "nothing", "--restorer", "tiny", "--as", "lit5", "--description", "x", "--models",
				models.toString() ), "no such model" );
		final Path gammaWeights = models.resolve( "lit4" ).resolve( card.illumination.gamma.weights.file );
		final byte[] weights = Files.readAllBytes( gammaWeights );
		weights[ weights.length / 2 ] ^= 1;
		Files.write( gammaWeights, weights );
		assertEquals( 2, Main.run( "illumination", "ship", "--field", field.toString(), "--gamma-of", "lit4", "--restorer", "tiny", "--as", "lit5", "--description", "x", "--models",
				models.toString() ), "weights that do not match the card" );
		Files.delete( gammaWeights );
		assertEquals( 2, Main.run( "illumination", "ship", "--field", field.toString(), "--gamma-of", "lit4", "--restorer", "tiny", "--as", "lit5", "--description", "x", "--models",
				models.toString() ), "weights lost" );

		// a field network that also sees its blocks' extremes trains, ships and corrects
		final Path field4 = dir.resolve( "field4" );
		assertEquals( 2, Main.run( "illumination", "train", "--network", "gamma", "--extremes", "--steps", "1", "--out", field4.toString(), "--clean", clean.toString() ) );
		assertEquals( 0, Main.run( "illumination", "train", "--network", "field", "--extremes", "--steps", "1", "--out", field4.toString(), "--clean", clean.toString() ) );
		final String config = Files.readString( field4.resolve( "config.json" ) ), recipe = Files.readString( field4.resolve( "recipe.json" ) );
		assertEquals( 2, Main.run( "illumination", "train", "--network", "field", "--steps", "2", "--resume", "--out", field4.toString(), "--clean", clean.toString() ),
				"resumed as another network" );
		assertEquals( config, Files.readString( field4.resolve( "config.json" ) ) );
		assertEquals( recipe, Files.readString( field4.resolve( "recipe.json" ) ) );
		assertEquals( 0, Main.run( "illumination", "ship", "--field", field4.toString(), "--gamma-of", "lit", "--restorer", "tiny", "--as", "lit6", "--description", "x", "--models",
				models.toString() ) );
		// every model shipped on tiny shares its weights: none is stale while tiny's weights are those they name, all once they change
		final String tinySha = ModelStore.readCard( ModelSource.directory( models.resolve( "tiny" ) ) ).weights.sha256;
		assertEquals( List.of(), ModelShipping.staleSharers( models, "tiny", tinySha ) );
		assertEquals( List.of( "lit", "lit4", "lit6" ), ModelShipping.staleSharers( models, "tiny", "0".repeat( 64 ) ) );
		assertEquals( List.of(), ModelShipping.staleSharers( models, "lit", "0".repeat( 64 ) ) );
		Files.createDirectories( models.resolve( "broken" ) );
		Files.writeString( models.resolve( "broken" ).resolve( ModelSource.CARD ), "{ not a card" );
		assertEquals( List.of( "lit", "lit4", "lit6" ), ModelShipping.staleSharers( models, "tiny", "0".repeat( 64 ) ), "an unreadable card is passed over" );
		final java.io.PrintStream out = System.out;
		final java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
		System.setOut( new java.io.PrintStream( printed, true, java.nio.charset.StandardCharsets.UTF_8 ) );
		try
		{
			ShipCommand.noteStaleSharers( models, "tiny", "0".repeat( 64 ) );
		}
		finally
		{
			System.setOut( out );
		}
		final String notes = printed.toString( java.nio.charset.StandardCharsets.UTF_8 );
		assertEquals( 3, notes.lines().filter( l -> l.startsWith( "Note: lit" ) && l.contains( "--restorer tiny" ) ).count(), notes );
		Files.delete( models.resolve( "broken" ).resolve( ModelSource.CARD ) );
		Files.delete( models.resolve( "broken" ) );
		final StoredModel lit6 = ModelRegistry.load( models.resolve( "lit6" ).toString() );
		assertEquals( 4, lit6.illumination().field().card().architecture.inChannels() );
		assertTrue( lit6.illumination().field().card().training.get( "data" ).getAsJsonObject().get( "input" ).getAsString().endsWith( "(four planes)" ) );
		try ( IlluminationEstimator estimator = lit6.illumination().open( Device.cpu() ) )
		{
			for ( final float v : estimator.correct( pixels, 100, 90 ) )
				assertTrue( Float.isFinite( v ) );
		}

		// a run without its recipe, and a restorer that is itself corrected, are refused
		Files.delete( gamma.resolve( "recipe.json" ) );
		assertEquals( 2, Main.run( "illumination", "ship", "--field", field.toString(), "--gamma", gamma.toString(), "--restorer", "tiny", "--as", "lit2", "--description", "x", "--models",
				models.toString() ) );
		assertEquals( 2, Main.run( "illumination", "ship", "--field", field.toString(), "--restorer", "lit", "--as", "lit3", "--description", "x", "--models", models.toString() ) );
	}
}
