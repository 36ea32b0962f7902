package sc.fiji.restoregan.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import sc.fiji.restoregan.bench.CancelLatency;
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

	@Option( names = "--detail", split = ",", description = "SinGAN: test-time detail values to measure, each from the same training (e.g. 1,0.5)." )
	List< Double > detail;

	@Option( names = "--ensemble", arity = "1", split = ",", description = "ZSSR, SinGAN: self-ensemble settings to measure, each from the same training (e.g. true,false)." )
	List< Boolean > ensemble;

	@Option( names = "--cancel-after", description = "Instead of scoring: per image, request Stop this many seconds into training and cancel applying the partly trained model after --cancel-apply-after seconds; print how long each took to stop." )
	Double cancelAfter;

	@Option( names = "--cancel-apply-after", defaultValue = "1", description = "With --cancel-after: seconds into applying at which to cancel. Default: ${DEFAULT-VALUE}." )
	double cancelApplyAfter;

	@Override
	public Integer call() throws Exception
	{
		final SisrSettings settings = SisrSettings.of( SisrMethod.parse( method ), SisrPreset.parse( preset ), scale );
		if ( iterations != null )
			settings.iterations = iterations;
		if ( reconstructionWeight != null )
			settings.reconstructionWeight = reconstructionWeight;
		if ( cancelAfter != null )
			return cancelLatency( settings );
		final List< SisrBenchmark.Row > rows = SisrBenchmark.run( images, size, onlyNames(), settings, variants( settings ), System.out::println );
		System.out.println( SisrBenchmark.summary( rows ) );
		return 0;
	}

	/** Measures how soon training and applying stop when asked, on each image. */
	private int cancelLatency( final SisrSettings settings ) throws Exception
	{
		for ( final SisrBenchmark.Case c : SisrBenchmark.cases( images, size, onlyNames(), settings.scale ) )
		{
			try ( CancelLatency.StoppedTraining training = CancelLatency.training( c.input(), settings, cancelAfter ) )
			{
				final CancelLatency.Result applying = CancelLatency.applying( training.model(), c.input(), cancelApplyAfter );
				System.out.println( String.format( Locale.ROOT, "%s %s %dx%d: %s; %s", method, c.name(), c.input().width, c.input().height, training.result(), applying ) );
			}
		}
		return 0;
	}

	/** The file names given with --only (empty: every image). */
	private Set< String > onlyNames()
	{
		return only == null ? Set.of() : new HashSet<>( only );
	}

	/** Every combination of the requested test-time values (the preset's where none is given). */
	private List< SisrBenchmark.Variant > variants( final SisrSettings settings )
	{
		final List< Double > details = detail == null ? List.of( settings.detail ) : detail;
		final List< Boolean > ensembles = ensemble == null ? List.of( settings.selfEnsemble ) : ensemble;
		if ( details.size() == 1 && ensembles.size() == 1 )
		{
			settings.detail = details.get( 0 );
			settings.selfEnsemble = ensembles.get( 0 );
			return List.of( SisrBenchmark.Variant.AS_TRAINED );
		}
		final List< SisrBenchmark.Variant > out = new ArrayList<>();
		for ( final boolean e : ensembles )
			for ( final double d : details )
				out.add( new SisrBenchmark.Variant( "detail " + d + ( e ? ", ensemble" : "" ), s -> {
					s.detail = d;
					s.selfEnsemble = e;
				} ) );
		return out;
	}
}
