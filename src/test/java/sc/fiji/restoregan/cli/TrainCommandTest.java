package sc.fiji.restoregan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.model.ModelSource;
import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.model.StoredModel;

class TrainCommandTest
{
	@TempDir
	Path dir;

	@Test
	void trainsExportsAndRecordsTheRecipe()
	{
		final Path run = dir.resolve( "run" ), model = dir.resolve( "model" );
		final String[] common = { "train", "--run", run.toString(), "--steps", "20", "--batch", "2", "--patch", "16", "--filters", "4", "--depth", "1", "--seed", "3" };
		assertEquals( 0, Main.run( concat( common, "--export", model.toString() ) ) );
		final StoredModel trained = ModelStore.load( ModelSource.directory( model ) );
		final ModelCard card = trained.card();
		assertEquals( 20, card.training.get( "steps" ).getAsLong() );
		assertEquals( 3, card.training.get( "seed" ).getAsLong() );
		assertTrue( card.training.get( "command" ).getAsString().contains( "--steps 20" ) );
		assertTrue( card.training.getAsJsonObject( "data" ).get( "peakPhotons" ).getAsString().contains( "5.0, 100.0" ) );
		assertEquals( ModelCard.Normalization.PERCENTILES, card.normalization.output, "a denoiser keeps the input's intensities" );
		// exporting the run's checkpoint again gives the same weights
		final Path again = dir.resolve( "again" );
		assertEquals( 0, Main.run( concat( common, "--export", again.toString(), "--export-only" ) ) );
		assertEquals( card.weights.sha256, ModelStore.load( ModelSource.directory( again ) ).card().weights.sha256 );
		assertTrue( !ModelStore.load( ModelSource.directory( again ) ).card().training.get( "command" ).getAsString().contains( "--export-only" ) );
	}

	@Test
	void aRunStartedFromAnotherModelRecordsItsChecksum()
	{
		final Path first = dir.resolve( "first" ), second = dir.resolve( "second" );
		final String[] common = { "train", "--steps", "4", "--batch", "2", "--patch", "16", "--filters", "4", "--depth", "1", "--seed", "3" };
		assertEquals( 0, Main.run( concat( common, "--out", first.toString() ) ) );
		final String firstSha = ModelStore.load( ModelSource.directory( first ) ).card().weights.sha256;
		assertEquals( 0, Main.run( concat( common, "--out", second.toString(), "--init", first.toString() ) ) );
		final ModelCard card = ModelStore.load( ModelSource.directory( second ) ).card();
		final String init = card.training.get( "init" ).getAsString();
		assertTrue( init.contains( firstSha ) && init.contains( "4 steps" ) && init.contains( first.toString() ), init );
		// the record survives the starting folder being overwritten and the run being exported again
		assertEquals( 0, Main.run( "train", "--steps", "2", "--batch", "2", "--patch", "16", "--filters", "4", "--depth", "1", "--seed", "9", "--out", first.toString() ) );
		assertEquals( 0, Main.run( concat( common, "--run", second.toString(), "--export", dir.resolve( "again" ).toString(), "--init", first.toString(), "--export-only" ) ) );
		assertEquals( init, ModelStore.load( ModelSource.directory( dir.resolve( "again" ) ) ).card().training.get( "init" ).getAsString() );
	}

	@Test
	void aStartingModelBringsItsArchitecture() throws Exception
	{
		final Path first = dir.resolve( "narrow" ), twin = dir.resolve( "twin" );
		assertEquals( 0, Main.run( "train", "--steps", "2", "--batch", "2", "--patch", "16", "--filters", "4", "--depth", "1", "--seed", "3", "--out", first.toString() ) );
		final StoredModel start = ModelStore.load( ModelSource.directory( first ) );
		// no architecture options: the twin takes the starting model's
		assertEquals( 0, Main.run( "train", "--steps", "2", "--batch", "2", "--patch", "16", "--seed", "3", "--init", first.toString(), "--out", twin.toString() ) );
		assertEquals( start.architecture().toString(), ModelStore.load( ModelSource.directory( twin ) ).architecture().toString() );
		// a different one is refused with a message, before any training
		final Path other = dir.resolve( "other" );
		assertEquals( 2, Main.run( "train", "--steps", "2", "--batch", "2", "--patch", "16", "--filters", "8", "--depth", "1", "--init", first.toString(), "--out", other.toString() ) );
		assertTrue( !Files.exists( other.resolve( "card.json" ) ) && !Files.exists( other.resolve( "commands.txt" ) ), "a refused run records no command" );
		assertEquals( 2, Main.run( "train", "--steps", "0", "--batch", "2", "--patch", "16", "--init", first.toString(), "--out", dir.resolve( "no-steps" ).toString() ) );
		// a greater depth deepens it: untrained (learning rate 0), the deeper model restores as the original does
		final Path deeper = dir.resolve( "deeper" ), in = dir.resolve( "in.tif" ), a = dir.resolve( "a.tif" ), b = dir.resolve( "b.tif" );
		assertEquals( 0, Main.run( "train", "--steps", "1", "--lr", "0", "--batch", "2", "--patch", "16", "--filters", "4", "--depth", "3", "--seed", "3", "--init", first.toString(), "--out", deeper.toString() ) );
		assertTrue( ModelStore.load( ModelSource.directory( deeper ) ).architecture().toString().contains( "depth 3, filters 4" ) );
		writeRandomTiff( in, 40, 24, 4 );
		assertEquals( 0, Main.run( "restore", "--task", "denoise", "--model", first.toString(), "--input", in.toString(), "--output", a.toString() ) );
		assertEquals( 0, Main.run( "restore", "--task", "denoise", "--model", deeper.toString(), "--input", in.toString(), "--output", b.toString() ) );
		assertArrayEquals( pixelsOf( a ), pixelsOf( b ), 2e-3f );
	}

	/**
	 * --convs and --res-blocks shape a U-Net's levels, are recorded in the
	 * card, the model restores, and a starting model keeps them; other
	 * generators refuse them before any training.
	 */
	@Test
	void residualBlocksShapeTheLevels() throws Exception
	{
		final Path run = dir.resolve( "blocks" ), twin = dir.resolve( "blocks-twin" ), in = dir.resolve( "blocks-in.tif" ), out = dir.resolve( "blocks-out.tif" );
		assertEquals( 0, Main.run( "train", "--steps", "2", "--batch", "2", "--patch", "16", "--filters", "4", "--depth", "1", "--convs", "1", "--res-blocks", "2", "--seed", "3", "--out", run.toString() ) );
		final sc.fiji.restoregan.nn.UNetConfig a = ( sc.fiji.restoregan.nn.UNetConfig ) ModelStore.load( ModelSource.directory( run ) ).architecture();
		assertEquals( 1, a.convsPerLevel );
		assertEquals( 2, a.residualBlocks );
		writeRandomTiff( in, 24, 20, 5 );
		assertEquals( 0, Main.run( "restore", "--task", "denoise", "--model", run.toString(), "--input", in.toString(), "--output", out.toString() ) );
		// in half precision, as models ship, it restores as in float32 to rounding
		final Path models = dir.resolve( "blocks-models" ), halved = models.resolve( "blocks" ), outHalf = dir.resolve( "blocks-half.tif" );
		Files.createDirectories( halved );
		for ( final String f : new String[] { "card.json", "generator.params" } )
			Files.copy( run.resolve( f ), halved.resolve( f ) );
		Files.writeString( models.resolve( sc.fiji.restoregan.model.ModelRegistry.LIST ), "[\"blocks\"]" );
		assertTrue( sc.fiji.restoregan.model.ModelShipping.halve( models, "blocks" ) );
		assertEquals( 0, Main.run( "restore", "--task", "denoise", "--model", halved.toString(), "--input", in.toString(), "--output", outHalf.toString() ) );
		assertArrayEquals( pixelsOf( out ), pixelsOf( outHalf ), 3e-3f );
		assertEquals( 0, Main.run( "train", "--steps", "2", "--batch", "2", "--patch", "16", "--seed", "3", "--init", run.toString(), "--out", twin.toString() ) );
		assertEquals( a.toString(), ModelStore.load( ModelSource.directory( twin ) ).architecture().toString() );
		// not the same levels as the starting model, or deepened: refused before anything is written
		final Path other = dir.resolve( "blocks-other" ), deeper = dir.resolve( "blocks-deeper" );
		assertEquals( 2, Main.run( "train", "--steps", "2", "--batch", "2", "--patch", "16", "--filters", "4", "--depth", "1", "--convs", "1", "--res-blocks", "1", "--init", run.toString(), "--out", other.toString() ) );
		assertEquals( 2, Main.run( "train", "--steps", "2", "--batch", "2", "--patch", "16", "--filters", "4", "--depth", "2", "--convs", "1", "--res-blocks", "2", "--init", run.toString(), "--out", deeper.toString() ) );
		assertTrue( !Files.exists( other ) && !Files.exists( deeper ), "refused runs leave no folder" );
		final Path fpn = dir.resolve( "blocks-fpn" );
		assertEquals( 2, Main.run( "train", "--steps", "2", "--batch", "2", "--patch", "32", "--generator", "fpn", "--res-blocks", "2", "--out", fpn.toString() ) );
		assertTrue( !Files.exists( fpn.resolve( "commands.txt" ) ), "a refused run records no command" );
	}

	/** A 32-bit TIFF of seeded uniform noise in [0, 1). */
	private static void writeRandomTiff( final Path file, final int width, final int height, final long seed ) throws java.io.IOException
	{
		final java.util.Random random = new java.util.Random( seed );
		final float[] pixels = new float[ width * height ];
		for ( int i = 0; i < pixels.length; i++ )
			pixels[ i ] = random.nextFloat();
		ImageFiles.writeFloatTiff( net.imglib2.img.array.ArrayImgs.floats( pixels, width, height ), file );
	}

		private static float[] pixelsOf( final Path file )
	{
		return ( float[] ) ImageFiles.open( file ).getProcessor().convertToFloatProcessor().getPixels();
	}

	/**
	 * --context, --context-wedges and --context-surfaces widen a starting model (it starts out
	 * computing what it did), trains on pairs with context channels, records
	 * them in the card,
	 * and the model restores images; the denoise sampler, which has no
	 * degradation family, makes non-local means channels.
	 */
	/**
	 * {@code --fields} restricts lighting pairs to the named illumination
	 * fields, records it in the card, and is refused where there is no
	 * field to choose.
	 */
	@Test
	void fieldsRestrictTheLightingPairs() throws Exception
	{
		final String[] common = { "train", "--steps", "2", "--batch", "2", "--patch", "32", "--seed", "3", "--filters", "4", "--depth", "1" };
		final Path gradients = dir.resolve( "gradients" );
		assertEquals( 0, Main.run( concat( common, "--task", "lighting", "--fields", "gradient", "--out", gradients.toString() ) ) );
		assertTrue( ModelStore.load( ModelSource.directory( gradients ) ).card().training.getAsJsonObject( "data" ).get( "degradation" ).getAsString().startsWith( "lighting (gradient fields only)" ) );
		assertEquals( 2, Main.run( concat( common, "--task", "lighting", "--fields", "ramp", "--out", dir.resolve( "ramp" ).toString() ) ) );
		assertEquals( 2, Main.run( concat( common, "--task", "dehaze", "--fields", "gradient", "--out", dir.resolve( "haze" ).toString() ) ) );
		assertEquals( 2, Main.run( concat( common, "--fields", "gradient", "--out", dir.resolve( "noise" ).toString() ) ) );
	}

	@Test
	void contextChannelsWidenTheStartingModel() throws Exception
	{
		final Path first = dir.resolve( "plain" ), wide = dir.resolve( "wide" );
		final String[] common = { "train", "--task", "lighting", "--degradation", "lighting", "--steps", "2", "--batch", "2", "--patch", "32", "--seed", "3" };
		assertEquals( 0, Main.run( concat( common, "--filters", "4", "--depth", "1", "--out", first.toString() ) ) );
		assertEquals( 0, Main.run( concat( common, "--init", first.toString(), "--context", "4,16", "--region", "64", "--out", wide.toString() ) ) );
		final ModelCard card = ModelStore.load( ModelSource.directory( wide ) ).card();
		assertTrue( card.architecture.toString().contains( "channels 5->1" ) && card.architecture.toString().contains( "sigma 4, 16 px" ), card.architecture.toString() );
		assertEquals( 64, card.training.getAsJsonObject( "data" ).get( "region" ).getAsInt() );
		assertTrue( card.training.getAsJsonObject( "data" ).has( "context" ) );
		final Path in = dir.resolve( "in.tif" ), out = dir.resolve( "out.tif" );
		ImageFiles.writeFloatTiff( net.imglib2.img.array.ArrayImgs.floats( new float[ 70 * 50 ], 70, 50 ), in );
		assertEquals( 0, Main.run( "restore", "--task", "lighting", "--model", wide.toString(), "--input", in.toString(), "--output", out.toString() ) );
		assertTrue( Files.exists( out ) );
		// destriping wedges widen it again, after the channels it has, which it keeps
		final Path striped = dir.resolve( "striped" );
		assertEquals( 0, Main.run( concat( common, "--init", wide.toString(), "--context-wedges", "5", "--context-wedge-centres", "0.05", "--region", "64", "--out", striped.toString() ) ) );
		final String architecture = ModelStore.load( ModelSource.directory( striped ) ).card().architecture.toString();
		assertTrue( architecture.contains( "channels 6->1" ) && architecture.contains( "sigma 4, 16 px; destriped by FFT wedges of 5 deg (sparing 0.05 cycles/px)" ), architecture );
		assertEquals( 0, Main.run( "restore", "--task", "lighting", "--model", striped.toString(), "--input", in.toString(), "--output", out.toString() ) );
		// polynomial surfaces widen it once more, last
		final Path surfaces = dir.resolve( "surfaces" );
		assertEquals( 0, Main.run( concat( common, "--init", striped.toString(), "--context-surfaces", "1,2", "--region", "64", "--out", surfaces.toString() ) ) );
		final String withSurfaces = ModelStore.load( ModelSource.directory( surfaces ) ).card().architecture.toString();
		assertTrue( withSurfaces.contains( "channels 10->1" ) && withSurfaces.contains( "estimated direction; least-squares polynomial surface and the plane divided by it at degree 1, 2" ), withSurfaces );
		assertEquals( 0, Main.run( "restore", "--task", "lighting", "--model", surfaces.toString(), "--input", in.toString(), "--output", out.toString() ) );
		assertEquals( 2, Main.run( concat( common, "--init", striped.toString(), "--context-surfaces", "5", "--out", dir.resolve( "degree5" ).toString() ) ) );
		// the original denoise sampler takes context channels too: non-local means for a denoiser
		final Path denoiser = dir.resolve( "nlm" );
		assertEquals( 0, Main.run( "train", "--steps", "2", "--batch", "2", "--patch", "16", "--filters", "4", "--depth", "1", "--context-nlm", "0.6,1.2", "--out", denoiser.toString() ) );
		final ModelCard nlm = ModelStore.load( ModelSource.directory( denoiser ) ).card();
		assertTrue( nlm.architecture.toString().contains( "channels 3->1" ) && nlm.architecture.toString().contains( "non-local means" ), nlm.architecture.toString() );
		assertTrue( nlm.training.getAsJsonObject( "data" ).get( "context" ).getAsString().startsWith( "non-local means" ) );
		assertEquals( 0, Main.run( "restore", "--task", "denoise", "--model", denoiser.toString(), "--input", in.toString(), "--output", out.toString() ) );
		// centres without their wedges, or a centre too few, are refused with a message
		assertEquals( 2, Main.run( concat( common, "--init", wide.toString(), "--context-wedge-centres", "0.05", "--out", dir.resolve( "no-wedges" ).toString() ) ) );
		assertEquals( 2, Main.run( concat( common, "--context-wedges", "3,15", "--context-wedge-centres", "0.05", "--out", dir.resolve( "one-short" ).toString() ) ) );
	}

	/**
	 * A model for stripes alone trains on stripes told their true direction,
	 * its output a residual of the plane destriped at that direction; the
	 * option needs the wedge channels, and only one channel is the base.
	 */
	@Test
	void aStripesModelCorrectsItsDestripedChannel() throws Exception
	{
		final Path run = dir.resolve( "stripes" );
		final String[] common = { "train", "--task", "derain", "--degradation", "stripes", "--known-direction", "--region", "64", "--steps", "2", "--batch", "2", "--patch", "32",
				"--filters", "4", "--depth", "1", "--seed", "3" };
		assertEquals( 0, Main.run( concat( common, "--context-wedges", "3,1", "--context-wedge-centres", "0.01,0.08", "--residual-over-wedge", "--out", run.toString() ) ) );
		final ModelCard card = ModelStore.load( ModelSource.directory( run ) ).card();
		assertTrue( card.architecture.toString().contains( "channels 3->1, residual of channel 1" ), card.architecture.toString() );
		assertTrue( card.training.getAsJsonObject( "data" ).get( "degradation" ).getAsString().startsWith( "stripes" ), card.training.toString() );
		final Path in = dir.resolve( "in.tif" ), out = dir.resolve( "out.tif" );
		ImageFiles.writeFloatTiff( net.imglib2.img.array.ArrayImgs.floats( new float[ 70 * 50 ], 70, 50 ), in );
		assertEquals( 0, Main.run( "restore", "--task", "derain", "--artefacts", "stripes", "--stripe-direction", "0", "--model", run.toString(), "--input", in.toString(), "--output", out.toString() ) );
		assertTrue( Files.exists( out ) );
		assertEquals( 2, Main.run( "restore", "--task", "derain", "--artefacts", "rain", "--model", run.toString(), "--input", in.toString(), "--output", out.toString() ), "unknown artefacts are refused" );
		assertEquals( 2, Main.run( concat( common, "--residual-over-wedge", "--out", dir.resolve( "no-wedges" ).toString() ) ) );
		assertEquals( 2, Main.run( concat( common, "--context-wedges", "3", "--residual-over-wedge", "--residual-over-wiener", "--out", dir.resolve( "both" ).toString() ) ) );
	}

	/**
	 * A lighting model may correct the flat-field at its last context scale
	 * instead of the image, started from a model of another task (widened
	 * for the context) and trained with the affine-invariant squared error;
	 * the option needs context scales and excludes the other bases.
	 */
	@Test
	void aLightingModelCorrectsItsFlatField() throws Exception
	{
		final Path denoiser = dir.resolve( "plain-denoiser" ), run = dir.resolve( "flat-field" );
		assertEquals( 0, Main.run( "train", "--steps", "2", "--batch", "2", "--patch", "16", "--filters", "4", "--depth", "1", "--seed", "3", "--out", denoiser.toString() ) );
		final String[] common = { "train", "--task", "lighting", "--init", denoiser.toString(), "--content", "affine-l2+0.1*l2", "--region", "64", "--steps", "2", "--batch", "2",
				"--patch", "32", "--seed", "3" };
		assertEquals( 0, Main.run( concat( common, "--context", "8,16", "--residual-over-flat-field", "--out", run.toString() ) ) );
		final ModelCard card = ModelStore.load( ModelSource.directory( run ) ).card();
		assertTrue( card.architecture.toString().contains( "channels 5->1, residual of channel 4" ), card.architecture.toString() );
		assertEquals( "content affine-l2+0.1*l2", card.training.get( "loss" ).getAsString() );
		final Path in = dir.resolve( "lit.tif" ), out = dir.resolve( "lit-out.tif" );
		ImageFiles.writeFloatTiff( net.imglib2.img.array.ArrayImgs.floats( new float[ 70 * 50 ], 70, 50 ), in );
		assertEquals( 0, Main.run( "restore", "--task", "lighting", "--model", run.toString(), "--input", in.toString(), "--output", out.toString() ) );
		assertTrue( Files.exists( out ) );
		assertEquals( 2, Main.run( concat( common, "--residual-over-flat-field", "--out", dir.resolve( "no-context" ).toString() ) ) );
		assertEquals( 2, Main.run( concat( common, "--context", "8", "--residual-over-flat-field", "--residual-over-wedge", "--out", dir.resolve( "two-bases" ).toString() ) ) );
	}

	/** A model for drops alone trains on drops, and says so in its card. */
	@Test
	void aDropsModelTrainsOnDropsAlone() throws Exception
	{
		final Path run = dir.resolve( "drops" );
		assertEquals( 0, Main.run( "train", "--task", "derain", "--degradation", "drops", "--content", "l2", "--region", "64", "--steps", "2", "--batch", "2", "--patch", "32",
				"--filters", "4", "--depth", "1", "--seed", "3", "--out", run.toString() ) );
		final ModelCard card = ModelStore.load( ModelSource.directory( run ) ).card();
		assertEquals( "derain", card.task );
		assertTrue( card.training.getAsJsonObject( "data" ).get( "degradation" ).getAsString().startsWith( "drops" ), card.training.toString() );
	}

	/** The original denoise sampler takes its noise ranges from the command line, and the card records them. */
	@Test
	void theDenoiseSamplerTakesItsNoiseRanges() throws Exception
	{
		final Path run = dir.resolve( "noise" );
		final String[] common = { "train", "--task", "denoise", "--steps", "2", "--batch", "2", "--patch", "32", "--filters", "4", "--depth", "1", "--seed", "3" };
		assertEquals( 0, Main.run( concat( common, "--noise-peak", "5,200", "--noise-read", "0.002,0.05", "--out", run.toString() ) ) );
		final ModelCard card = ModelStore.load( ModelSource.directory( run ) ).card();
		assertEquals( "log-uniform in [5.0, 200.0]", card.training.getAsJsonObject( "data" ).get( "peakPhotons" ).getAsString(), card.training.toString() );
		assertTrue( card.training.getAsJsonObject( "data" ).get( "readNoise" ).getAsString().startsWith( "uniform in [0.002, 0.05]" ), card.training.toString() );
		assertEquals( 2, Main.run( concat( common, "--noise-peak", "5", "--out", dir.resolve( "one" ).toString() ) ), "a range needs two numbers" );
		assertEquals( 2, Main.run( concat( common, "--noise-read", "0.05,0.01", "--out", dir.resolve( "reversed" ).toString() ) ), "MIN <= MAX" );
		assertEquals( 2, Main.run( concat( common, "--degradation", "noise", "--noise-peak", "5,200", "--out", dir.resolve( "family" ).toString() ) ), "only the original sampler takes them" );
	}

	/**
	 * Noise units: the denoise task trains with them and the card says so;
	 * pairs that do not know their noise level are refused before anything is
	 * written; a run is not resumed with another loss.
	 */
	@Test
	void noiseUnitsNeedTheDenoisePairsAndStayWithTheRun() throws Exception
	{
		final Path run = dir.resolve( "noise-units" );
		final String[] common = { "train", "--task", "denoise", "--steps", "2", "--batch", "2", "--patch", "32", "--filters", "4", "--depth", "1", "--seed", "3", "--content", "l2" };
		assertEquals( 0, Main.run( concat( common, "--noise-units", "--out", run.toString() ) ) );
		assertEquals( "content l2, errors in units of the noise", ModelStore.load( ModelSource.directory( run ) ).card().training.get( "loss" ).getAsString() );
		final String config = Files.readString( run.resolve( "config.json" ) ), log = Files.readString( run.resolve( "train-log.csv" ) ), commands = Files.readString( run.resolve( "commands.txt" ) );
		assertEquals( 2, Main.run( concat( common, "--steps", "4", "--resume", "--out", run.toString() ) ), "resumed with the loss in normalised units" );
		assertEquals( config, Files.readString( run.resolve( "config.json" ) ), "the refused resume left the run as it was" );
		assertEquals( log, Files.readString( run.resolve( "train-log.csv" ) ) );
		assertEquals( commands, Files.readString( run.resolve( "commands.txt" ) ) );
		final Path deblur = dir.resolve( "noise-units-deblur" );
		assertEquals( 2, Main.run( "train", "--task", "deblur", "--noise-units", "--steps", "2", "--batch", "2", "--patch", "32", "--filters", "4", "--depth", "1", "--out", deblur.toString() ) );
		assertTrue( !Files.exists( deblur.resolve( "config.json" ) ) && !Files.exists( deblur.resolve( "commands.txt" ) ), "nothing written for a refused run" );
	}

	/** Supervised training takes a pixel content objective and says so in the card. */
	@Test
	void supervisedTrainingTakesAPixelObjective()
	{
		final Path run = dir.resolve( "affine" );
		assertEquals( 0, Main.run( "train", "--task", "dehaze", "--degradation", "haze", "--content", "affine-l1+0.1*l1", "--steps", "2", "--batch", "2", "--patch", "16",
				"--filters", "4", "--depth", "1", "--out", run.toString() ) );
		final ModelCard card = ModelStore.load( ModelSource.directory( run ) ).card();
		assertEquals( "content affine-l1+0.1*l1", card.training.get( "loss" ).getAsString() );
		assertTrue( card.description.endsWith( "with affine-l1+0.1*l1." ), card.description );
		assertTrue( card.normalization.fitsOutputToInput(), "haze targets are normalised by their own percentiles, so the output is fitted to the input" );
	}

	/** Dead leaves join the clean sources and the card says so; real pairs refuse them. */
	@Test
	void deadLeavesJoinTheCleanSources()
	{
		final Path run = dir.resolve( "leaves" );
		assertEquals( 0, Main.run( "train", "--task", "dehaze", "--degradation", "haze", "--dead-leaves", "--steps", "2", "--batch", "2", "--patch", "16",
				"--filters", "4", "--depth", "1", "--out", run.toString() ) );
		final String sources = ModelStore.load( ModelSource.directory( run ) ).card().training.getAsJsonObject( "data" ).get( "sources" ).getAsString();
		assertTrue( sources.startsWith( "simulated microscopy scenes" ) && sources.contains( "; dead leaves" ), sources );
		assertEquals( 2, Main.run( "train", "--pairs", dir.toString(), "--dead-leaves", "--steps", "2", "--out", dir.resolve( "refused" ).toString() ) );
	}

	/**
	 * Without the simulated scenes, dead leaves alone are the clean source and
	 * the card says so; with no source left, or with real pairs, the option
	 * is refused.
	 */
	@Test
	void theSimulatedScenesCanBeLeftOut()
	{
		final Path run = dir.resolve( "no-scenes" );
		final String[] common = { "train", "--task", "lighting", "--degradation", "lighting", "--steps", "2", "--batch", "2", "--patch", "16", "--filters", "4", "--depth", "1",
				"--no-simulated" };
		assertEquals( 0, Main.run( concat( common, "--dead-leaves", "--out", run.toString() ) ) );
		final String sources = ModelStore.load( ModelSource.directory( run ) ).card().training.getAsJsonObject( "data" ).get( "sources" ).getAsString();
		assertTrue( sources.startsWith( "dead leaves" ) && !sources.contains( "simulated" ), sources );
		assertEquals( 2, Main.run( concat( common, "--out", dir.resolve( "no-source" ).toString() ) ) );
		assertEquals( 2, Main.run( "train", "--pairs", dir.toString(), "--no-simulated", "--steps", "2", "--out", dir.resolve( "refused-pairs" ).toString() ) );
	}

	/** {@code a} followed by {@code b}: a shared command line with a run's own options. */
	static String[] concat( final String[] a, final String... b )
	{
		final String[] all = java.util.Arrays.copyOf( a, a.length + b.length );
		System.arraycopy( b, 0, all, a.length, b.length );
		return all;
	}
}
