package sc.fiji.restoregan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import ai.djl.Device;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import sc.fiji.restoregan.bench.BenchmarkImages;
import sc.fiji.restoregan.bench.BenchmarkNetworks;
import sc.fiji.restoregan.bench.BenchmarkTask;
import sc.fiji.restoregan.bench.DegradationLevel;
import sc.fiji.restoregan.bench.PlaneRestorer;
import sc.fiji.restoregan.bench.RestorationBenchmark;
import sc.fiji.restoregan.io.Montage;
import sc.fiji.restoregan.model.ModelRegistry;

/**
 * {@code compare}: models of one task side by side (no baselines) on the
 * benchmark's degradations: mean PSNR, SSIM and NIQE per model, and a figure.
 */
@Command( name = "compare", mixinStandardHelpOptions = true, description = "Compare models of one task with each other (PSNR, SSIM, NIQE; figure), on the benchmark's degradations of chosen images." )
final class CompareCommand implements Callable< Integer >
{
	@Option( names = "--task", defaultValue = "denoise", description = "Benchmark task. Default: ${DEFAULT-VALUE}." )
	String task;

	@Option( names = "--models", required = true, split = ",", description = "Model names or folders." )
	List< String > models;

	@Option( names = "--images", required = true, description = "Folder of clean images." )
	Path images;

	@Option( names = "--only", split = ",", description = "Only these file names." )
	List< String > only;

	@Option( names = "--max-size", defaultValue = "512", description = "Centre crop. Default: ${DEFAULT-VALUE}." )
	int maxSize;

	@Option( names = "--seed", defaultValue = "1", description = "Degradation seed. Default: ${DEFAULT-VALUE}." )
	long seed;

	@Option( names = "--figure", description = "PNG of degraded | each model | clean for the first image at the middle level." )
	Path figure;

	@Option( names = "--report", description = "Also write the Markdown table here." )
	Path report;

	@Override
	public Integer call() throws Exception
	{
		final BenchmarkTask bench = BenchmarkTask.parse( task );
		final RestorationBenchmark benchmark = new RestorationBenchmark( bench, seed );
		final BenchmarkNetworks nets = BenchmarkNetworks.none();
		final StringBuilder table = new StringBuilder( "| image | level | model | PSNR | SSIM | NIQE |\n| --- | --- | --- | --- | --- | --- |\n" );
		final Map< String, double[] > sums = new LinkedHashMap<>();
		try
		{
			for ( final String m : models )
				nets.add( bench, m, ModelRegistry.load( m ), Device.cpu() );
			final Map< String, PlaneRestorer > restorers = nets.restorers();
			final List< DegradationLevel > levels = bench.levels();
			boolean figureDone = figure == null;
			int cases = 0;
			for ( final BenchmarkImages.Item item : BenchmarkImages.load( images, maxSize, Set.of() ) )
			{
				if ( only != null && !only.contains( item.name().replaceAll( "#.*", "" ) ) )
					continue;
				for ( final DegradationLevel level : levels )
				{
					final RestorationBenchmark.Case c = benchmark.measure( item, level, true, false, List.of(), restorers );
					cases++;
					for ( final Map.Entry< String, RestorationBenchmark.Score > e : c.methods().entrySet() )
					{
						final RestorationBenchmark.Score s = e.getValue();
						table.append( String.format( Locale.ROOT, "| %s | %s | %s | %.2f | %.4f | %.2f |%n", c.image(), c.level(), e.getKey(), s.psnr(), s.ssim(), s.niqe() ) );
						final double[] sum = sums.computeIfAbsent( e.getKey(), k -> new double[ 3 ] );
						sum[ 0 ] += s.psnr();
						sum[ 1 ] += s.ssim();
						sum[ 2 ] += s.niqe();
					}
					if ( !figureDone && level == levels.get( levels.size() / 2 ) )
					{
						// super-resolution: the degraded input is smaller; show it enlarged with nearest neighbours
						final int s = bench.scale(), w = item.width() / s, h = item.height() / s;
						final List< float[] > panels = new ArrayList<>( benchmark.lastOutputs().values() );
						panels.set( 0, Montage.enlargeNearest( panels.get( 0 ), w, h, s ) );
						Montage.savePng( panels, w * s, h * s, 0, 1, figure );
						figureDone = true;
					}
				}
			}
			for ( final Map.Entry< String, double[] > e : sums.entrySet() )
				table.append( String.format( Locale.ROOT, "| **mean of %d cases** | | %s | %.2f | %.4f | %.2f |%n", cases, e.getKey(), e.getValue()[ 0 ] / cases, e.getValue()[ 1 ] / cases, e.getValue()[ 2 ] / cases ) );
		}
		finally
		{
			nets.close();
		}
		System.out.print( table );
		if ( report != null )
			Files.writeString( report, "Measured with `java -jar target/restoregan.jar " + String.join( " ", Main.lastArgs() ) + "`.\n\n" + table );
		return 0;
	}
}
