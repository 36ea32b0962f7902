package sc.fiji.restoregan.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.module.Module;
import org.scijava.module.ModuleService;

import ij.ImagePlus;
import ij.WindowManager;
import ij.measure.Calibration;
import ij.process.ByteProcessor;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.restoregan.TestModels;
import sc.fiji.restoregan.bench.BenchmarkTask;
import sc.fiji.restoregan.degrade.ArtefactKind;
import sc.fiji.restoregan.degrade.Kernel;
import sc.fiji.restoregan.degrade.KnownDegradation;
import sc.fiji.restoregan.degrade.PsfSpec;
import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.model.ModelRegistry;
import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.model.Task;
import sc.fiji.restoregan.pipeline.RestoreException;

/** Every Restore menu item, the realism knob and the super-resolution path, headless. */
class RestoreCommandsTest extends CommandContextTest
{
	@TempDir
	Path dir;

	private static final Map< Class< ? >, String > MENU = Map.of( DenoiseCommand.class, "Plugins>Restore>Denoise", DeblurCommand.class, "Plugins>Restore>Deblur",
			DehazeCommand.class, "Plugins>Restore>Dehaze", RemoveStreaksCommand.class, "Plugins>Restore>Remove streaks and drops",
			FixLightingCommand.class, "Plugins>Restore>Fix lighting", SuperResolutionCommand.class, "Plugins>Restore>Super-resolution",
			AutoRestoreCommand.class, "Plugins>Restore>Auto (multi-task)" );

	@Test
	void everyTaskHasItsMenuItemWithTheSameKnobs()
	{
		MENU.forEach( ( type, path ) -> {
			assertMenuPath( type, path );
			final CommandInfo info = commands.getCommand( type.getName() );
			for ( final String name : new String[] { "model", "realism", "tile", "overlap", "device", "percentileLow", "percentileHigh", "ensemble" } )
				assertNotNull( info.getInput( name ), type.getSimpleName() + " " + name );
		} );
		assertNotNull( commands.getCommand( SuperResolutionCommand.class.getName() ).getInput( "scale" ) );
	}

	private static Img< UnsignedByteType > image( final long... dims )
	{
		final Img< UnsignedByteType > img = ArrayImgs.unsignedBytes( dims );
		final Random rnd = new Random( 3 );
		img.forEach( t -> t.set( 20 + rnd.nextInt( 200 ) ) );
		return img;
	}

	@Test
	void superResolutionEnlargesXAndYOfEveryPlaneOnly() throws Exception
	{
		TestModels.saveTinySr( dir, 1, 2 );
		final Img< UnsignedByteType > input = image( 30, 20, 2, 3 );
		final Img< UnsignedByteType > copy = input.copy();
		final CommandModule module = commands.run( SuperResolutionCommand.class, true, "input", input, "model", dir.toString(), "tile", 32, "overlap", 8, "device", "cpu", "ensemble", "4" ).get();
		assertNull( module.getCancelReason() );
		@SuppressWarnings( "unchecked" )
		final Img< FloatType > output = ( Img< FloatType > ) module.getOutput( "output" );
		assertArrayEquals( new long[] { 60, 40, 2, 3 }, output.dimensionsAsLongArray() );
		LoopBuilder.setImages( input, copy ).forEachPixel( ( a, b ) -> assertEquals( b.get(), a.get() ) );
	}

	/**
	 * The default self-ensemble choice is the model card's: the same output
	 * as asking for that size, another than without one. (Values are given,
	 * since SciJava remembers a command's last ones.)
	 */
	@Test
	void theDefaultSelfEnsembleIsTheModels() throws Exception
	{
		final ModelCard card = TestModels.saveTiny( dir.resolve( "ens" ), 1 );
		card.ensemble = 4;
		ModelStore.writeCard( dir.resolve( "ens" ), card );
		final Img< UnsignedByteType > input = image( 40, 28 );
		final String model = dir.resolve( "ens" ).toString();
		final Img< FloatType > byDefault = output( commands.run( DeblurCommand.class, true, "input", input, "model", model, "realism", 0.0, "ensemble", AbstractRestoreCommand.MODEL_ENSEMBLE ).get() );
		final Img< FloatType > four = output( commands.run( DeblurCommand.class, true, "input", input, "model", model, "realism", 0.0, "ensemble", "4" ).get() );
		final Img< FloatType > none = output( commands.run( DeblurCommand.class, true, "input", input, "model", model, "realism", 0.0, "ensemble", "1" ).get() );
		final double[] diff = new double[ 2 ];
		LoopBuilder.setImages( byDefault, four, none ).forEachPixel( ( a, b, c ) -> {
			diff[ 0 ] = Math.max( diff[ 0 ], Math.abs( a.get() - b.get() ) );
			diff[ 1 ] = Math.max( diff[ 1 ], Math.abs( a.get() - c.get() ) );
		} );
		assertEquals( 0, diff[ 0 ], 1e-6 );
		assertTrue( diff[ 1 ] > 1e-3, "the ensemble changes the output" );
	}

	@Test
	void realismNeedsATwinAndOutOfRangeValuesCancelClearly() throws Exception
	{
		final ModelCard card = TestModels.saveTiny( dir.resolve( "deblur" ), 1 );
		TestModels.saveTiny( dir.resolve( "deblur-gan" ), 2 );
		final Img< UnsignedByteType > input = image( 24, 24 );
		final CommandModule noTwin = commands.run( DeblurCommand.class, true, "input", input, "model", dir.resolve( "deblur" ).toString(), "realism", 0.5 ).get();
		assertTrue( noTwin.getCancelReason().contains( "no GAN-trained twin" ), noTwin.getCancelReason() );
		card.realismTwin = "deblur-gan";
		ModelStore.writeCard( dir.resolve( "deblur" ), card );
		final Img< FloatType > faithful = output( commands.run( DeblurCommand.class, true, "input", input, "model", dir.resolve( "deblur" ).toString(), "realism", 0.0 ).get() );
		final Img< FloatType > blended = output( commands.run( DeblurCommand.class, true, "input", input, "model", dir.resolve( "deblur" ).toString(), "realism", 0.7 ).get() );
		final double[] diff = new double[ 1 ];
		LoopBuilder.setImages( faithful, blended ).forEachPixel( ( a, b ) -> diff[ 0 ] += Math.abs( a.get() - b.get() ) );
		assertTrue( diff[ 0 ] > 1e-3, "realism changes the output" );
		final CommandModule bad = commands.run( DehazeCommand.class, true, "input", input, "model", dir.resolve( "deblur" ).toString(), "realism", 2.0 ).get();
		assertTrue( bad.getCancelReason().contains( "between 0" ), bad.getCancelReason() );
	}

	@SuppressWarnings( "unchecked" )
	private static Img< FloatType > output( final CommandModule module )
	{
		assertNull( module.getCancelReason() );
		return ( Img< FloatType > ) module.getOutput( "output" );
	}

	/**
	 * Deblur takes the PSF the image was blurred with (a named model of the
	 * blur or a PSF image file) and hands it to a model that deconvolves
	 * with it; such a model without a PSF cancels with a message. A PSF image
	 * of a Gaussian gives what the named Gaussian gives.
	 */
	@Test
	void deblurHandsTheGivenPsfToTheModel() throws Exception
	{
		TestModels.saveTinyWithPsf( dir.resolve( "psf" ), 3 );
		final String model = dir.resolve( "psf" ).toString();
		final Img< UnsignedByteType > input = image( 40, 28, 2 );
		final Img< UnsignedByteType > copy = input.copy();
		final CommandModule blind = commands.run( DeblurCommand.class, true, "input", input, "model", model ).get();
		assertTrue( blind.getCancelReason().contains( "point-spread function" ), blind.getCancelReason() );
		final Img< FloatType > named = output( commands.run( DeblurCommand.class, true, "input", input, "model", model, "psfType", "Gaussian", "psfSize", 1.5 ).get() );
		assertArrayEquals( new long[] { 40, 28, 2 }, named.dimensionsAsLongArray() );
		final float[] psf = PsfSpec.parse( "gaussian:1.5" ).weights();
		final int side = ( int ) Math.round( Math.sqrt( psf.length ) );
		final Path file = dir.resolve( "psf.tif" );
		ImageFiles.writeFloatTiff( ArrayImgs.floats( psf, side, side ), file );
		final Img< FloatType > fromFile = output( commands.run( DeblurCommand.class, true, "input", input, "model", model, "psfType", DeblurCommand.PSF_FILE, "psfFile", file.toFile() ).get() );
		final double[] diff = new double[ 1 ];
		LoopBuilder.setImages( named, fromFile ).forEachPixel( ( a, b ) -> diff[ 0 ] = Math.max( diff[ 0 ], Math.abs( a.get() - b.get() ) ) );
		assertTrue( diff[ 0 ] < 1e-3, "named and file PSF differ by " + diff[ 0 ] );
		final CommandModule noFile = commands.run( DeblurCommand.class, true, "input", input, "model", model, "psfType", DeblurCommand.PSF_FILE ).get();
		assertTrue( noFile.getCancelReason().contains( "PSF image file" ), noFile.getCancelReason() );
		final CommandModule badSize = commands.run( DeblurCommand.class, true, "input", input, "model", model, "psfType", "Defocus disk", "psfSize", 0.0 ).get();
		assertTrue( badSize.getCancelReason().contains( "positive" ), badSize.getCancelReason() );
		// a widefield PSF from the optics is the widefield PSF of its Airy radius, 0.61 lambda / NA / pixel size
		final Img< FloatType > optics = output( commands.run( DeblurCommand.class, true, "input", input, "model", model, "psfType", DeblurCommand.OPTICS, "numericalAperture", 1.4,
				"wavelength", 520.0, "pixelSize", 80.0, "psfDefocus", 0.5 ).get() );
		final Img< FloatType > widefield = output( commands.run( DeblurCommand.class, true, "input", input, "model", model, "psfType", "Widefield", "psfSize", 0.61 * 520 / 1.4 / 80,
				"psfDefocus", 0.5 ).get() );
		LoopBuilder.setImages( optics, widefield ).forEachPixel( ( a, b ) -> assertEquals( b.get(), a.get(), 1e-6 ) );
		final CommandModule coarse = commands.run( DeblurCommand.class, true, "input", input, "model", model, "psfType", DeblurCommand.OPTICS, "numericalAperture", 0.3,
				"wavelength", 520.0, "pixelSize", 1000.0 ).get();
		assertTrue( coarse.getCancelReason().contains( "too coarse" ), coarse.getCancelReason() );
		LoopBuilder.setImages( input, copy ).forEachPixel( ( a, b ) -> assertEquals( b.get(), a.get() ) );
	}

	/**
	 * The dialog's initializer reads the pixel size from the active image's
	 * calibration (SciJava finds it by name); without a calibrated image it
	 * keeps its default.
	 */
	@Test
	void theOpticsPixelSizeComesFromTheActiveImage() throws Exception
	{
		final ModuleService modules = context.service( ModuleService.class );
		final CommandInfo info = commands.getCommand( DeblurCommand.class.getName() );
		final Module plain = modules.createModule( info );
		plain.initialize();
		assertEquals( 100.0, plain.getInput( "pixelSize" ) );
		final ImagePlus image = new ImagePlus( "calibrated", new ByteProcessor( 8, 8 ) );
		final Calibration calibration = new Calibration();
		calibration.pixelWidth = calibration.pixelHeight = 0.065;
		calibration.setUnit( "µm" );
		image.setCalibration( calibration );
		WindowManager.setTempCurrentImage( image );
		try
		{
			final Module calibrated = modules.createModule( info );
			calibrated.initialize();
			assertEquals( 65.0, ( Double ) calibrated.getInput( "pixelSize" ), 1e-9 );
		}
		finally
		{
			WindowManager.setTempCurrentImage( null );
		}
	}

	/** Remove streaks takes the stripes' direction when the user knows it, and estimates it otherwise. */
	@Test
	void removeStreaksTakesAKnownDirection()
	{
		final CommandInfo info = commands.getCommand( RemoveStreaksCommand.class.getName() );
		assertNotNull( info.getInput( "direction" ) );
		assertNotNull( info.getInput( "angle" ) );
		assertTrue( Double.isNaN( RemoveStreaksCommand.degrees( RemoveStreaksCommand.ESTIMATE, 45 ) ) );
		assertEquals( 0, RemoveStreaksCommand.degrees( "along X", 45 ) );
		assertEquals( 90, RemoveStreaksCommand.degrees( "along Y", 45 ) );
		assertEquals( 45, RemoveStreaksCommand.degrees( RemoveStreaksCommand.ANGLE, 45 ) );
		final RemoveStreaksCommand< UnsignedByteType > command = new RemoveStreaksCommand<>();
		command.setDirection( 30 );
		assertEquals( 30, command.known().direction() );
		command.setDirection( Double.NaN );
		assertTrue( !command.known().hasDirection() );
		assertNotNull( info.getInput( "artefacts" ) );
		assertEquals( ArtefactKind.ANY, command.known().artefacts() );
		command.setArtefacts( ArtefactKind.STRIPES );
		assertEquals( ArtefactKind.STRIPES, command.known().artefacts() );
		command.setArtefacts( ArtefactKind.DROPS );
		assertEquals( ArtefactKind.DROPS, command.known().artefacts() );
		// the dialog offers exactly the kinds there are
		assertEquals( Arrays.stream( ArtefactKind.values() ).map( ArtefactKind::label ).toList(), info.getInput( "artefacts" ).getChoices() );
		final DeblurCommand< UnsignedByteType > deblur = new DeblurCommand<>();
		assertEquals( null, deblur.known().psf() );
		deblur.setPsf( "Gaussian", 2, 0 );
		assertArrayEquals( PsfSpec.parse( "gaussian:2" ).weights(), deblur.known().psf().weights(), 0 );
		deblur.setOpticsPsf( 1.2, 600, 100, 1 );
		assertArrayEquals( PsfSpec.parse( "widefield:" + 0.61 * 600 / 1.2 / 100 + ",1" ).weights(), deblur.known().psf().weights(), 0 );
	}

	@Test
	void defaultModelsFollowTaskAndScale()
	{
		assertEquals( "denoise", Task.DENOISE.defaultModel() );
		assertTrue( assertThrows( RestoreException.class, () -> Task.SR.defaultModel( 3 ) ).getMessage().contains( "scales [2, 4]" ) );
		assertTrue( assertThrows( RestoreException.class, () -> Task.DEBLUR.defaultModel( 2 ) ).getMessage().contains( "only sr takes a scale" ) );
		final KnownDegradation psfKnown = KnownDegradation.NONE.withPsf( Kernel.identity() );
		assertEquals( "deblur", Task.DEBLUR.defaultModel( 1, KnownDegradation.NONE ) );
		assertEquals( Task.DEBLUR_WITH_PSF, Task.DEBLUR.defaultModel( 1, psfKnown ) );
		assertEquals( "sr4", Task.SR.modelName( 4, psfKnown ) );
		final KnownDegradation stripes = KnownDegradation.NONE.withArtefacts( ArtefactKind.STRIPES ), drops = KnownDegradation.NONE.withArtefacts( ArtefactKind.DROPS );
		assertEquals( Task.DERAIN_STRIPES, Task.DERAIN.modelName( 1, stripes ) );
		assertEquals( Task.DERAIN_DROPS, Task.DERAIN.modelName( 1, drops ) );
		assertEquals( "derain", Task.DERAIN.modelName( 1, KnownDegradation.NONE.withDirection( 0 ) ) );
		assertEquals( "deblur", Task.DEBLUR.modelName( 1, stripes ), "only derain has a model for stripes" );
		// told stripes or drops, Remove streaks runs their model, or the general one when that does not ship
		for ( final KnownDegradation k : List.of( stripes, drops ) )
		{
			final String own = Task.DERAIN.modelName( 1, k );
			assertEquals( ModelRegistry.shipped().contains( own ) ? own : "derain", Task.DERAIN.defaultModel( 1, k ) );
		}
		// the deblur benchmark gives its baselines the PSF, so it measures the model that takes it
		assertTrue( BenchmarkTask.DEBLUR.known().psf() != null && BenchmarkTask.DERAIN.known().psf() == null && BenchmarkTask.DERAIN.known().artefacts() == ArtefactKind.ANY );
		assertEquals( List.of( "stripes" ), BenchmarkTask.DERAIN.levelsFor( Task.DERAIN_STRIPES ).stream().map( l -> l.name() ).toList() );
		assertEquals( List.of( "drops" ), BenchmarkTask.DERAIN.levelsFor( Task.DERAIN_DROPS ).stream().map( l -> l.name() ).toList() );
		assertEquals( List.of( Task.DERAIN_STRIPES, Task.DERAIN_DROPS ), BenchmarkTask.DERAIN.routedModelNames() );
		assertEquals( List.of( "stripes", "drops" ), BenchmarkTask.DERAIN.routedLevels().stream().map( l -> l.name() ).toList() );
		assertEquals( List.of(), BenchmarkTask.DENOISE.routedLevels(), "denoise has no model of its own for a known kind" );
		assertEquals( "denoise", Task.DENOISE.defaultModel( 1, psfKnown ), "only deblur has a model for a known PSF" );
	}
}
