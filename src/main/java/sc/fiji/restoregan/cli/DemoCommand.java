package sc.fiji.restoregan.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.restoregan.baseline.ClassicalDenoisers;
import sc.fiji.restoregan.baseline.Tuned;
import sc.fiji.restoregan.bridge.Planes;
import sc.fiji.restoregan.bridge.TensorBridge;
import sc.fiji.restoregan.degrade.PoissonGaussianNoise;
import sc.fiji.restoregan.device.DeviceChoice;
import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.io.Montage;
import sc.fiji.restoregan.metrics.Psnr;
import sc.fiji.restoregan.model.Task;
import sc.fiji.restoregan.pipeline.RestoreOptions;
import sc.fiji.restoregan.pipeline.RestoreRunner;
import sc.fiji.restoregan.simulate.PhantomGenerator;

/**
 * {@code demo}: the whole path on a built-in sample. A simulated cell scene
 * is degraded with photon and read noise, restored with the shipped
 * denoiser, and compared with the best Gaussian filter; images and a figure
 * go to the output folder.
 */
@Command( name = "demo", mixinStandardHelpOptions = true, description = "Degrade a built-in sample with noise, restore it, and report PSNR against a Gaussian filter." )
final class DemoCommand implements Callable< Integer >
{
	@Option( names = "--output", defaultValue = "demo-output", description = "Folder for the images. Default: ${DEFAULT-VALUE}." )
	Path output;

	@Option( names = "--size", defaultValue = "512", description = "Sample size. Default: ${DEFAULT-VALUE}." )
	int size;

	@Option( names = "--peak", defaultValue = "10", description = "Photons at the brightest pixel. Default: ${DEFAULT-VALUE}." )
	double peak;

	@Option( names = "--read", defaultValue = "0.02", description = "Read noise, fraction of the range. Default: ${DEFAULT-VALUE}." )
	double read;

	@Option( names = "--device", defaultValue = "auto", description = "auto, cpu or gpu. Default: ${DEFAULT-VALUE}." )
	String device;

	@Override
	public Integer call() throws Exception
	{
		final int n = size;
		final float[] clean = new PhantomGenerator( n, n ).generate( 2026 );
		final float[] noisy = new PoissonGaussianNoise( peak, read ).apply( clean, new Random( 1 ) );
		final Img< FloatType > restoredImg = RestoreRunner.restore( ArrayImgs.floats( noisy, n, n ), Task.DENOISE.defaultModel(), 0, DeviceChoice.parse( device ), RestoreOptions.defaults(), new ConsoleProgress( System.err ), System.out::println );
		final float[] restored = TensorBridge.toArray( Planes.plane( restoredImg, 0 ) );
		final Tuned gauss = ClassicalDenoisers.bestGaussian( noisy, n, n, out -> Psnr.compute( clean, out, n, n, 1.0 ) );
		System.out.printf( Locale.ROOT, "Sample: %dx%d simulated cells, Poisson noise at %.0f photons peak + %.1f%% read noise%n", n, n, peak, 100 * read );
		System.out.printf( Locale.ROOT, "PSNR noisy             %6.2f dB%n", Psnr.compute( clean, noisy, n, n, 1.0 ) );
		System.out.printf( Locale.ROOT, "PSNR Gaussian (%s) %6.2f dB%n", gauss.setting(), gauss.score() );
		System.out.printf( Locale.ROOT, "PSNR RestoreGAN        %6.2f dB%n", Psnr.compute( clean, restored, n, n, 1.0 ) );
		ImageFiles.writeFloatTiff( ArrayImgs.floats( clean, n, n ), output.resolve( "clean.tif" ) );
		ImageFiles.writeFloatTiff( ArrayImgs.floats( noisy, n, n ), output.resolve( "noisy.tif" ) );
		ImageFiles.writeFloatTiff( ArrayImgs.floats( gauss.image(), n, n ), output.resolve( "gaussian.tif" ) );
		ImageFiles.writeFloatTiff( restoredImg, output.resolve( "restored.tif" ) );
		Montage.savePng( List.of( noisy, gauss.image(), restored, clean ), n, n, 0, 1, output.resolve( "demo.png" ) );
		System.out.println( "Images in " + output.toAbsolutePath() + " (noisy | Gaussian | RestoreGAN | clean in demo.png)" );
		return 0;
	}

}
