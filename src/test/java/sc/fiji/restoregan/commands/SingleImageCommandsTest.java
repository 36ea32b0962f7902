package sc.fiji.restoregan.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import ij.ImageStack;
import ij.process.FloatProcessor;

import sc.fiji.restoregan.sisr.ModelFolder;
import sc.fiji.restoregan.sisr.SisrSettings;

/** The single-image commands run headless (no window) in a small SciJava context. */
class SingleImageCommandsTest extends CommandContextTest
{
	@TempDir
	Path tmp;

	@Test
	void commandsAreDiscoveredUnderTheirMenuPaths()
	{
		assertMenuPath( ZssrCommand.class, "Plugins>Restore>Single image>ZSSR..." );
		assertMenuPath( SinganCommand.class, "Plugins>Restore>Single image>SinGAN..." );
		assertMenuPath( InganCommand.class, "Plugins>Restore>Single image>InGAN..." );
		assertMenuPath( ApplySingleImageModelCommand.class, "Plugins>Restore>Single image>Apply saved model..." );
	}

	@Test
	void knobsAtZeroTakeThePresetsValues()
	{
		final SinganCommand c = new SinganCommand();
		final SisrSettings preset = SisrSettings.of( sc.fiji.restoregan.sisr.SisrMethod.SINGAN, sc.fiji.restoregan.sisr.SisrPreset.FAST, 2 );
		final SisrSettings s = c.settings();
		assertEquals( preset.iterations, s.iterations );
		assertEquals( preset.width, s.width );
		assertEquals( preset.learningRate, s.learningRate );
		assertEquals( preset.noiseAmplitude, s.noiseAmplitude );
		assertEquals( preset.reconstructionWeight, s.reconstructionWeight );
		assertEquals( "singan", s.method );
	}

	@Test
	void zssrTrainsSavesAndAppliesToEveryPlane() throws Exception
	{
		final ImagePlus input = stack( 64, 48, 2 );
		final float[] before = ( ( float[] ) input.getStack().getPixels( 1 ) ).clone();
		final File folder = tmp.resolve( "zssr" ).toFile();
		final Map< String, Object > in = tiny( input );
		in.put( "modelFolder", folder );
		final CommandModule m = commands.run( ZssrCommand.class, true, in ).get();
		assertFalse( m.isCanceled(), m.getCancelReason() );
		final ImagePlus out = ( ImagePlus ) m.getOutput( "output" );
		assertEquals( 128, out.getWidth() );
		assertEquals( 96, out.getHeight() );
		assertEquals( 2, out.getStackSize() );
		assertNull( m.getOutput( "samples" ) );
		assertArrayEquals( before, ( float[] ) input.getStack().getPixels( 1 ), "input unchanged" );
		assertTrue( Files.exists( folder.toPath().resolve( ModelFolder.DESCRIPTION ) ) );

		final Map< String, Object > apply = new HashMap<>( Map.of( "input", input, "model", folder, "continueTraining", false ) );
		final ImagePlus again = ( ImagePlus ) commands.run( ApplySingleImageModelCommand.class, true, apply ).get().getOutput( "output" );
		assertEquals( 128, again.getWidth() );
		assertEquals( 2, again.getStackSize() );
	}

	@Test
	void continuedTrainingOfASavedModel() throws Exception
	{
		final ImagePlus input = stack( 64, 48, 1 );
		final File folder = tmp.resolve( "zssr" ).toFile();
		final Map< String, Object > in = tiny( input );
		in.put( "modelFolder", folder );
		commands.run( ZssrCommand.class, true, in ).get();
		final Map< String, Object > apply = new HashMap<>( Map.of( "input", input, "model", folder, "continueTraining", true, "window", false ) );
		final CommandModule continued = commands.run( ApplySingleImageModelCommand.class, true, apply ).get();
		assertFalse( continued.isCanceled(), continued.getCancelReason() );
		assertEquals( 96, ( ( ImagePlus ) continued.getOutput( "output" ) ).getHeight() );
	}

	@Test
	void aMissingModelFolderCancelsWithAMessage() throws Exception
	{
		final CommandModule m = commands.run( ApplySingleImageModelCommand.class, true, Map.of( "input", stack( 32, 32, 1 ), "model", tmp.resolve( "none" ).toFile() ) ).get();
		assertTrue( m.isCanceled() );
		assertNotNull( m.getCancelReason() );
	}

	private static Map< String, Object > tiny( final ImagePlus input )
	{
		final Map< String, Object > in = new HashMap<>();
		in.put( "input", input );
		in.put( "iterations", 12 );
		in.put( "width", 8 );
		in.put( "window", false );
		return in;
	}

	/** A smooth test pattern with a few planes. */
	static ImagePlus stack( final int w, final int h, final int planes )
	{
		final ImageStack stack = new ImageStack( w, h );
		for ( int p = 0; p < planes; p++ )
		{
			final FloatProcessor fp = new FloatProcessor( w, h );
			for ( int y = 0; y < h; y++ )
				for ( int x = 0; x < w; x++ )
					fp.setf( x, y, ( float ) ( 100 + 50 * Math.sin( x * 0.4 + p ) * Math.cos( y * 0.3 ) ) );
			stack.addSlice( fp );
		}
		return new ImagePlus( "pattern", stack );
	}
}
