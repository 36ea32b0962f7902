package sc.fiji.restoregan.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import sc.fiji.restoregan.bench.MetricsSpeedBenchmark;
import sc.fiji.restoregan.bench.SpeedBenchmark;
import sc.fiji.restoregan.device.DeviceChoice;
import sc.fiji.restoregan.model.ModelRegistry;
import sc.fiji.restoregan.model.StoredModel;
import sc.fiji.restoregan.model.Task;
import sc.fiji.restoregan.pipeline.PlaneNetwork;

/** {@code bench}: speed figures of the denoiser, measured in one run. */
@Command( name = "bench", mixinStandardHelpOptions = true, description = "Measure restoration speed: throughput, GFLOP/s against a matmul, time outside the network, peak heap." )
final class BenchCommand implements Callable< Integer >
{
	@Option( names = "--sizes", split = ",", defaultValue = "1024,4096", description = "Square image sizes. Default: ${DEFAULT-VALUE}." )
	int[] sizes;

	@Option( names = "--model", description = "Model name or folder. Default: the denoise model." )
	String model;

	@Option( names = "--device", defaultValue = "auto", description = "auto, cpu or gpu. Default: ${DEFAULT-VALUE}." )
	String device;

	@Option( names = "--metrics", defaultValue = "2048", description = "Also time SSIM, MS-SSIM and NIQE on an image of this size (0: skip). Default: ${DEFAULT-VALUE}." )
	int metricsSize;

	@Override
	public Integer call()
	{
		final StoredModel stored = ModelRegistry.load( model != null ? model : Task.DENOISE.defaultModel() );
		try ( PlaneNetwork net = stored.open( DeviceChoice.parse( device ).resolve() ) )
		{
			System.out.println( "Model " + stored.card().name + ": " + stored.architecture() + String.format( java.util.Locale.ROOT, ", %.0f kFLOP per pixel", stored.architecture().flopsPerPixel() / 1e3 ) );
			SpeedBenchmark.run( net, stored.architecture(), sizes ).forEach( System.out::println );
		}
		if ( metricsSize > 0 )
			MetricsSpeedBenchmark.run( metricsSize ).forEach( System.out::println );
		return 0;
	}
}
