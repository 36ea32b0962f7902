package sc.fiji.restoregan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import ai.djl.Device;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import sc.fiji.restoregan.baseline.Baseline;
import sc.fiji.restoregan.bench.BenchmarkImages;
import sc.fiji.restoregan.bench.BenchmarkNetworks;
import sc.fiji.restoregan.bench.BenchmarkTask;
import sc.fiji.restoregan.bench.DegradationLevel;
import sc.fiji.restoregan.bench.RestorationBenchmark;
import sc.fiji.restoregan.io.Montage;
import sc.fiji.restoregan.model.ModelRegistry;
import sc.fiji.restoregan.model.StoredModel;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.pipeline.RestoreOptions;

/**
 * {@code figure}: one PNG with a row per benchmark task on one real image at
 * the task's middle degradation level: degraded input | best classical
 * baseline (oracle-tuned, as in {@code quality}) | the task's model at
 * realism 0 | at realism 1 (when the model has a GAN-trained twin) | clean
 * reference, each labelled with its PSNR. The pieces come from
 * {@link RestorationBenchmark#measure}, so the numbers are the benchmark's;
 * for the tasks scored after an affine fit ({@link BenchmarkTask#affine()})
 * every image is shown after that fit, and a low-resolution input is shown
 * enlarged with nearest neighbour.
 */
@Command( name = "figure", mixinStandardHelpOptions = true,
		description = "Figure of degraded | best classical | ours (realism 0, 1) | clean for each task on one real image (PNG)." )
final class FigureCommand implements Callable< Integer >
{
	@Option( names = "--tasks", split = ",", description = "Benchmark tasks, one row each. Default: denoise, deblur, dehaze, derain, lighting, sr2, sr4." )
	List< String > tasks;

	@Option( names = "--images", defaultValue = "../shared/data/real", description = "Folder of clean images. Default: ${DEFAULT-VALUE}." )
	Path images;

	@Option( names = "--image", defaultValue = "camera.png", description = "The image in --images to show (its first plane). Default: ${DEFAULT-VALUE} (held out from training)." )
	String image;

	@Option( names = "--crop", defaultValue = "192", description = "Centre crop, in pixels. Default: ${DEFAULT-VALUE}." )
	int crop;

	@Option( names = "--model-dir", description = "Look for each task's model as a folder DIR/<name> (denoise, deblur, ..., sr2, sr4) before the shipped ones." )
	Path modelDir;

	@Option( names = "--only-model-dir", description = "Use only the models in --model-dir, never the shipped ones (a figure of your own runs)." )
	boolean onlyModelDir;

	@Option( names = "--seed", defaultValue = "1", description = "Degradation seed, as in quality. Default: ${DEFAULT-VALUE}." )
	long seed;

	@Option( names = "--output", defaultValue = "docs/restore-tasks.png", description = "PNG to write. Default: ${DEFAULT-VALUE}." )
	Path output;

	/** Lines of caption under each image. */
	static final int CAPTION_LINES = 3;

	/** One row of the figure; the model tiles are null when there is no model or twin. */
	private record Row( Montage.Tile degraded, Montage.Tile classical, Montage.Tile faithful, Montage.Tile realistic, Montage.Tile clean, boolean model )
	{}

	@Override
	public Integer call() throws Exception
	{
		if ( crop < 8 )
			throw new RestoreException( "--crop must be at least 8 pixels, not " + crop + "." );
		final List< BenchmarkTask > benches = tasks == null ? Arrays.asList( BenchmarkTask.values() ) : tasks.stream().map( BenchmarkTask::parse ).toList();
		final BenchmarkImages.Item item = BenchmarkImages.loadFile( images.resolve( image ), crop ).get( 0 );
		final List< Row > rows = new ArrayList<>();
		for ( final BenchmarkTask bench : benches )
			rows.add( row( bench, item ) );
		final boolean twins = rows.stream().anyMatch( r -> r.realistic() != null );
		final List< String > titles = new ArrayList<>( List.of( "degraded input", "best classical", "ours, realism 0" ) );
		if ( twins )
			titles.add( "ours, realism 1" );
		titles.add( "clean reference" );
		final List< List< Montage.Tile > > grid = new ArrayList<>();
		for ( final Row r : rows )
		{
			final List< Montage.Tile > tiles = new ArrayList<>( List.of( r.degraded(), r.classical(),
					r.faithful() != null ? r.faithful() : Montage.Tile.empty( "no model for this task yet" ) ) );
			if ( twins )
				tiles.add( r.realistic() != null ? r.realistic() : Montage.Tile.empty( r.model() ? "the model has no GAN-trained twin" : "" ) );
			tiles.add( r.clean() );
			grid.add( tiles );
		}
		final Path parent = output.toAbsolutePath().getParent();
		if ( parent != null )
			Files.createDirectories( parent );
		Montage.saveGrid( titles, grid, CAPTION_LINES, 0, 1, output );
		System.out.println( "Wrote " + output + " (" + rows.size() + " rows, " + titles.size() + " columns)" );
		return 0;
	}

	/** Degrades the image at the task's middle level, runs the baselines and the model, and makes the row's tiles. */
	private Row row( final BenchmarkTask bench, final BenchmarkImages.Item item )
	{
		final DegradationLevel level = bench.levels().get( bench.levels().size() / 2 );
		final String modelName = modelName( bench );
		final StoredModel stored = modelName == null ? null : ModelRegistry.load( modelName );
		final StoredModel twin = stored == null ? null : ModelRegistry.loadTwin( modelName, stored );
		final RestorationBenchmark benchmark = new RestorationBenchmark( bench, seed );
		final RestorationBenchmark.Case c;
		StoredModel shown = stored;
		String shownTwin = twin == null ? null : twin.card().name;
		try ( BenchmarkNetworks networks = stored == null ? BenchmarkNetworks.none()
				: BenchmarkNetworks.open( bench, stored, twin, twin != null ? List.of( 0.0, 1.0 ) : List.of( 0.0 ), RestoreOptions.defaults(), Device.cpu() ) )
		{
			final Map< String, StoredModel > routed = stored == null ? Map.of() : networks.routeKnown( bench, this::routedFolder, Device.cpu() );
			for ( final Map.Entry< String, StoredModel > e : routed.entrySet() )
				if ( bench.levelsFor( e.getKey() ).contains( level ) )
				{
					shown = e.getValue();
					shownTwin = shown.card().realismTwin;
				}
			c = benchmark.measure( item, level, false, false, bench.baselines(), networks.restorers() );
		}
		final float[] clean = benchmark.lastOutputs().get( "clean" );
		final int s = bench.scale(), w = item.width() / s * s, h = item.height() / s * s;
		final float[] degraded = benchmark.lastOutputs().get( RestorationBenchmark.DEGRADED );
		final StringBuilder line = new StringBuilder( String.format( Locale.ROOT, "%-8s %-28s", bench.id(), level.name() ) );

		final Montage.Tile input;
		if ( s == 1 )
		{
			input = tile( benchmark, degraded, clean, w, h, bench.id() + ": " + level.name() + ( bench.affine() ? "\n(all images affine-fitted to clean)" : "" ), c.methods().get( RestorationBenchmark.DEGRADED ) );
			line.append( String.format( Locale.ROOT, " input %.2f", c.methods().get( RestorationBenchmark.DEGRADED ).psnr() ) );
		}
		else
			input = new Montage.Tile( Montage.enlargeNearest( degraded, w / s, h / s, s ), w, h,
					bench.id() + ": " + level.name() + "\n" + ( w / s ) + "x" + ( h / s ) + " px, shown x" + s + " nearest", null );

		final String best = c.best( bench.baselines().stream().map( Baseline::name ).toList() );
		final RestorationBenchmark.Score bestScore = c.methods().get( best );
		final Montage.Tile classical = tile( benchmark, benchmark.lastOutputs().get( best ), clean, w, h,
				best + ( bestScore.setting().isEmpty() ? "" : ": " + bestScore.setting() ), bestScore );
		line.append( String.format( Locale.ROOT, " | %s (%s) %.2f", best, bestScore.setting(), bestScore.psnr() ) );

		Montage.Tile faithful = null, realistic = null;
		if ( stored != null )
		{
			final String key = RestorationBenchmark.realismKey( 0 );
			faithful = tile( benchmark, benchmark.lastOutputs().get( key ), clean, w, h, "model '" + shown.card().name + "'" + bicubicNote( bench, shown ), c.methods().get( key ) );
			line.append( String.format( Locale.ROOT, " | ours %.2f", c.methods().get( key ).psnr() ) );
		}
		if ( twin != null )
		{
			final String key = RestorationBenchmark.realismKey( 1 );
			realistic = tile( benchmark, benchmark.lastOutputs().get( key ), clean, w, h, "GAN twin '" + shownTwin + "'" + bicubicNote( bench, shown ), c.methods().get( key ) );
			line.append( String.format( Locale.ROOT, " | ours realism 1 %.2f", c.methods().get( key ).psnr() ) );
		}
		final Montage.Tile reference = new Montage.Tile( clean, w, h, item.name() + ", centre " + item.width() + "x" + item.height() + " px, seed " + seed, null );
		System.out.println( line );
		return new Row( input, classical, faithful, realistic, reference, stored != null );
	}

	/**
	 * The folder {@code --model-dir/<name>} of a model that the benchmark
	 * routes some levels to ({@link BenchmarkTask#routedModelNames()}), or
	 * null for the shipped one (or none, with --only-model-dir).
	 */
	private String routedFolder( final String name )
	{
		if ( modelDir != null && Files.isDirectory( modelDir.resolve( name ) ) )
			return modelDir.resolve( name ).toString();
		return onlyModelDir ? BenchmarkNetworks.NO_ROUTING : null;
	}

	/** A method's output as the benchmark scored it, with its PSNR as the badge. */
	private static Montage.Tile tile( final RestorationBenchmark benchmark, final float[] out, final float[] clean, final int w, final int h, final String caption,
			final RestorationBenchmark.Score score )
	{
		return new Montage.Tile( benchmark.comparable( out, clean ), w, h, caption, String.format( Locale.ROOT, "%.2f dB", score.psnr() ) );
	}

	private static String bicubicNote( final BenchmarkTask bench, final StoredModel model )
	{
		return model.card().scale == 1 && bench.scale() > 1 ? ", on the bicubic x" + bench.scale() : "";
	}

	/**
	 * The task's model: the folder {@code --model-dir/<name>} if there is
	 * one, else the shipped model; null (with a message) when neither exists.
	 */
	private String modelName( final BenchmarkTask bench )
	{
		final String name = bench.modelTask().modelName( bench.scale(), bench.known() );
		if ( modelDir != null && Files.isDirectory( modelDir.resolve( name ) ) )
			return modelDir.resolve( name ).toString();
		try
		{
			if ( onlyModelDir )
				throw new RestoreException( "not looked for" );
			return bench.modelTask().defaultModel( bench.scale(), bench.known() );
		}
		catch ( final RestoreException e )
		{
			System.err.println( "No model '" + name + "' for task '" + bench.id() + "'" + ( modelDir != null ? " in " + modelDir : "" )
					+ ( onlyModelDir ? "" : " nor shipped" ) + "; its row shows the classical baselines only." );
			return null;
		}
	}
}
