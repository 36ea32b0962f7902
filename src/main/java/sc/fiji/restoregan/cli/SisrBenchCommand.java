package sc.fiji.restoregan.cli;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import sc.fiji.restoregan.bench.SisrBenchmark;
import sc.fiji.restoregan.sisr.SisrMethod;
import sc.fiji.restoregan.sisr.SisrPreset;
import sc.fiji.restoregan.sisr.SisrSettings;

/** {@code sisr bench}: a single-image method against bicubic on the real images. */
@Command( name = "bench", mixinStandardHelpOptions = true, description = { "Single-image SR against bicubic: each image's central crop is the reference, its binned copy the input.",
		"Prints PSNR, SSIM, NIQE, time (training + applying) and peak heap per image and on average." } )
final class SisrBenchCommand implements Callable< Integer >
{
	@Option( names = "--method", required = true, description = "zssr, singan or ingan." )
	String method;

	@Option( names = "--images", required = true, description = "Folder of real images." )
	Path images;

	@Option( names = "--size", defaultValue = "256", description = "Largest side of the reference crop. Default: ${DEFAULT-VALUE}." )
	int size;

	@Option( names = "--scale", defaultValue = "2", description = "Integer factor. Default: ${DEFAULT-VALUE}." )
	int scale;

	@Option( names = "--preset", defaultValue = "fast", description = "fast, balanced or quality. Default: ${DEFAULT-VALUE}." )
	String preset;

	@Option( names = "--only", split = ",", description = "Only these file names." )
	List< String > only;

	@Option( names = "--iterations", description = "Override the preset's iterations." )
	Integer iterations;

	@Option( names = "--recon-weight", description = "Override the preset's reconstruction weight (SinGAN, InGAN)." )
	Double reconstructionWeight;

	@Override
	public Integer call() throws Exception
	{
		final SisrSettings settings = SisrSettings.of( SisrMethod.parse( method ), SisrPreset.parse( preset ), scale );
		if ( iterations != null )
			settings.iterations = iterations;
		if ( reconstructionWeight != null )
			settings.reconstructionWeight = reconstructionWeight;
		final List< SisrBenchmark.Row > rows = SisrBenchmark.run( images, size, only == null ? new HashSet<>() : new HashSet<>( only ), settings, System.out::println );
		System.out.println( SisrBenchmark.summary( rows ) );
		return 0;
	}
}
