package sc.fiji.restoregan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.Device;

import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.model.ModelSource;
import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.model.StoredModel;
import sc.fiji.restoregan.nn.SrConfig;
import sc.fiji.restoregan.pipeline.PlaneNetwork;

/** {@code train --gan}: a few tiny steps into one output folder that reloads as a model. */
class TrainGanCommandTest
{
	@TempDir
	Path dir;

	private static float[] tile( final int n )
	{
		final Random rnd = new Random( 1 );
		final float[] v = new float[ n ];
		for ( int i = 0; i < n; i++ )
			v[ i ] = rnd.nextFloat();
		return v;
	}

	@Test
	void ralsganWritesCheckpointsLogAndAModel()
	{
		final Path out = dir.resolve( "ralsgan" );
		assertEquals( 0, Main.run( "train", "--gan", "ralsgan", "--out", out.toString(), "--steps", "2", "--batch", "2", "--patch", "32", "--filters", "4", "--depth", "1",
				"--disc-filters", "4", "--seed", "3", "--content", "l1+0.5*ssim", "--adv-weight", "0.05", "--schedule", "linear" ) );
		for ( final String file : new String[] { "card.json", "generator.params", "gan-log.csv", "gan-generator.params", "gan-discriminator.params", "gan.state", "gan-config.json", "commands.txt" } )
			assertTrue( Files.exists( out.resolve( file ) ), file );
		final StoredModel model = ModelStore.load( ModelSource.directory( out ) );
		final ModelCard card = model.card();
		assertEquals( "unet", card.training.get( "generator" ).getAsString() );
		assertEquals( 2, card.training.get( "steps" ).getAsLong() );
		assertEquals( 3, card.training.get( "seed" ).getAsLong() );
		assertEquals( "ralsgan", card.training.getAsJsonObject( "gan" ).get( "objective" ).getAsString() );
		assertEquals( "l1+0.5*ssim", card.training.getAsJsonObject( "gan" ).get( "content" ).getAsString() );
		assertTrue( card.training.get( "command" ).getAsString().contains( "--gan ralsgan" ) );
		assertTrue( card.training.getAsJsonObject( "lastLogged" ).has( "d_loss" ) );
		try ( PlaneNetwork net = model.open( Device.cpu() ) )
		{
			assertEquals( 32 * 32, net.process( tile( 32 * 32 ), 32, 32 ).length );
		}
	}

	@Test
	void superResolutionOnLowresPairs()
	{
		final Path out = dir.resolve( "sr" );
		assertEquals( 0, Main.run( "train", "--gan", "hinge", "--generator", "sr", "--scale", "2", "--task", "sr", "--conditional", "--out", out.toString(), "--steps", "1",
				"--batch", "2", "--patch", "32", "--filters", "4", "--depth", "1", "--disc-filters", "4" ) );
		final StoredModel model = ModelStore.load( ModelSource.directory( out ) );
		assertEquals( 2, model.card().scale );
		assertEquals( 2, ( ( SrConfig ) model.architecture() ).scale );
		assertTrue( model.card().training.getAsJsonObject( "data" ).get( "degradation" ).getAsString().startsWith( "lowres" ) );
		try ( PlaneNetwork net = model.open( Device.cpu() ) )
		{
			assertEquals( 4 * 16 * 16, net.process( tile( 16 * 16 ), 16, 16 ).length );
		}
	}

	@Test
	void badCombinationsFailWithAMessage()
	{
		final String run = dir.resolve( "bad" ).toString();
		assertNotEquals( 0, Main.run( "train", "--out", run, "--content", "l1+perceptual", "--steps", "1" ), "feature losses need --gan" );
		assertNotEquals( 0, Main.run( "train", "--out", run, "--scale", "2", "--steps", "1" ), "--scale needs --generator sr" );
		assertNotEquals( 0, Main.run( "train", "--out", run, "--gan", "best", "--steps", "1" ) );
		assertNotEquals( 0, Main.run( "train", "--steps", "1" ), "a run folder is needed" );
		final java.nio.file.Path units = dir.resolve( "bad-units" );
		assertNotEquals( 0, Main.run( "train", "--out", units.toString(), "--gan", "ralsgan", "--clean-units", "--steps", "1", "--batch", "2", "--patch", "32", "--filters", "4",
				"--depth", "1" ), "--clean-units is for supervised training" );
		assertNotEquals( 0, Main.run( "train", "--out", units.toString(), "--gan", "ralsgan", "--noise-units", "--steps", "1", "--batch", "2", "--patch", "32", "--filters", "4",
				"--depth", "1" ), "--noise-units is for supervised training" );
		assertNotEquals( 0, Main.run( "train", "--out", units.toString(), "--clean-units", "--noise-units", "--steps", "1", "--batch", "2", "--patch", "32", "--filters", "4",
				"--depth", "1" ), "one unit for the loss" );
		assertFalse( java.nio.file.Files.exists( units.resolve( "config.json" ) ), "refused before any training" );
	}
}
