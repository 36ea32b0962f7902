package sc.fiji.restoregan.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.nn.Block;

import sc.fiji.restoregan.degrade.Kernel;
import sc.fiji.restoregan.degrade.PsfSpec;
import sc.fiji.restoregan.model.IlluminationModels;
import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.model.ModelRegistry;
import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.model.StoredModel;
import sc.fiji.restoregan.nn.GeneratorArchitecture;
import sc.fiji.restoregan.pipeline.PlaneNetwork;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.pipeline.RestoreOptions;

/**
 * Inference speed of several models compared in one run, so users can pick a
 * model for large data: the DJL matmul ceiling is measured once (see
 * {@link SpeedBenchmark#matmulCeiling()}), then each model restores the same
 * square 16-bit image with the default tiling, once after an untimed warm-up restoration of the same image.
 * Each {@link Row} gives the architecture (type, parameters, weights size),
 * GFLOP per input megapixel, throughput in input and output megapixels per
 * second (they differ by {@code scale^2} for super-resolution, whose network
 * runs on the small input), the network's GFLOP/s and its ratio to the
 * ceiling.
 */
public final class ModelSpeedBenchmark
{
	/** The model list that stands for every distinct faithful shipped model. */
	public static final String ALL = "all";

	private ModelSpeedBenchmark()
	{}

	/**
	 * One model's figures.
	 *
	 * @param model the model as it was named (shipped name or folder)
	 * @param task the task in its card
	 * @param architecture the architecture in its card
	 * @param parameters number of scalar parameters of the network (of both, for a model averaged with a partner)
	 * @param weightBytes size of its weights file (of both)
	 * @param flopsPerPixel what the network does per pixel of its input (both networks)
	 * @param partner the model it is averaged with ({@link ModelCard#meanWith}), or null
	 * @param measurement the timed restoration
	 * @param matmulGflops the ceiling measured in the same run
	 * @param device the engine and device that ran the network ({@link PlaneNetwork#describeDevice()})
	 * @param ensemble the self-ensemble the model runs with by default ({@link ModelCard#ensemble})
	 * @param atDefault a second timed restoration with that self-ensemble, or
	 *            {@code measurement} itself when it is 1
	 */
	public record Row( String model, String task, GeneratorArchitecture architecture, long parameters, long weightBytes, double flopsPerPixel, String partner, SpeedBenchmark.Measurement measurement, double matmulGflops, String device,
			int ensemble, SpeedBenchmark.Measurement atDefault )
	{
		/** Output pixels per input pixel along X and Y. */
		public int scale()
		{
			return measurement.scale();
		}

		/** GFLOP the network does per megapixel of its input (the architecture's figure, both networks' for a model averaged with a partner; without tile overlap). */
		public double gflopPerInputMegapixel()
		{
			return flopsPerPixel / 1e3;
		}

		/** Achieved GFLOP/s of the network over the matmul ceiling. */
		public double ofMatmul()
		{
			return measurement.networkGflops() / matmulGflops;
		}
	}

	/**
	 * The models a {@code --models} value names: {@value #ALL} for every
	 * distinct faithful shipped model (see {@link #distinctFaithful}), else a
	 * comma-separated list of shipped names or folders, kept as given.
	 *
	 * @throws RestoreException when the list is empty
	 */
	public static List< String > resolve( final String spec )
	{
		final List< String > names = new ArrayList<>();
		if ( spec != null && ALL.equals( spec.trim() ) )
		{
			final List< ModelCard > cards = new ArrayList<>();
			for ( final String name : ModelRegistry.shipped() )
				cards.add( ModelStore.readCard( ModelRegistry.resolve( name ) ) );
			names.addAll( distinctFaithful( cards ) );
		}
		else if ( spec != null )
			Arrays.stream( spec.split( "," ) ).map( String::trim ).filter( s -> !s.isEmpty() ).forEach( names::add );
		if ( names.isEmpty() )
			throw new RestoreException( "No models to benchmark in '" + spec + "': give 'all' or a comma-separated list of model names or folders." );
		return names;
	}

	/**
	 * Names of the cards that are not another card's GAN-trained twin
	 * ({@link ModelCard#realismTwin}), in order. A twin has its faithful
	 * model's architecture, hence its speed, so benchmarking it adds nothing.
	 */
	public static List< String > distinctFaithful( final List< ModelCard > cards )
	{
		final Set< String > twins = new HashSet<>();
		for ( final ModelCard card : cards )
			if ( card.realismTwin != null && !card.realismTwin.isBlank() )
				twins.add( Paths.get( card.realismTwin ).getFileName().toString() );
		final List< String > names = new ArrayList<>();
		for ( final ModelCard card : cards )
			if ( !twins.contains( card.name ) )
				names.add( card.name );
		return names;
	}

	/** Number of scalar parameters of a model's network (built on the CPU with its weights), and its partner's. */
	public static long parameterCount( final StoredModel stored )
	{
		if ( stored.partner() != null )
			return parameterCount( stored.alone() ) + parameterCount( stored.partner() );
		if ( stored.illumination() != null )
		{
			final IlluminationModels i = stored.illumination();
			final StoredModel own = new StoredModel( stored.card(), stored.weights(), stored.location() );
			return parameterCount( own ) + parameterCount( i.field() ) + ( i.gamma() == null ? 0 : parameterCount( i.gamma() ) );
		}
		try ( Model model = Model.newInstance( "count", Device.cpu(), "PyTorch" ) )
		{
			final Block block = stored.loadInto( model );
			return block.getParameters().stream().mapToLong( p -> p.getValue().getArray().size() ).sum();
		}
	}

	/**
	 * The PSF given to models that deconvolve with a known one: a defocused
	 * widefield PSF, the largest of the run-time kinds (63 x 63 px), so their
	 * context channels are timed at their dearest.
	 */
	public static final String SPEED_PSF = "widefield:3,1";

	private static final Kernel SPEED_KERNEL = PsfSpec.parse( SPEED_PSF );

	/**
	 * Loads, opens and measures one model: an untimed warm-up restoration, then one timed
	 * restoration of a {@code size x size} image with the default tiling and
	 * no self-ensemble, and one with the model's default self-ensemble when it
	 * has one. A model that needs a PSF gets {@link #SPEED_PSF}.
	 *
	 * @param nameOrFolder shipped model name or model folder
	 * @param device where the network runs
	 * @param size side of the input image in pixels
	 * @param matmulGflops the ceiling measured in the same run
	 */
	public static Row measure( final String nameOrFolder, final Device device, final int size, final double matmulGflops )
	{
		final StoredModel stored = ModelRegistry.load( nameOrFolder );
		final GeneratorArchitecture architecture = stored.architecture();
		final long parameters = parameterCount( stored );
		try ( PlaneNetwork network = stored.open( device ) )
		{
			final RestoreOptions options = network.context().needsPsf() ? RestoreOptions.defaults().withPsf( SPEED_KERNEL ) : RestoreOptions.defaults();
			// warm-up: the same restoration, untimed, so that the first model measured does not pay for the JVM's and the engine's first calls
			SpeedBenchmark.measure( network, stored.flopsPerPixel(), size, options.withEnsemble( 1 ) );
			final SpeedBenchmark.Measurement m = SpeedBenchmark.measure( network, stored.flopsPerPixel(), size, options.withEnsemble( 1 ) );
			final int ensemble = options.forModel( stored.card().ensemble, 0 ).members();
			final SpeedBenchmark.Measurement atDefault = ensemble == 1 ? m : SpeedBenchmark.measure( network, stored.flopsPerPixel(), size, options.withEnsemble( ensemble ) );
			final long bytes = stored.weightBytes();
			return new Row( nameOrFolder, stored.card().task, architecture, parameters, bytes, stored.flopsPerPixel(), stored.partner() == null ? null : stored.partner().card().name, m, matmulGflops, network.describeDevice(), ensemble, atDefault );
		}
	}

	/**
	 * Measures each model in turn.
	 *
	 * @param models shipped names or folders
	 * @param device where the networks run
	 * @param size side of the square input in pixels
	 * @param matmulGflops the ceiling measured in the same run
	 * @param log receives a line per model before it is measured
	 */
	public static List< Row > run( final List< String > models, final Device device, final int size, final double matmulGflops, final Consumer< String > log )
	{
		final List< Row > rows = new ArrayList<>();
		for ( final String name : models )
		{
			log.accept( "Measuring " + name + " on " + size + "x" + size + " ..." );
			rows.add( measure( name, device, size, matmulGflops ) );
		}
		return rows;
	}

	/** The rows as a Markdown table, one line per model. */
	public static String table( final List< Row > rows )
	{
		final StringBuilder sb = new StringBuilder();
		sb.append( "| model | task | network | parameters | weights (MB) | scale | GFLOP per input MP | time (s) | input MP/s | output MP/s | network GFLOP/s | of matmul | pixels processed per input pixel | default self-ensemble | time (s) with it | input MP/s with it |\n" );
		sb.append( "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n" );
		for ( final Row r : rows )
		{
			final SpeedBenchmark.Measurement m = r.measurement();
			sb.append( String.format( Locale.ROOT, "| `%s` | %s | %s | %s | %.2f | x%d | %.1f | %.2f | %.3f | %.3f | %.1f | %.2f | %.2f | %d | %.2f | %.3f |\n",
					r.model(), r.task(), r.architecture().kind().type() + ( r.partner() == null ? "" : " averaged with `" + r.partner() + "`" ), millions( r.parameters() ), r.weightBytes() / 1e6, r.scale(), r.gflopPerInputMegapixel(),
					m.seconds(), m.inputMegapixelsPerSecond(), m.outputMegapixelsPerSecond(), m.networkGflops(), r.ofMatmul(), m.tilingOverhead(),
					r.ensemble(), r.atDefault().seconds(), r.atDefault().inputMegapixelsPerSecond() ) );
		}
		return sb.toString();
	}

	private static String millions( final long n )
	{
		return n >= 100_000 ? String.format( Locale.ROOT, "%.2f M", n / 1e6 ) : String.format( Locale.ROOT, "%.1f k", n / 1e3 );
	}

	/**
	 * One line on the machine: CPU cores available to Java, CPU model where
	 * the OS tells it, OS and architecture, PyTorch threads, load average.
	 */
	public static String machine()
	{
		final StringBuilder sb = new StringBuilder();
		sb.append( Runtime.getRuntime().availableProcessors() ).append( " CPU cores" );
		final String cpu = cpuModel();
		if ( cpu != null )
			sb.append( " (" ).append( cpu ).append( ")" );
		sb.append( ", " ).append( System.getProperty( "os.name" ) ).append( ' ' ).append( System.getProperty( "os.arch" ) );
		final String threads = System.getProperty( "ai.djl.pytorch.num_threads" );
		sb.append( ", PyTorch threads " ).append( threads != null ? threads : "default (one per core)" );
		final double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		if ( load >= 0 )
			sb.append( String.format( Locale.ROOT, ", load average %.2f at the end of the run", load ) );
		return sb.toString();
	}

	private static String cpuModel()
	{
		try
		{
			final Path info = Paths.get( "/proc/cpuinfo" );
			if ( !Files.isReadable( info ) )
				return null;
			for ( final String line : Files.readAllLines( info, StandardCharsets.UTF_8 ) )
				if ( line.startsWith( "model name" ) && line.contains( ":" ) )
					return line.substring( line.indexOf( ':' ) + 1 ).trim();
		}
		catch ( final IOException | RuntimeException e )
		{
			// the CPU model is a nicety
		}
		return null;
	}

	/**
	 * The Markdown report: the command, the machine and the ceiling, then
	 * the table and what its columns mean.
	 *
	 * @param rows the measured models
	 * @param command the exact command line that produced them
	 */
	public static String report( final List< Row > rows, final String command )
	{
		final StringBuilder sb = new StringBuilder();
		sb.append( "# Inference speed per model\n\n" );
		sb.append( "Measured with `" ).append( command ).append( "` on " ).append( machine() );
		if ( !rows.isEmpty() )
			sb.append( "; networks run by " ).append( rows.get( 0 ).device() );
		sb.append( ".\n" );
		if ( !rows.isEmpty() )
		{
			final Row first = rows.get( 0 );
			final int size = first.measurement().size();
			final RestoreOptions o = RestoreOptions.defaults();
			sb.append( String.format( Locale.ROOT, "DJL matmul %dx%d float32 in the same run: %.1f GFLOP/s. Input: a noisy 16-bit phantom of %dx%d, default tiling (tile %d, overlap %d), one timed restoration per model after an untimed one of the same image.\n",
					SpeedBenchmark.MATMUL_SIZE, SpeedBenchmark.MATMUL_SIZE, first.matmulGflops(), size, size, o.tile(), o.overlap() ) );
		}
		sb.append( '\n' ).append( table( rows ) ).append( '\n' );
		if ( rows.stream().anyMatch( r -> r.architecture().context().needsPsf() ) )
			sb.append( String.format( Locale.ROOT, "Models that deconvolve with a known PSF are given `%s` (%d x %d px), whose Wiener context channels are computed once per plane, inside the wall time.\n\n",
					SPEED_PSF, 2 * SPEED_KERNEL.radius() + 1, 2 * SPEED_KERNEL.radius() + 1 ) );
		sb.append( "Input MP/s counts the pixels of the image given to the model, output MP/s those of the result (scale squared times more for super-resolution). "
				+ "GFLOP per input MP is the architecture's count per pixel the network reads; network GFLOP/s divides the FLOP actually done (tiles overlap, so more pixels are processed than the image has: last column) by the time inside the network, "
				+ "and 'of matmul' divides that by the matmul ceiling. Time and MP/s are wall time of the whole restoration (normalisation, tiling and blending included), "
				+ "without self-ensemble; the last three columns time a second restoration with the self-ensemble the model runs with by default (its card's, which the user can change).\n" );
		return sb.toString();
	}
}
