package sc.fiji.restoregan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.Calibration;
import ij.ImageStack;
import ij.process.ShortProcessor;

import sc.fiji.restoregan.TestModels;

class MainTest
{
	@TempDir
	Path dir;

	/** Runs the CLI and returns {exit code, stderr}. */
	private static Object[] run( final String... args )
	{
		final PrintStream err = System.err;
		final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		System.setErr( new PrintStream( buffer, true, StandardCharsets.UTF_8 ) );
		try
		{
			return new Object[] { Main.run( args ), buffer.toString( StandardCharsets.UTF_8 ) };
		}
		finally
		{
			System.setErr( err );
		}
	}

	private Path stack16() throws Exception
	{
		final ImageStack stack = new ImageStack( 60, 40 );
		final Random rnd = new Random( 3 );
		for ( int z = 0; z < 3; z++ )
		{
			final ShortProcessor sp = new ShortProcessor( 60, 40 );
			for ( int i = 0; i < 60 * 40; i++ )
				sp.set( i, 200 + rnd.nextInt( 500 ) );
			stack.addSlice( sp );
		}
		final Path file = dir.resolve( "in.tif" );
		final ImagePlus imp = new ImagePlus( "in", stack );
		final Calibration calibration = new Calibration();
		calibration.pixelWidth = calibration.pixelHeight = 0.1;
		calibration.pixelDepth = 0.5;
		calibration.setUnit( "micron" );
		imp.setCalibration( calibration );
		IJ.saveAsTiff( imp, file.toString() );
		return file;
	}

	@Test
	void recordedArgumentsAreShellWords()
	{
		assertEquals( "--content", Main.shellQuoted( "--content" ) );
		assertEquals( "../shared/data/real", Main.shellQuoted( "../shared/data/real" ) );
		assertEquals( "'affine-l1+0.1*l1'", Main.shellQuoted( "affine-l1+0.1*l1" ) );
		assertEquals( "'a b'", Main.shellQuoted( "a b" ) );
		assertEquals( "'it'\\''s'", Main.shellQuoted( "it's" ) );
		assertEquals( "''", Main.shellQuoted( "" ) );
	}

	@Test
	void restoresAStackIntoAFloatTiffOfTheSameSize() throws Exception
	{
		TestModels.saveTiny( dir.resolve( "model" ), 1 );
		final Path out = dir.resolve( "out" ).resolve( "restored.tif" );
		final Object[] r = run( "restore", "--task", "denoise", "--input", stack16().toString(), "--output", out.toString(), "--model", dir.resolve( "model" ).toString(), "--device", "cpu", "--tile", "64" );
		assertEquals( 0, r[ 0 ], ( String ) r[ 1 ] );
		final ImagePlus imp = IJ.openImage( out.toString() );
		assertEquals( ImagePlus.GRAY32, imp.getType() );
		assertEquals( 60, imp.getWidth() );
		assertEquals( 40, imp.getHeight() );
		assertEquals( 3, imp.getStackSize() );
		// the input's calibration carries over
		assertEquals( 0.1, imp.getCalibration().pixelWidth, 1e-9 );
		assertEquals( 0.5, imp.getCalibration().pixelDepth, 1e-9 );
		assertEquals( "micron", imp.getCalibration().getUnit() );
	}

	/** restore --psf hands a named PSF to a model that deconvolves with it; a bad PSF is one clear line. */
	@Test
	void restoreTakesAPsf() throws Exception
	{
		TestModels.saveTinyWithPsf( dir.resolve( "psf" ), 1 );
		final Path out = dir.resolve( "deblurred.tif" );
		final Object[] r = run( "restore", "--task", "deblur", "--input", stack16().toString(), "--output", out.toString(), "--model", dir.resolve( "psf" ).toString(), "--psf", "widefield:2,0.5", "--device", "cpu" );
		assertEquals( 0, r[ 0 ], ( String ) r[ 1 ] );
		assertEquals( 3, IJ.openImage( out.toString() ).getStackSize() );
		final Object[] noPsf = run( "restore", "--task", "deblur", "--input", stack16().toString(), "--output", out.toString(), "--model", dir.resolve( "psf" ).toString() );
		assertTrue( ( ( String ) noPsf[ 1 ] ).contains( "point-spread function" ), ( String ) noPsf[ 1 ] );
		final Object[] badFile = run( "restore", "--task", "deblur", "--input", stack16().toString(), "--output", out.toString(), "--model", dir.resolve( "psf" ).toString(), "--psf", "nope.tif" );
		assertTrue( ( ( String ) badFile[ 1 ] ).startsWith( "error: No such PSF image file: nope.tif" ), ( String ) badFile[ 1 ] );
	}

	@Test
	void superResolutionEnlargesAndTheShippedDenoiserBlendsWithItsTwin() throws Exception
	{
		TestModels.saveTinySr( dir.resolve( "sr" ), 1, 4 );
		final Path out = dir.resolve( "sr.tif" );
		final Object[] r = run( "restore", "--task", "sr", "--scale", "4", "--input", stack16().toString(), "--output", out.toString(), "--model", dir.resolve( "sr" ).toString(), "--device", "cpu" );
		assertEquals( 0, r[ 0 ], ( String ) r[ 1 ] );
		final ImagePlus imp = IJ.openImage( out.toString() );
		assertEquals( 240, imp.getWidth() );
		assertEquals( 160, imp.getHeight() );
		assertEquals( 3, imp.getStackSize() );
		// four times the pixels per micron along X and Y, the same along Z
		assertEquals( 0.025, imp.getCalibration().pixelWidth, 1e-9 );
		assertEquals( 0.025, imp.getCalibration().pixelHeight, 1e-9 );
		assertEquals( 0.5, imp.getCalibration().pixelDepth, 1e-9 );
		final Path blended = dir.resolve( "blended.tif" );
		final Object[] b = run( "restore", "--task", "denoise", "--realism", "0.5", "--input", stack16().toString(), "--output", blended.toString(), "--device", "cpu" );
		assertEquals( 0, b[ 0 ], ( String ) b[ 1 ] );
		assertTrue( Files.exists( blended ) );
		final Object[] bad = run( "restore", "--task", "denoise", "--realism", "-1", "--input", stack16().toString(), "--output", blended.toString() );
		assertTrue( ( ( String ) bad[ 1 ] ).contains( "Realism must be between 0" ), ( String ) bad[ 1 ] );
	}

	@Test
	void sisrSavesASinganModelAndReappliesItWithAnotherDetail() throws Exception
	{
		final Path model = dir.resolve( "singan" ), out = dir.resolve( "sr.tif" ), flat = dir.resolve( "flat.tif" );
		final Object[] trained = run( "sisr", "--method", "singan", "--input", stack16().toString(), "--output", out.toString(), "--scale", "2",
				"--iterations", "2", "--net-width", "8", "--save-model", model.toString() );
		assertEquals( 0, trained[ 0 ], ( String ) trained[ 1 ] );
		final Object[] bicubic = run( "sisr", "--model", model.toString(), "--detail", "0", "--input", stack16().toString(), "--output", flat.toString() );
		assertEquals( 0, bicubic[ 0 ], ( String ) bicubic[ 1 ] );
		final ImagePlus a = IJ.openImage( out.toString() ), b = IJ.openImage( flat.toString() );
		assertEquals( 120, a.getWidth() );
		assertEquals( 80, b.getHeight() );
		assertEquals( 3, b.getStackSize() );
		assertEquals( 0.05, a.getCalibration().pixelWidth, 1e-9 );
		// detail 0 drops the generator's change: the saved model (detail 0.75) differs from it
		final float[] pa = ( float[] ) a.getStack().getPixels( 1 ), pb = ( float[] ) b.getStack().getPixels( 1 );
		double diff = 0;
		for ( int k = 0; k < pa.length; k++ )
			diff += Math.abs( pa[ k ] - pb[ k ] );
		assertTrue( diff > 0 );
	}

	@Test
	void errorsAreOneLineWithNonZeroExitAndNoPartialOutput() throws Exception
	{
		final Path out = dir.resolve( "out.tif" );
		final Object[] missing = run( "restore", "--task", "denoise", "--input", dir.resolve( "nope.tif" ).toString(), "--output", out.toString() );
		assertNotEquals( 0, missing[ 0 ] );
		assertEquals( 1, ( ( String ) missing[ 1 ] ).strip().lines().count(), ( String ) missing[ 1 ] );
		assertTrue( ( ( String ) missing[ 1 ] ).startsWith( "error: No such file" ) );
		final Object[] noModel = run( "restore", "--task", "sr", "--scale", "3", "--input", stack16().toString(), "--output", out.toString() );
		assertNotEquals( 0, noModel[ 0 ] );
		assertTrue( ( ( String ) noModel[ 1 ] ).contains( "scales [2, 4]" ), ( String ) noModel[ 1 ] );
		final Object[] badModel = run( "restore", "--task", "denoise", "--input", stack16().toString(), "--output", out.toString(), "--model", dir.toString() );
		assertNotEquals( 0, badModel[ 0 ] );
		assertFalse( ( ( String ) badModel[ 1 ] ).contains( "\tat " ), "no stack trace without --verbose" );
		assertFalse( Files.exists( out ) );
		try ( Stream< Path > files = Files.list( dir ) )
		{
			assertTrue( files.noneMatch( p -> p.getFileName().toString().contains( ".tmp" ) ), "no temporary files left" );
		}
		final Object[] verbose = run( "restore", "--task", "denoise", "--input", stack16().toString(), "--output", out.toString(), "--model", dir.toString(), "--verbose" );
		assertTrue( ( ( String ) verbose[ 1 ] ).contains( "\tat " ), "--verbose shows the stack trace" );
	}

	@Test
	void demoRunsTheShippedDenoiserAndWritesItsFigure() throws Exception
	{
		final Object[] r = run( "demo", "--size", "96", "--output", dir.resolve( "demo" ).toString() );
		assertEquals( 0, r[ 0 ], ( String ) r[ 1 ] );
		for ( final String f : new String[] { "clean.tif", "noisy.tif", "gaussian.tif", "restored.tif", "demo.png" } )
			assertTrue( Files.size( dir.resolve( "demo" ).resolve( f ) ) > 0, f );
		final ImagePlus png = IJ.openImage( dir.resolve( "demo" ).resolve( "demo.png" ).toString() );
		assertEquals( 4 * 96 + 3 * 4, png.getWidth() );
	}
}
