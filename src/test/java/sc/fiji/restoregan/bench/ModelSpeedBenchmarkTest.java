package sc.fiji.restoregan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.Device;

import sc.fiji.restoregan.TestModels;
import sc.fiji.restoregan.cli.Main;
import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.pipeline.RestoreException;

/** Rows of the per-model speed table on tiny models and a tiny image; no timing assertions. */
class ModelSpeedBenchmarkTest
{
	@TempDir
	Path dir;

	private static void positiveFinite( final double v, final String what )
	{
		assertTrue( v > 0 && Double.isFinite( v ), what + " = " + v );
	}

	@Test
	void rowsNameTheModelsWithPositiveFiguresAndOutputScaledBySquare() throws Exception
	{
		final String denoiser = dir.resolve( "tiny-denoise" ).toString(), sr2 = dir.resolve( "tiny-sr2" ).toString(), sr4 = dir.resolve( "tiny-sr4" ).toString();
		final String context = dir.resolve( "tiny-context" ).toString();
		TestModels.saveTiny( Path.of( denoiser ), 1 );
		TestModels.saveTinySr( Path.of( sr2 ), 2, 2 );
		TestModels.saveTinySr( Path.of( sr4 ), 3, 4 );
		final ModelCard contextCard = TestModels.saveTinyWithContext( Path.of( context ), 4 );
		contextCard.ensemble = 2;
		ModelStore.writeCard( Path.of( context ), contextCard );
		final List< String > names = ModelSpeedBenchmark.resolve( denoiser + " , " + sr2 + "," + sr4 + "," + context );
		assertEquals( List.of( denoiser, sr2, sr4, context ), names );

		final double ceiling = 10; // not measured: the test checks arithmetic, not speed
		final List< ModelSpeedBenchmark.Row > rows = ModelSpeedBenchmark.run( names, Device.cpu(), 64, ceiling, s -> {} );
		assertEquals( names, rows.stream().map( ModelSpeedBenchmark.Row::model ).toList() );
		assertEquals( List.of( 1, 2, 4, 1 ), rows.stream().map( ModelSpeedBenchmark.Row::scale ).toList() );
		for ( final ModelSpeedBenchmark.Row r : rows )
		{
			final SpeedBenchmark.Measurement m = r.measurement();
			assertEquals( 64, m.size() );
			assertTrue( r.parameters() > 0, r.model() );
			assertTrue( r.weightBytes() > 0, r.model() );
			positiveFinite( r.gflopPerInputMegapixel(), "GFLOP/MP" );
			positiveFinite( m.seconds(), "seconds" );
			positiveFinite( m.inputMegapixelsPerSecond(), "input MP/s" );
			positiveFinite( m.outputMegapixelsPerSecond(), "output MP/s" );
			positiveFinite( m.networkGflops(), "GFLOP/s" );
			positiveFinite( r.ofMatmul(), "of matmul" );
			assertTrue( m.tilingOverhead() >= 1, "overhead " + m.tilingOverhead() );
			final int s2 = r.scale() * r.scale();
			assertEquals( m.inputMegapixels() * s2, m.outputMegapixels(), 1e-12 );
			assertEquals( m.inputMegapixelsPerSecond() * s2, m.outputMegapixelsPerSecond(), 1e-9 * m.outputMegapixelsPerSecond() );
			assertEquals( r.measurement().networkGflops() / ceiling, r.ofMatmul(), 1e-12 );
		}
		// a model with a default self-ensemble is timed again with it: twice the pixels through the network
		assertEquals( List.of( 1, 1, 1, 2 ), rows.stream().map( ModelSpeedBenchmark.Row::ensemble ).toList() );
		assertSame( rows.get( 0 ).measurement(), rows.get( 0 ).atDefault() );
		assertEquals( 2 * rows.get( 3 ).measurement().networkPixels(), rows.get( 3 ).atDefault().networkPixels() );
		// the U-Net and the SR network have different parameter counts; the x4 head is larger than the x2 one
		assertTrue( rows.get( 2 ).parameters() > rows.get( 1 ).parameters() );

		final String table = ModelSpeedBenchmark.table( rows );
		assertEquals( 2 + rows.size(), table.lines().count(), table );
		assertTrue( table.contains( "`" + sr4 + "`" ) && table.contains( "| x4 |" ), table );
		final String report = ModelSpeedBenchmark.report( rows, "java -jar target/restoregan.jar bench --models x" );
		assertTrue( report.contains( "`java -jar target/restoregan.jar bench --models x`" ) && report.contains( "CPU cores" ), report );
	}

	/** A model that deconvolves with a known PSF is timed with one, and the report says which. */
	@Test
	void aModelThatNeedsAPsfIsTimedWithOne() throws Exception
	{
		final Path psf = dir.resolve( "tiny-psf" );
		TestModels.saveTinyWithPsf( psf, 5 );
		final List< ModelSpeedBenchmark.Row > rows = ModelSpeedBenchmark.run( List.of( psf.toString() ), Device.cpu(), 64, 10, s -> {} );
		assertTrue( rows.get( 0 ).architecture().context().needsPsf() );
		positiveFinite( rows.get( 0 ).measurement().seconds(), "seconds" );
		final String report = ModelSpeedBenchmark.report( rows, "bench" );
		assertTrue( report.contains( "are given `" + ModelSpeedBenchmark.SPEED_PSF + "` (63 x 63 px)" ), report );
		assertTrue( !ModelSpeedBenchmark.report( List.of(), "bench" ).contains( "known PSF" ) );
	}

	/** A model averaged with a partner counts both networks' parameters, weights and FLOP, and the table names the partner. */
	@Test
	void aModelWithAPartnerCountsBothNetworks() throws Exception
	{
		final Path alone = dir.resolve( "alone" ), main = dir.resolve( "main" ), partner = dir.resolve( "partner" );
		TestModels.saveTinyWithContext( alone, 4 );
		final ModelCard card = TestModels.saveTinyWithContext( main, 4 );
		card.meanWith = "partner";
		ModelStore.writeCard( main, card );
		TestModels.saveTinyWithContext( partner, 5 );
		final List< ModelSpeedBenchmark.Row > rows = ModelSpeedBenchmark.run( List.of( alone.toString(), main.toString() ), Device.cpu(), 64, 10, s -> {} );
		final ModelSpeedBenchmark.Row single = rows.get( 0 ), pair = rows.get( 1 );
		assertNull( single.partner() );
		assertEquals( "tiny", pair.partner() );
		assertEquals( 2 * single.parameters(), pair.parameters() );
		assertEquals( 2 * single.weightBytes(), pair.weightBytes() );
		assertEquals( 2 * single.gflopPerInputMegapixel(), pair.gflopPerInputMegapixel(), 1e-9 );
		assertEquals( 2 * single.measurement().flops(), pair.measurement().flops(), 1e-6 * pair.measurement().flops() );
		assertTrue( ModelSpeedBenchmark.table( rows ).contains( "residual-unet averaged with `tiny`" ), ModelSpeedBenchmark.table( rows ) );
	}

	@Test
	void allMeansTheShippedModelsWithoutTheirGanTwins()
	{
		final ModelCard a = card( "denoise", "denoise-gan" ), twin = card( "denoise-gan", null ), b = card( "deblur", null );
		assertEquals( List.of( "denoise", "deblur" ), ModelSpeedBenchmark.distinctFaithful( List.of( a, twin, b ) ) );
		assertTrue( ModelSpeedBenchmark.resolve( "all" ).contains( "denoise" ) );
		assertThrows( RestoreException.class, () -> ModelSpeedBenchmark.resolve( " , " ) );
	}

	private static ModelCard card( final String name, final String twin )
	{
		final ModelCard c = new ModelCard();
		c.name = name;
		c.realismTwin = twin;
		return c;
	}

	@Test
	void commandLinePrintsTheTableAndWritesTheReport() throws Exception
	{
		final Path model = dir.resolve( "m" );
		TestModels.saveTiny( model, 4 );
		final Path report = dir.resolve( "speed.md" );
		final PrintStream out = System.out;
		final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		System.setOut( new PrintStream( buffer, true, StandardCharsets.UTF_8 ) );
		final int code;
		try
		{
			code = Main.run( "bench", "--models", model.toString(), "--size", "64", "--device", "cpu", "--report", report.toString() );
		}
		finally
		{
			System.setOut( out );
		}
		final String printed = buffer.toString( StandardCharsets.UTF_8 );
		assertEquals( 0, code, printed );
		assertTrue( printed.contains( "| `" + model + "` | denoise | residual-unet |" ), printed );
		final String written = Files.readString( report );
		assertTrue( written.contains( "bench --models " + model + " --size 64" ) && written.contains( "| `" + model + "` |" ), written );
		assertEquals( 2, Main.run( "bench", "--models", model.toString(), "--model", "denoise" ) );
	}
}
