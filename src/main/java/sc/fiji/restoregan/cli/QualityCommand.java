package sc.fiji.restoregan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import com.google.gson.JsonObject;

import ai.djl.Device;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import sc.fiji.restoregan.bench.BenchmarkImages;
import sc.fiji.restoregan.bench.DenoiseBenchmark;
import sc.fiji.restoregan.model.ModelRegistry;
import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.model.StoredModel;
import sc.fiji.restoregan.model.Task;
import sc.fiji.restoregan.pipeline.PlaneNetwork;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.pipeline.RestoreOptions;

/**
 * {@code quality}: the restoration benchmark against the classical
 * baselines, on a folder of clean images with synthetic degradation.
 */
@Command( name = "quality", mixinStandardHelpOptions = true, description = "Benchmark a model against classical baselines (PSNR) on clean images with synthetic degradation." )
final class QualityCommand implements Callable< Integer >
{
	@Option( names = "--task", defaultValue = "denoise", description = "Task to benchmark. Default: ${DEFAULT-VALUE}." )
	String task;

	@Option( names = "--images", required = true, description = "Folder of clean images (for example ../shared/data/real)." )
	Path images;

	@Option( names = "--model", description = "Model name or folder. Default: the task's model." )
	String model;

	@Option( names = "--held-out", split = ",", description = "Image file names not seen in training. Default: those the model card lists." )
	List< String > heldOut;

	@Option( names = "--max-size", defaultValue = "512", description = "Centre crop of each image. Default: ${DEFAULT-VALUE}." )
	int maxSize;

	@Option( names = "--seed", defaultValue = "1", description = "Noise seed. Default: ${DEFAULT-VALUE}." )
	long seed;

	@Option( names = "--report", description = "Also write the Markdown table to this file." )
	Path report;

	@Option( names = "--update-card", description = "Write the summary into the card of this model folder (the model benchmarked, unless --model is given)." )
	Path updateCard;

	@Override
	public Integer call() throws Exception
	{
		if ( Task.parse( task ) != Task.DENOISE )
			throw new RestoreException( "The quality benchmark of this version covers --task denoise." );
		// the card to update belongs to the folder's model, not to the copy packed into the jar
		final String name = model != null ? model : updateCard != null ? updateCard.toString() : Task.DENOISE.defaultModel();
		final StoredModel stored = ModelRegistry.load( name );
		final Set< String > held = new HashSet<>( heldOut != null ? heldOut : cardHeldOut( stored ) );
		final List< BenchmarkImages.Item > items = BenchmarkImages.load( images, maxSize, Set.of() );
		final long t0 = System.nanoTime();
		final List< DenoiseBenchmark.Case > cases;
		try ( PlaneNetwork net = stored.open( Device.cpu() ) )
		{
			cases = DenoiseBenchmark.run( items, held, net, RestoreOptions.defaults(), seed, new ConsoleProgress( System.err ) );
		}
		final String table = DenoiseBenchmark.markdown( cases );
		System.out.println( table );
		System.out.printf( Locale.ROOT, "%d cases in %.0f s%n", cases.size(), ( System.nanoTime() - t0 ) / 1e9 );
		if ( report != null )
			Files.writeString( report, "# Denoise benchmark: model '" + stored.card().name + "' against classical baselines\n\n"
					+ "Measured with `java -jar target/restoregan.jar " + String.join( " ", Main.lastArgs() ) + "`.\n"
					+ "Every plane of every image in " + images + " (centre crop " + maxSize + ", scaled to [0, 1]) gets seeded Poisson-Gaussian noise at each level; "
					+ "PSNR in dB with data range 1. The Gaussian filter's sigma is the best of " + java.util.Arrays.toString( sc.fiji.restoregan.baseline.ClassicalDenoisers.SIGMAS )
					+ " for each image and level, chosen with the clean image (an oracle no user has). Held-out images were never seen in training.\n\n" + table );
		if ( updateCard != null )
		{
			final JsonObject summary = DenoiseBenchmark.summary( cases );
			summary.addProperty( "images", images.toString() + " (every plane, centre crop " + maxSize + ")" );
			summary.addProperty( "metric", "PSNR in dB, data range 1 (clean plane scaled to [0, 1]); baselines at their best setting per image" );
			summary.addProperty( "command", "java -jar target/restoregan.jar " + String.join( " ", Main.lastArgs() ) );
			stored.card().scores.add( "denoiseBenchmark", summary );
			ModelStore.writeCard( updateCard, stored.card() );
		}
		return 0;
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
