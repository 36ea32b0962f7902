package sc.fiji.restoregan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import com.google.gson.JsonObject;

import ai.djl.Device;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import sc.fiji.restoregan.bench.BaselineCache;
import sc.fiji.restoregan.bench.BenchmarkImages;
import sc.fiji.restoregan.bench.BenchmarkNetworks;
import sc.fiji.restoregan.bench.BenchmarkReport;
import sc.fiji.restoregan.bench.BenchmarkTarget;
import sc.fiji.restoregan.bench.BenchmarkTask;
import sc.fiji.restoregan.bench.DenoiseBenchmark;
import sc.fiji.restoregan.bench.PlaneRestorer;
import sc.fiji.restoregan.bench.RestorationBenchmark;
import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.model.ModelRegistry;
import sc.fiji.restoregan.model.ModelSource;
import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.model.StoredModel;
import sc.fiji.restoregan.model.Task;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.pipeline.RestoreOptions;

/**
 * {@code quality}: the restoration benchmark against the classical
 * baselines, on a folder of clean images with synthetic degradation, for
 * one task. Without a model for the task (or with {@code --baselines-only})
 * it measures the baselines alone and says so.
 */
@Command( name = "quality", mixinStandardHelpOptions = true,
		description = "Benchmark a model against classical baselines (PSNR, SSIM, NIQE) on clean images with synthetic degradation." )
final class QualityCommand implements Callable< Integer >
{
	@Option( names = "--task", defaultValue = "denoise", description = "Task to benchmark: denoise, deblur, dehaze, derain, lighting, sr2, sr4. Default: ${DEFAULT-VALUE}." )
	String task;

	@Option( names = "--images", required = true, description = "Folder of clean images (for example ../shared/data/real)." )
	Path images;

	@Option( names = "--model", description = "Model name or folder. Default: the task's model, if one ships." )
	String model;

	@Option( names = "--realism", split = ",", description = "Realism settings to measure when the model has a GAN-trained twin (0: faithful, 1: the GAN model). Default: 0, 0.5 and 1." )
	List< Double > realism;

	@Option( names = "--also", split = ",", description = "Further models (names or folders) measured in the same run at realism 0 (and 0.5 and 1 when they have a twin), for example the multi-task model auto on each single-task benchmark; with --update-card, the cards of those given as folders get their scores too." )
	List< String > also;

	@Option( names = "--route", description = "NAME=MODEL: on the derain benchmark, run MODEL (a name or folder, or 'none' to run the measured model on them too) on the planes whose artefacts pick the model NAME, as Remove streaks does when told what the artefacts are (" + Task.DERAIN_STRIPES + " for stripes, " + Task.DERAIN_DROPS + " for drops; at the same realism settings, blended with its twin). Default: the shipped NAME when it ships." )
	Map< String, String > route = new LinkedHashMap<>();

	@Option( names = "--baseline-cache", description = "JSON file where the baselines' scores are kept between runs (they do not depend on the model); a second run with the same images, crop, seed and task reuses them." )
	Path baselineCache;

	@Option( names = "--blind", description = "Tell the networks nothing of each degradation. By default they are told what the classical baselines are told (the PSF of a blur, the direction of stripes), as a user who knows it would tell the Restore commands; models that need a PSF cannot run blind." )
	boolean blind;

	@Option( names = "--baselines-only", description = "Measure the classical baselines only, without a model." )
	boolean baselinesOnly;

	@Option( names = "--scenes", defaultValue = "0", description = "Also benchmark this many simulated scenes, reported separately. Default: ${DEFAULT-VALUE}." )
	int scenes;

	@Option( names = "--held-out", split = ",", description = "Image file names not seen in training. Default: those the model card lists." )
	List< String > heldOut;

	@Option( names = "--max-size", defaultValue = "512", description = "Centre crop of each image. Default: ${DEFAULT-VALUE}." )
	int maxSize;

	@Option( names = "--seed", defaultValue = "1", description = "Degradation seed. Default: ${DEFAULT-VALUE}." )
	long seed;

	@Option( names = "--report", description = "Also write the Markdown report to this file." )
	Path report;

	@Option( names = "--update-card", description = "Write the summary into the card of this model folder (the model benchmarked, unless --model is given)." )
	Path updateCard;

	@Option( names = "--ensemble", defaultValue = "0", description = "Run every network as a geometric self-ensemble of this many flips and turns (" + RestoreOptions.ENSEMBLES + ", as restore --ensemble); 0: each model's own (its card's ensemble). Default: ${DEFAULT-VALUE}." )
	int ensemble;

	/** Seed of the first simulated scene. */
	private static final long SCENE_SEED = 1000;

	/** Realism settings at which a further (--also) model with a twin is measured, besides 0. */
	private static final List< Double > ALSO_REALISM = List.of( 0.5, 1.0 );

	@Override
	public Integer call() throws Exception
	{
		final BenchmarkTask bench = BenchmarkTask.parse( task );
		for ( final String routedName : route.keySet() )
			if ( !bench.routedModelNames().contains( routedName ) )
				throw new RestoreException( "--route names '" + routedName + "', but the " + bench.id() + " benchmark routes levels only to: "
						+ ( bench.routedModelNames().isEmpty() ? "none" : String.join( ", ", bench.routedModelNames() ) ) + "." );
		final String name = baselinesOnly ? null : modelName( bench );
		final StoredModel stored = name == null ? null : ModelRegistry.load( name );
		Map< String, StoredModel > routed = Map.of();
		final Map< String, StoredModel > extras = new LinkedHashMap<>();
		for ( final String n : also != null ? also : List.< String >of() )
			extras.put( n, ModelRegistry.load( n ) );
		final Set< String > held = new HashSet<>( heldOut != null ? heldOut : stored != null ? cardHeldOut( stored ) : List.of() );
		final List< BenchmarkImages.Item > items = BenchmarkImages.load( images, maxSize, Set.of() );
		final List< BenchmarkImages.Item > sceneItems = BenchmarkImages.scenes( scenes, maxSize, SCENE_SEED );
		final long t0 = System.nanoTime();
		final List< RestorationBenchmark.Case > cases;
		final RestorationBenchmark benchmark = new RestorationBenchmark( bench, seed ).cache( baselineCache == null ? null : BaselineCache.open( baselineCache ) );
		if ( stored == null )
			cases = benchmark.run( items, sceneItems, held, ( PlaneRestorer ) null, new ConsoleProgress( System.err ) );
		else
		{
			final StoredModel twin = ModelRegistry.loadTwin( name, stored );
			final List< Double > settings = realism != null ? realism : twin != null ? List.of( 0.0, 0.5, 1.0 ) : List.of( 0.0 );
			try ( BenchmarkNetworks networks = BenchmarkNetworks.open( bench, stored, twin, settings, RestoreOptions.defaults().withEnsemble( ensemble ), Device.cpu() ) )
			{
				for ( final Map.Entry< String, StoredModel > e : extras.entrySet() )
				{
					final StoredModel extra = e.getValue();
					networks.add( bench, alsoKey( extra ), extra, Device.cpu() );
					final StoredModel extraTwin = ModelRegistry.loadTwin( e.getKey(), extra );
					if ( extraTwin != null )
						for ( final double r : ALSO_REALISM )
							networks.add( bench, alsoKey( extra ) + " " + RestorationBenchmark.realismKey( r ), extra, extraTwin, r, Device.cpu() );
				}
				routed = networks.routeKnown( bench, route::get, Device.cpu() );
				final Map< String, PlaneRestorer > restorers = new LinkedHashMap<>();
				networks.restorers().forEach( ( k, v ) -> restorers.put( k, blind ? v.blind() : v ) );
				cases = benchmark.run( items, sceneItems, held, restorers, new ConsoleProgress( System.err ) );
			}
		}
		final boolean legacyDenoise = bench == BenchmarkTask.DENOISE && stored != null;
		final String general = BenchmarkReport.markdown( bench, cases, BenchmarkReport.groups( bench ) );
		final List< DenoiseBenchmark.Case > denoiseCases = legacyDenoise ? DenoiseBenchmark.cases( cases.stream().filter( c -> !c.simulated() ).toList() ) : List.of();
		final String denoiseTable = legacyDenoise ? DenoiseBenchmark.markdown( denoiseCases ) : "";
		System.out.println( legacyDenoise ? denoiseTable : general );
		final double seconds = ( System.nanoTime() - t0 ) / 1e9;
		System.out.printf( Locale.ROOT, "%d cases in %.0f s%n", cases.size(), seconds );
		if ( report != null )
			Files.writeString( report, legacyDenoise ? denoiseReport( bench, stored, routed, extras, denoiseTable, general ) : generalReport( bench, stored, routed, extras, general, cases.size(), seconds ) );
		if ( updateCard != null )
		{
			if ( stored == null )
				throw new RestoreException( "--update-card needs a model; none was measured." );
			final JsonObject summary = legacyDenoise ? DenoiseBenchmark.summary( denoiseCases ) : BenchmarkReport.summary( bench, cases );
			if ( legacyDenoise ) // issue 2's view, plus the means and gain against all four denoisers at every realism setting
				summary.add( "allBaselines", BenchmarkReport.summary( bench, cases ) );
			summary.addProperty( "images", images.toString() + " (every plane, centre crop " + maxSize + ")" );
			summary.addProperty( "metric", "PSNR in dB, data range 1 (clean plane scaled to [0, 1]); baselines at their best setting per image" );
			summary.addProperty( "command", command() );
			summary.addProperty( "ensemble", members( stored ) );
			summary.add( "target", BenchmarkTarget.of( bench, legacyDenoise ? summary.getAsJsonObject( "allBaselines" ) : summary ) );
			addScores( updateCard, stored, bench.id() + "Benchmark", summary );
			for ( final Map.Entry< String, StoredModel > e : routed.entrySet() )
			{
				final String folder = route.get( e.getKey() );
				if ( folder == null || !Files.isDirectory( Path.of( folder ) ) )
					continue;
				final JsonObject s = summary.deepCopy();
				s.addProperty( "routed", "this model restored the planes of level " + routedLevels( bench, e.getKey(), "" )
						+ " in the rows of '" + stored.card().name + "'; the other levels are other models'" );
				s.addProperty( "ensemble", members( e.getValue() ) );
				addScores( Path.of( folder ), e.getValue(), bench.id() + "Benchmark", s );
			}
			for ( final Map.Entry< String, StoredModel > e : extras.entrySet() )
				if ( Files.isDirectory( Path.of( e.getKey() ) ) )
				{
					final StoredModel extra = e.getValue();
					final JsonObject s = BenchmarkReport.summary( bench, cases, alsoKey( extra ) );
					s.addProperty( "images", summary.get( "images" ).getAsString() );
					s.addProperty( "metric", summary.get( "metric" ).getAsString() );
					s.addProperty( "command", command() );
					s.addProperty( "ensemble", members( extra ) );
					s.add( "target", BenchmarkTarget.of( bench, s ) );
					addScores( Path.of( e.getKey() ), extra, bench.id() + "Benchmark", s );
				}
		}
		return 0;
	}

	/**
	 * Adds scores to the card in {@code folder} as it is now, not as it was
	 * read before the benchmark: other runs (or {@code ship}) may have
	 * written it in the meantime. Refuses when its weights are no longer the
	 * ones measured.
	 */
	static void addScores( final Path folder, final StoredModel measured, final String key, final JsonObject summary ) throws IOException
	{
		final ModelCard card = ModelStore.readCard( ModelSource.directory( folder ) );
		if ( !measured.card().weights.sha256.equals( card.weights.sha256 ) || !Objects.equals( measured.card().meanWith, card.meanWith ) )
			throw new RestoreException( "The weights in " + folder + ", or the partner its card names, changed while they were measured; their scores were not written. Run the benchmark again." );
		if ( measured.partner() != null )
			summary.addProperty( "averagedWith", measured.partner().card().name + " (weights sha256 " + measured.partner().card().weights.sha256
					+ ( measured.partnerTwin() == null ? "" : "; its twin " + measured.partnerTwin().card().name + ", sha256 " + measured.partnerTwin().card().weights.sha256 ) + ")" );
		card.scores.add( key, summary );
		ModelStore.writeCard( folder, card );
	}

	/** The self-ensemble a model was run with here at realism 0: --ensemble, or its card's. */
	private int members( final StoredModel m )
	{
		return RestoreOptions.defaults().withEnsemble( ensemble ).forModel( m.card().ensemble, 0 ).members();
	}

	/** One sentence on the self-ensemble each network ran with, or nothing without networks. */
	private String ensembleNote( final BenchmarkTask bench, final StoredModel stored, final Map< String, StoredModel > routed, final Map< String, StoredModel > extras )
	{
		if ( stored == null )
			return "";
		final StringBuilder sb = new StringBuilder( ensemble == RestoreOptions.MODEL_ENSEMBLE
				? " Networks run as the Restore commands run them by default: at realism 0 with the self-ensemble of their card (flips and quarter turns averaged), above 0 without one; sizes at realism 0: "
				: " Networks run with a self-ensemble of " + ensemble + " (`--ensemble`) at every realism setting: " );
		sb.append( "'" ).append( stored.card().name ).append( "' " ).append( members( stored ) );
		routed.values().forEach( r -> sb.append( ", '" ).append( r.card().name ).append( "' " ).append( members( r ) ) );
		extras.values().forEach( e -> sb.append( ", '" ).append( e.card().name ).append( "' " ).append( members( e ) ) );
		sb.append( blind ? ". The networks were told nothing of the degradations (`--blind`)."
				: ". The networks were told what the baselines are told (the PSF of a blur, the direction of stripes) and use it where their context channels do." );
		if ( !routed.isEmpty() && !blind )
		{
			sb.append( " The planes of level " ).append( routed.entrySet().stream()
					.map( e -> routedLevels( bench, e.getKey(), "`" ) + " were restored by '" + e.getValue().card().name + "'" ).collect( Collectors.joining( ", those of " ) ) );
			sb.append( " in the rows of '" ).append( stored.card().name )
					.append( "' (their realism settings blend each with its own twin): the model Remove streaks picks when told what the artefacts are." );
		}
		return sb.toString();
	}

	/** The names of the levels routed to the model {@code name}, each between {@code quote}s, comma-separated. */
	private static String routedLevels( final BenchmarkTask bench, final String name, final String quote )
	{
		return bench.levelsFor( name ).stream().map( l -> quote + l.name() + quote ).collect( Collectors.joining( ", " ) );
	}

	/** The label of a model measured with --also. */
	private static String alsoKey( final StoredModel extra )
	{
		return "model " + extra.card().name;
	}

	/** The name or folder of the model to measure, or null (with a message) when the task has none. */
	private String modelName( final BenchmarkTask bench )
	{
		if ( model != null )
			return model;
		if ( updateCard != null )
			return updateCard.toString(); // the card to update belongs to the folder's model, not to the copy packed into the jar
		try
		{
			return bench.modelTask().defaultModel( bench.scale(), bench.known() );
		}
		catch ( final RestoreException e )
		{
			System.err.println( "No model for task '" + bench.id() + "' ships with this version yet; measuring the classical baselines only." );
			return null;
		}
	}


	private static String command()
	{
		return "java -jar target/restoregan.jar " + String.join( " ", Main.lastArgs() );
	}

	private String denoiseReport( final BenchmarkTask bench, final StoredModel stored, final Map< String, StoredModel > routed, final Map< String, StoredModel > extras, final String table, final String general )
	{
		return "# Denoise benchmark: model '" + stored.card().name + "' against classical baselines\n\n"
				+ "Measured with `" + command() + "`.\n"
				+ "Every plane of every image in " + images + " (centre crop " + maxSize + ", scaled to [0, 1]) gets seeded Poisson-Gaussian noise at each level; "
				+ "PSNR in dB with data range 1. The Gaussian filter's sigma is the best of " + java.util.Arrays.toString( sc.fiji.restoregan.baseline.ClassicalDenoisers.SIGMAS )
				+ " and the non-local means strength h the best of " + java.util.Arrays.toString( sc.fiji.restoregan.baseline.NonLocalMeans.H_FACTORS )
				+ " times the estimated noise sigma (patch 7x7, search 21x21), for each image and level, chosen with the clean image (an oracle no user has). "
				+ "Held-out images were never seen in training." + ensembleNote( bench, stored, routed, extras ) + "\n\n" + table + "\n# PSNR, SSIM and NIQE\n\n" + general;
	}

	private String generalReport( final BenchmarkTask bench, final StoredModel stored, final Map< String, StoredModel > routed, final Map< String, StoredModel > extras, final String general, final int cases, final double seconds )
	{
		final String levels = bench.levels().stream().map( l -> "- `" + l.name() + "`: " + l.degradation().describe() ).collect( Collectors.joining( "\n" ) );
		return "# " + bench.id() + " benchmark: " + ( stored == null ? "classical baselines only (no model)" : "model '" + stored.card().name + "' against classical baselines" ) + "\n\n"
				+ "Measured with `" + command() + "` (" + cases + " cases in " + Math.round( seconds ) + " s).\n"
				+ "Every plane of every image in " + images + " (centre crop " + maxSize + ", scaled to [0, 1]) gets each degradation level, seeded per image and level:\n\n"
				+ levels + "\n\nEach baseline runs at its best setting for each image and level, chosen by PSNR with the clean image (an oracle no user has). "
				+ "PSNR and SSIM with data range 1; NIQE with the LIVE model."
				+ ( bench.affine() ? " Every output, and the degraded input, is compared after a least-squares affine fit to the clean image, since the intensity scale of a "
						+ bench.id() + " result is ambiguous." : "" )
				+ ensembleNote( bench, stored, routed, extras ) + "\n\n" + general;
	}

	private static List< String > cardHeldOut( final StoredModel model )
	{
		final List< String > names = new ArrayList<>();
		if ( model.card().training.has( "heldOut" ) )
			for ( final String s : model.card().training.get( "heldOut" ).getAsString().split( ",\\s*" ) )
				if ( !s.isBlank() )
					names.add( s );
		return names;
	}
}
