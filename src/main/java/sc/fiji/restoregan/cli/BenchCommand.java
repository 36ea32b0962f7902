package sc.fiji.restoregan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import ai.djl.Device;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import sc.fiji.restoregan.bench.MetricsSpeedBenchmark;
import sc.fiji.restoregan.bench.ModelSpeedBenchmark;
import sc.fiji.restoregan.bench.SpeedBenchmark;
import sc.fiji.restoregan.device.DeviceChoice;
import sc.fiji.restoregan.model.ModelRegistry;
import sc.fiji.restoregan.model.StoredModel;
import sc.fiji.restoregan.model.Task;
import sc.fiji.restoregan.pipeline.PlaneNetwork;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * {@code bench}: speed figures measured in one run. Without {@code --models},
 * one model (default the denoiser) at several sizes plus the metrics'
 * timings; with {@code --models}, a Markdown table comparing models on one
 * size.
 */
@Command( name = "bench", mixinStandardHelpOptions = true, description = {
		"Measure restoration speed: throughput, GFLOP/s against a matmul measured in the same run, time outside the network, peak heap.",
		"With --models: one table comparing models on one image size (--size): network type, parameters, weights, GFLOP per input megapixel, "
				+ "input and output megapixels per second (output = input x scale^2 for super-resolution), network GFLOP/s and its ratio to the matmul. "
				+ "'all' means every distinct faithful shipped model: GAN-trained twins (named in a card's realismTwin, e.g. denoise-gan) share their "
				+ "model's architecture and speed, so they are left out; name them explicitly to include them." } )
final class BenchCommand implements Callable< Integer >
{
	@Option( names = "--sizes", split = ",", defaultValue = "1024,4096", description = "Without --models: square image sizes. Default: ${DEFAULT-VALUE}." )
	int[] sizes;

	@Option( names = "--model", description = "Model name or folder. Default: the denoise model." )
	String model;

	@Option( names = "--models", paramLabel = "all|A,B,...", description = "Compare models instead: 'all' (every distinct faithful shipped model, no -gan twins) or a comma-separated list of model names or folders." )
	String models;

	@Option( names = "--size", defaultValue = "1024", description = "With --models: side of the square input image (an x4 model then outputs 4x this). Default: ${DEFAULT-VALUE}." )
	int size;

	@Option( names = "--report", description = "With --models: also write the Markdown table, the command and the machine to this file." )
	Path report;

	@Option( names = "--device", defaultValue = "auto", description = "auto, cpu or gpu. Default: ${DEFAULT-VALUE}." )
	String device;

	@Option( names = "--metrics", defaultValue = "2048", description = "Without --models: also time SSIM, MS-SSIM and NIQE on an image of this size (0: skip). Default: ${DEFAULT-VALUE}." )
	int metricsSize;

	@Override
	public Integer call() throws IOException
	{
		if ( models != null )
			return compareModels();
		if ( report != null )
			throw new RestoreException( "--report needs --models." );
		final StoredModel stored = ModelRegistry.load( model != null ? model : Task.DENOISE.defaultModel() );
		try ( PlaneNetwork net = stored.open( DeviceChoice.parse( device ).resolve() ) )
		{
			System.out.println( "Model " + stored.card().name + ": " + stored.architecture() + ( stored.partner() == null ? "" : ", averaged with " + stored.partner().card().name + ": " + stored.partner().architecture() )
					+ String.format( java.util.Locale.ROOT, ", %.0f kFLOP per pixel", stored.flopsPerPixel() / 1e3 ) );
			SpeedBenchmark.run( net, stored.flopsPerPixel(), sizes ).forEach( System.out::println );
		}
		if ( metricsSize > 0 )
			MetricsSpeedBenchmark.run( metricsSize ).forEach( System.out::println );
		return 0;
	}

	private int compareModels() throws IOException
	{
		if ( model != null )
			throw new RestoreException( "Give either --model (one model at several --sizes) or --models (a table of models at one --size), not both." );
		if ( size < 8 )
			throw new RestoreException( "--size must be at least 8, not " + size + "." );
		final List< String > names = ModelSpeedBenchmark.resolve( models );
		final Device dev = DeviceChoice.parse( device ).resolve();
		final double ceiling = SpeedBenchmark.matmulCeiling();
		System.out.println( String.format( Locale.ROOT, "DJL matmul %dx%d float32: %.1f GFLOP/s", SpeedBenchmark.MATMUL_SIZE, SpeedBenchmark.MATMUL_SIZE, ceiling ) );
		final List< ModelSpeedBenchmark.Row > rows = ModelSpeedBenchmark.run( names, dev, size, ceiling, System.out::println );
		System.out.println();
		System.out.print( ModelSpeedBenchmark.table( rows ) );
		if ( report != null )
		{
			final String jvm = System.getProperty( "ai.djl.pytorch.num_threads" ) != null ? "java -Dai.djl.pytorch.num_threads=" + System.getProperty( "ai.djl.pytorch.num_threads" ) : "java";
			final String command = jvm + " -jar target/restoregan.jar " + String.join( " ", Main.lastArgs() );
			Files.writeString( report, ModelSpeedBenchmark.report( rows, command ) );
			System.out.println( "Report written to " + report );
		}
		return 0;
	}
}
