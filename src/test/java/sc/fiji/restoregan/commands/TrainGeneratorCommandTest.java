package sc.fiji.restoregan.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandModule;

import ij.ImagePlus;

/** Train generator... runs headless (no window) in a small SciJava context. */
class TrainGeneratorCommandTest extends CommandContextTest
{
	@TempDir
	Path tmp;

	@Test
	void discoveredUnderItsMenuPath()
	{
		assertMenuPath( TrainGeneratorCommand.class, "Plugins>Restore>Train generator..." );
	}

	@Test
	void l1OnASyntheticDegradationWritesAModelAndRestoresTheImage() throws Exception
	{
		final ImagePlus clean = SingleImageCommandsTest.stack( 64, 64, 1 );
		final float[] before = ( ( float[] ) clean.getProcessor().getPixels() ).clone();
		final File folder = tmp.resolve( "model" ).toFile();
		final Map< String, Object > in = tiny( clean );
		in.put( "modelFolder", folder );
		final CommandModule m = commands.run( TrainGeneratorCommand.class, true, in ).get();
		assertFalse( m.isCanceled(), m.getCancelReason() );
		final ImagePlus out = ( ImagePlus ) m.getOutput( "output" );
		assertEquals( 64, out.getWidth() );
		assertEquals( 64, out.getHeight() );
		assertTrue( Files.exists( folder.toPath().resolve( "card.json" ) ) );
		assertTrue( Files.readString( folder.toPath().resolve( "card.json" ) ).contains( "\"denoise\"" ) );
		assertArrayEquals( before, ( float[] ) clean.getProcessor().getPixels(), "input unchanged" );

		final CommandModule restored = commands.run( DenoiseCommand.class, true, Map.of( "input", sc.fiji.restoregan.io.ImageFiles.wrap( clean ), "model", folder.toString() ) ).get();
		assertFalse( restored.isCanceled(), restored.getCancelReason() );
	}

	@Test
	void ganOnPairsOfOpenImages() throws Exception
	{
		final ImagePlus input = SingleImageCommandsTest.stack( 48, 48, 2 ), target = SingleImageCommandsTest.stack( 48, 48, 2 );
		final Map< String, Object > in = tiny( input );
		in.put( "data", TrainGeneratorCommand.PAIRS );
		in.put( "target", target );
		in.put( "objective", "lsgan" );
		final CommandModule m = commands.run( TrainGeneratorCommand.class, true, in ).get();
		assertFalse( m.isCanceled(), m.getCancelReason() );
		final ImagePlus out = ( ImagePlus ) m.getOutput( "output" );
		assertEquals( 48, out.getWidth() );
		assertEquals( 2, out.getStackSize() );
	}

	@Test
	void pairsWithoutATargetCancelWithAMessage() throws Exception
	{
		final Map< String, Object > in = tiny( SingleImageCommandsTest.stack( 48, 48, 1 ) );
		in.put( "data", TrainGeneratorCommand.PAIRS );
		final CommandModule m = commands.run( TrainGeneratorCommand.class, true, in ).get();
		assertTrue( m.isCanceled() );
		assertTrue( m.getCancelReason().contains( "target" ) );
	}

	private static Map< String, Object > tiny( final ImagePlus input )
	{
		final Map< String, Object > in = new HashMap<>();
		in.put( "input", input );
		in.put( "steps", 3 );
		in.put( "batch", 2 );
		in.put( "patch", 32 );
		in.put( "filters", 4 );
		in.put( "window", false );
		in.put( "data", TrainGeneratorCommand.SYNTHETIC );
		in.put( "objective", "none" );
		in.put( "generator", "unet" );
		return in;
	}
}
