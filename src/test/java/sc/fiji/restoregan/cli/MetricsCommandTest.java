package sc.fiji.restoregan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import net.imglib2.img.array.ArrayImgs;

import sc.fiji.restoregan.io.ImageFiles;

/** The {@code metrics} subcommand through {@link Main#run(String...)}. */
class MetricsCommandTest
{
	@TempDir
	Path dir;

	/** Output, error and exit status of one run. */
	private record Result( int status, String out, String err )
	{}

	private static Result run( final String... args )
	{
		final PrintStream out = System.out, err = System.err;
		final ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
		try
		{
			System.setOut( new PrintStream( o, true, StandardCharsets.UTF_8 ) );
			System.setErr( new PrintStream( e, true, StandardCharsets.UTF_8 ) );
			final int status = Main.run( args );
			return new Result( status, o.toString( StandardCharsets.UTF_8 ), e.toString( StandardCharsets.UTF_8 ) );
		}
		finally
		{
			System.setOut( out );
			System.setErr( err );
		}
	}

	private static String golden( final String name ) throws Exception
	{
		return Paths.get( MetricsCommandTest.class.getResource( "/golden/" + name ).toURI() ).toString();
	}

	@Test
	void printsAllScoresAsJson() throws Exception
	{
		final Result r = run( "metrics", "--reference", golden( "membranes_ref.tif" ), "--input", golden( "membranes_blur.tif" ) );
		assertEquals( 0, r.status(), r.err() );
		final JsonObject json = JsonParser.parseString( r.out() ).getAsJsonObject();
		// golden_metrics.csv: membranes_blur PSNR 34.060661, SSIM 0.909626, NIQE 16.548719 (scikit-video)
		assertEquals( 34.060661, json.get( "psnr" ).getAsDouble(), 1e-4 );
		assertEquals( 0.909626, json.get( "ssim" ).getAsDouble(), 1e-4 );
		assertEquals( 0.965109876, json.get( "ms_ssim" ).getAsDouble(), 1e-6 );
		assertEquals( 16.548719, json.get( "niqe" ).getAsDouble(), 0.03 * 16.548719 );
		assertEquals( 43815, json.get( "data_range" ).getAsDouble(), 1e-6 );
		assertEquals( "live", json.get( "niqe_model" ).getAsString() );
	}

	@Test
	void withoutReferenceOnlyNiqe() throws Exception
	{
		final Result r = run( "metrics", "--input", golden( "camera_noise.tif" ), "--data-range", "255" );
		assertEquals( 0, r.status(), r.err() );
		final JsonObject json = JsonParser.parseString( r.out() ).getAsJsonObject();
		assertFalse( json.has( "psnr" ) );
		assertFalse( json.has( "ssim" ) );
		assertEquals( 9.411389, json.get( "niqe" ).getAsDouble(), 0.03 * 9.411389 );
	}

	@Test
	void identicalImagesGiveNullPsnrWithANote() throws Exception
	{
		final Result r = run( "metrics", "--reference", golden( "coins_ref.tif" ), "--input", golden( "coins_ref.tif" ) );
		final JsonObject json = JsonParser.parseString( r.out() ).getAsJsonObject();
		assertTrue( json.get( "psnr" ).isJsonNull() );
		assertEquals( 1, json.get( "ssim" ).getAsDouble(), 1e-12 );
		assertTrue( json.get( "notes" ).toString().contains( "infinite" ) );
	}

	@Test
	void sizeMismatchIsAOneLineError() throws Exception
	{
		final Path small = dir.resolve( "small.tif" );
		ImageFiles.writeFloatTiff( ArrayImgs.floats( 64, 32 ), small );
		final Result r = run( "metrics", "--reference", golden( "camera_ref.tif" ), "--input", small.toString() );
		assertEquals( 2, r.status() );
		assertEquals( "", r.out() );
		final String err = r.err().strip();
		assertFalse( err.contains( "\n" ), err );
		assertTrue( err.startsWith( "error: The reference is 512x512 but 'small.tif' is 64x32" ), err );
	}

	@Test
	void fitsANiqeModelAndUsesItByName() throws IOException
	{
		final Path clean = dir.resolve( "clean" );
		Files.createDirectories( clean );
		final Supplier< float[] > texture = new Supplier<>()
		{
			long seed = 1;

			@Override
			public float[] get()
			{
				final java.util.Random random = new java.util.Random( seed++ );
				final float[] p = new float[ 288 * 288 ];
				for ( int i = 0; i < p.length; i++ )
					p[ i ] = ( float ) random.nextGaussian();
				return sc.fiji.restoregan.filter.GaussianBlur.blur( p, 288, 288, 1.5 );
			}
		};
		for ( int i = 0; i < 5; i++ )
			ImageFiles.writeFloatTiff( ArrayImgs.floats( texture.get(), 288, 288 ), clean.resolve( i + ".tif" ) );
		final Path model = dir.resolve( "mine.json" );
		final Result fit = run( "metrics", "fit-niqe", "--images", clean.toString(), "--name", "mine", "--output", model.toString() );
		assertEquals( 0, fit.status(), fit.err() );
		assertTrue( Files.isRegularFile( model ) );
		final Path test = dir.resolve( "test.tif" );
		ImageFiles.writeFloatTiff( ArrayImgs.floats( texture.get(), 288, 288 ), test );
		final Result r = run( "metrics", "--input", test.toString(), "--niqe-model", model.toString() );
		assertEquals( 0, r.status(), r.err() );
		final double niqe = JsonParser.parseString( r.out() ).getAsJsonObject().get( "niqe" ).getAsDouble();
		assertTrue( Double.isFinite( niqe ) && niqe >= 0 );
		assertEquals( "mine", JsonParser.parseString( r.out() ).getAsJsonObject().get( "niqe_model" ).getAsString() );
	}
}
