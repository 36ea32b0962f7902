package sc.fiji.restoregan.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.Device;
import net.imglib2.img.array.ArrayImgs;

import sc.fiji.restoregan.TestModels;
import sc.fiji.restoregan.baseline.DegradedPlane;
import sc.fiji.restoregan.cli.Main;
import sc.fiji.restoregan.degrade.ArtefactKind;
import sc.fiji.restoregan.degrade.CameraNoise;
import sc.fiji.restoregan.degrade.PoissonGaussianNoise;
import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.metrics.Psnr;
import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.model.ModelRegistry;
import sc.fiji.restoregan.model.ModelSource;
import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.model.StoredModel;
import sc.fiji.restoregan.model.Task;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.pipeline.RestoreOptions;

/** Every task's benchmark on a small scene, with a stand-in network, and the CLI without a model. */
class RestorationBenchmarkTest
{
	private static final int SIZE = 64;

	/** Returns its input, nearest-neighbour upsampled to the task's scale. */
	private static PlaneRestorer nearest( final int scale )
	{
		return ( px, w, h ) -> {
			final float[] out = new float[ w * h * scale * scale ];
			for ( int y = 0; y < h * scale; y++ )
				for ( int x = 0; x < w * scale; x++ )
					out[ y * w * scale + x ] = px[ ( y / scale ) * w + x / scale ];
			return out;
		};
	}

	@Test
	void everyTaskMeasuresItsBaselinesAndTheNetwork()
	{
		final List< BenchmarkImages.Item > scene = BenchmarkImages.scenes( 1, SIZE, 3 );
		for ( final BenchmarkTask task : BenchmarkTask.values() )
		{
			final RestorationBenchmark benchmark = new RestorationBenchmark( task, 1 );
			final List< RestorationBenchmark.Case > cases = benchmark.run( scene, List.of(), Set.of(), nearest( task.scale() ), Progress.NONE );
			assertEquals( task.levels().size(), cases.size(), task.id() );
			final List< String > keys = new ArrayList<>();
			if ( task.scale() == 1 )
				keys.add( RestorationBenchmark.DEGRADED );
			task.baselines().forEach( b -> keys.add( b.name() ) );
			keys.add( RestorationBenchmark.NETWORK );
			for ( final RestorationBenchmark.Case c : cases )
			{
				assertEquals( keys, List.copyOf( c.methods().keySet() ), task.id() );
				c.methods().values().forEach( s -> assertTrue( Double.isFinite( s.psnr() ) && s.ssim() <= 1, task.id() + " " + s ) );
			}
			// the last case's outputs, baselines included, are the images that were scored
			final List< String > outputs = new ArrayList<>( keys );
			if ( task.scale() > 1 )
				outputs.add( 0, RestorationBenchmark.DEGRADED );
			outputs.add( "clean" );
			assertEquals( outputs, List.copyOf( benchmark.lastOutputs().keySet() ), task.id() );
			final float[] clean = benchmark.lastOutputs().get( "clean" );
			final int side = SIZE / task.scale() * task.scale();
			for ( final String k : keys )
				assertEquals( cases.get( cases.size() - 1 ).methods().get( k ).psnr(),
						Psnr.compute( clean, benchmark.comparable( benchmark.lastOutputs().get( k ), clean ), side, side, 1.0 ), 1e-9, task.id() + " " + k );
			final String report = BenchmarkReport.markdown( task, cases, BenchmarkReport.groups( task ) );
			assertTrue( report.contains( "network - " + BenchmarkReport.BEST ), report );
			assertEquals( task.scale() == 1 && task != BenchmarkTask.DENOISE, report.contains( BenchmarkReport.BEST_OR_INPUT ), task.id() );
			assertTrue( Double.isFinite( BenchmarkReport.summary( task, cases ).get( "gainOverBestClassical" ).getAsDouble() ) );
			task.baselines().forEach( b -> assertTrue( report.contains( b.name() ), b.name() ) );
		}
	}

	/**
	 * Networks are told what the baselines are told of each case (the PSF of
	 * a blur, the direction of stripes), unless blind: then only the pixels
	 * reach them.
	 */
	@Test
	void networksAreToldWhatTheBaselinesKnowUnlessBlind()
	{
		final List< sc.fiji.restoregan.baseline.DegradedPlane > told = new ArrayList<>();
		final PlaneRestorer recording = new PlaneRestorer()
		{
			@Override
			public float[] restore( final float[] pixels, final int width, final int height )
			{
				told.add( sc.fiji.restoregan.baseline.DegradedPlane.of( pixels, width, height ) );
				return pixels.clone();
			}

			@Override
			public float[] restore( final sc.fiji.restoregan.baseline.DegradedPlane plane )
			{
				told.add( plane );
				return plane.pixels().clone();
			}
		};
		final BenchmarkImages.Item scene = BenchmarkImages.scenes( 1, SIZE, 6 ).get( 0 );
		final java.util.Map< String, PlaneRestorer > networks = new java.util.LinkedHashMap<>();
		networks.put( "told", recording );
		networks.put( "blind", recording.blind() );
		for ( final BenchmarkTask task : new BenchmarkTask[] { BenchmarkTask.DEBLUR, BenchmarkTask.DERAIN } )
			for ( final DegradationLevel level : task.levels() )
			{
				told.clear();
				new RestorationBenchmark( task, 1 ).measure( scene, level, false, true, List.of(), networks );
				assertEquals( 2, told.size() );
				assertEquals( level.degradation().psf(), told.get( 0 ).psf(), level.name() );
				assertTrue( task != BenchmarkTask.DEBLUR || told.get( 0 ).psf() != null, level.name() );
				assertEquals( level.degradation().direction(), told.get( 0 ).direction(), level.name() );
				assertEquals( null, told.get( 1 ).psf() );
				assertTrue( Double.isNaN( told.get( 1 ).direction() ) );
			}
	}

	@Test
	void theIdentityGainsNothingOverTheDegradedInputAndTheDenoiseViewAddsBaselines()
	{
		final List< RestorationBenchmark.Case > cases = new RestorationBenchmark( BenchmarkTask.DENOISE, 1 ).run( BenchmarkImages.scenes( 1, SIZE, 4 ), List.of(),
				Set.of(), nearest( 1 ), Progress.NONE );
		final List< DenoiseBenchmark.Case > view = DenoiseBenchmark.cases( cases );
		for ( final DenoiseBenchmark.Case c : view )
		{
			assertEquals( c.noisy(), c.network(), 1e-9 );
			assertTrue( c.bestOfAll() >= c.bestClassical() );
			assertTrue( c.gainOverAll() <= c.gain() );
		}
		final String table = DenoiseBenchmark.markdown( view );
		assertTrue( table.contains( "median 5x5" ) && table.contains( "NLM (best h)" ) && table.contains( "**mean, all**" ), table );
		assertTrue( DenoiseBenchmark.summary( view ).getAsJsonObject( "all" ).has( "gainOverBestOfAllClassical" ) );
	}

	@Test
	void compareDrawsASuperResolutionFigureAndRunsASameSizeModelAfterBicubic( @TempDir final Path dir ) throws Exception
	{
		final Path images = Files.createDirectories( dir.resolve( "images" ) );
		ImageFiles.writeFloatTiff( ArrayImgs.floats( BenchmarkImages.scenes( 1, SIZE, 9 ).get( 0 ).pixels(), SIZE, SIZE ), images.resolve( "scene.tif" ) );
		TestModels.saveTinySr( dir.resolve( "sr" ), 1, 2 );
		TestModels.saveTiny( dir.resolve( "same-size" ), 2 );
		final Path png = dir.resolve( "cmp.png" );
		assertEquals( 0, Main.run( "compare", "--task", "sr2", "--models", dir.resolve( "sr" ) + "," + dir.resolve( "same-size" ), "--images", images.toString(),
				"--figure", png.toString() ) );
		final ij.ImagePlus imp = ij.IJ.openImage( png.toString() );
		assertTrue( imp.getWidth() >= 4 * SIZE && imp.getWidth() < 5 * SIZE, "four tiles of the clean size with gaps: degraded (enlarged), two models, clean; width " + imp.getWidth() );
	}

	@Test
	void baselineScoresComeBackFromTheCacheAndOnlyForTheSameCase( @TempDir final Path dir ) throws Exception
	{
		final Path file = dir.resolve( "cache.json" );
		final List< BenchmarkImages.Item > scene = BenchmarkImages.scenes( 1, SIZE, 8 );
		final List< RestorationBenchmark.Case > first = new RestorationBenchmark( BenchmarkTask.DERAIN, 1 ).cache( BaselineCache.open( file ) ).run( scene, List.of(), Set.of(),
				nearest( 1 ), Progress.NONE );
		final int entries = BenchmarkTask.DERAIN.levels().size() * BenchmarkTask.DERAIN.baselines().size();
		assertEquals( entries, BaselineCache.open( file ).size() );
		// tamper with the file: a cached score is used as it is, proving it is read rather than recomputed
		Files.writeString( file, Files.readString( file ).replaceFirst( "\"psnr\": [0-9.]+", "\"psnr\": 99.0" ) );
		final List< RestorationBenchmark.Case > second = new RestorationBenchmark( BenchmarkTask.DERAIN, 1 ).cache( BaselineCache.open( file ) ).run( scene, List.of(), Set.of(),
				nearest( 1 ), Progress.NONE );
		final long tampered = second.stream().flatMap( c -> c.methods().values().stream() ).filter( s -> s.psnr() == 99.0 ).count();
		assertEquals( 1, tampered );
		for ( int i = 0; i < first.size(); i++ )
			assertEquals( first.get( i ).methods().get( RestorationBenchmark.NETWORK ), second.get( i ).methods().get( RestorationBenchmark.NETWORK ) );
		// another seed is another case: measured afresh and added
		new RestorationBenchmark( BenchmarkTask.DERAIN, 2 ).cache( BaselineCache.open( file ) ).run( scene, List.of(), Set.of(), nearest( 1 ), Progress.NONE );
		assertEquals( 2 * entries, BaselineCache.open( file ).size() );
	}

	@Test
	void denoiseLevelsDrawTheSameNoiseAsBefore()
	{
		final float[] clean = BenchmarkImages.scenes( 1, SIZE, 5 ).get( 0 ).pixels();
		for ( final DenoiseBenchmark.Level l : DenoiseBenchmark.LEVELS )
			assertArrayEquals( new PoissonGaussianNoise( l.peak(), l.read() ).apply( clean, new Random( 9 ) ),
					CameraNoise.poissonGaussian( l.peak(), l.read() ).apply( clean, SIZE, SIZE, new Random( 9 ) ) );
	}

	@Test
	void qualityRunsTheBaselinesOfATaskWithoutAModel( @TempDir final Path dir ) throws Exception
	{
		final Path images = Files.createDirectories( dir.resolve( "images" ) );
		ImageFiles.writeFloatTiff( ArrayImgs.floats( BenchmarkImages.scenes( 1, SIZE, 6 ).get( 0 ).pixels(), SIZE, SIZE ), images.resolve( "scene.tif" ) );
		final Path report = dir.resolve( "sr2.md" );
		assertEquals( 0, Main.run( "quality", "--task", "sr2", "--baselines-only", "--images", images.toString(), "--report", report.toString() ) );
		final String text = Files.readString( report );
		assertTrue( text.contains( "classical baselines only (no model)" ) && text.contains( "bicubic" ), text );
		assertEquals( 2, Main.run( "quality", "--task", "sr3", "--images", images.toString() ) );
		// only the models a benchmark routes levels to can be chosen with --route
		assertEquals( 2, Main.run( "quality", "--task", "sr2", "--route", "derain-drops=none", "--images", images.toString() ) );
	}

	@Test
	void qualityMeasuresRealismSettingsAndFurtherModelsInOneRun( @TempDir final Path dir ) throws Exception
	{
		final Path images = Files.createDirectories( dir.resolve( "images" ) );
		ImageFiles.writeFloatTiff( ArrayImgs.floats( BenchmarkImages.scenes( 1, SIZE, 7 ).get( 0 ).pixels(), SIZE, SIZE ), images.resolve( "scene.tif" ) );
		final Path faithful = dir.resolve( "sr" ), sharp = dir.resolve( "sr-gan" ), other = dir.resolve( "same-size" );
		final ModelCard card = TestModels.saveTinySr( faithful, 1, 2 );
		card.realismTwin = "sr-gan";
		ModelStore.writeCard( faithful, card );
		TestModels.saveTinySr( sharp, 2, 2 );
		final ModelCard otherCard = TestModels.saveTiny( other, 3 );
		otherCard.realismTwin = "same-size-gan";
		ModelStore.writeCard( other, otherCard );
		TestModels.saveTiny( dir.resolve( "same-size-gan" ), 4 );
		final Path report = dir.resolve( "sr2.md" );
		assertEquals( 0, Main.run( "quality", "--task", "sr2", "--images", images.toString(), "--model", faithful.toString(), "--also", other.toString(),
				"--report", report.toString(), "--update-card", faithful.toString() ) );
		final String text = Files.readString( report );
		for ( final String row : new String[] { "**network**", "| realism 0.5 |", "| realism 1 |", "| model tiny |", "| model tiny - best classical |", "| realism 1 - best classical |",
				"| model tiny realism 0.5 |", "| model tiny realism 1 |" } )
			assertTrue( text.contains( row ), row + " in\n" + text );
		final JsonObject mine = ModelStore.readCard( ModelSource.directory( faithful ) ).scores.getAsJsonObject( "sr2Benchmark" );
		assertEquals( RestorationBenchmark.NETWORK, mine.get( "measured" ).getAsString() );
		assertTrue( mine.getAsJsonObject( "means" ).has( "realism 0.5" ) );
		final JsonObject theirs = ModelStore.readCard( ModelSource.directory( other ) ).scores.getAsJsonObject( "sr2Benchmark" );
		assertEquals( "model tiny", theirs.get( "measured" ).getAsString() );
		assertTrue( theirs.getAsJsonObject( "target" ).get( "statement" ).getAsString().startsWith( "Bar " ), "a further model's card says whether it meets the bar too" );
		// the further model has a twin, so it is measured at realism 0.5 and 1 as well
		assertTrue( theirs.getAsJsonObject( "means" ).has( "model tiny realism 1" ) && theirs.getAsJsonObject( "means" ).has( "model tiny realism 0.5" ) );
		assertEquals( mine.getAsJsonObject( "means" ).getAsJsonObject( "model tiny" ).get( "psnr" ).getAsDouble()
				- mine.getAsJsonObject( "means" ).getAsJsonObject( BenchmarkReport.BEST ).get( "psnr" ).getAsDouble(), theirs.get( "gainOverBestClassical" ).getAsDouble(), 0.011 );
	}

	/**
	 * On the derain benchmark, the planes known to hold stripes go to the
	 * model routed to them, as Remove streaks picks it when told so; the
	 * other levels, and the restorer run blind, keep the model measured.
	 */
	@Test
	void stripesGoToTheModelRoutedToThem( @TempDir final Path dir ) throws Exception
	{
		final Path a = dir.resolve( "a" ), b = dir.resolve( "b" );
		TestModels.saveTiny( a, 3 );
		TestModels.saveTiny( b, 4 );
		final StoredModel general = ModelRegistry.load( a.toString() ), stripes = ModelRegistry.load( b.toString() );
		final BenchmarkTask task = BenchmarkTask.DERAIN;
		final float[] clean = BenchmarkImages.scenes( 1, SIZE, 8 ).get( 0 ).pixels();
		final String key = RestorationBenchmark.realismKey( 0 );
		try ( BenchmarkNetworks plain = BenchmarkNetworks.open( task, general, null, List.of( 0.0 ), RestoreOptions.defaults(), Device.cpu() );
				BenchmarkNetworks other = BenchmarkNetworks.open( task, stripes, null, List.of( 0.0 ), RestoreOptions.defaults(), Device.cpu() );
				BenchmarkNetworks routed = BenchmarkNetworks.open( task, general, null, List.of( 0.0 ), RestoreOptions.defaults(), Device.cpu() )
						.route( task, Task.DERAIN_STRIPES, stripes, null, Device.cpu() ) )
		{
			for ( final DegradationLevel level : task.levels() )
			{
				final DegradedPlane plane = level.plane( level.degradation().apply( clean, SIZE, SIZE, new Random( 1 ) ), SIZE, SIZE );
				final boolean striped = level.name().equals( "stripes" );
				assertEquals( striped, plane.known().artefacts() == ArtefactKind.STRIPES, level.name() );
				final float[] mine = ( striped ? other : plain ).restorers().get( key ).restore( plane );
				final float[] theirs = ( striped ? plain : other ).restorers().get( key ).restore( plane );
				assertArrayEquals( mine, routed.restorers().get( key ).restore( plane ), 0, level.name() );
				assertTrue( !Arrays.equals( mine, theirs ), "the two models differ" );
				assertArrayEquals( plain.restorers().get( key ).restore( plane ), routed.restorers().get( key ).blind().restore( plane ), 0, "blind: the model measured" );
			}
		}
	}
}
