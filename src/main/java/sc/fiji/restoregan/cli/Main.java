package sc.fiji.restoregan.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * The {@code restoregan} command-line tool: {@code restore}, {@code models},
 * {@code demo}, {@code bench}, {@code quality}, {@code metrics},
 * {@code degrade}, {@code simulate}, {@code pairs}, {@code train}, {@code sisr}, {@code compare},
 * {@code figure}. Errors print one line and exit
 * non-zero; {@code --verbose} adds the stack trace.
 */
@Command( name = "restoregan", mixinStandardHelpOptions = true, version = "RestoreGAN 0.1.0",
		description = "Restore microscopy images with GAN-trained generators (DJL, PyTorch).",
		subcommands = { RestoreCommand.class, ModelsCommand.class, DemoCommand.class, BenchCommand.class, QualityCommand.class, MetricsCommand.class,
				DegradeCommand.class, SimulateCommand.class, PairsCommand.class, TrainCommand.class, SisrCommand.class, CompareCommand.class,
				FigureCommand.class, ShipCommand.class, IlluminationCommand.class } )
public final class Main
{
	private static List< String > args = List.of();

	private Main()
	{}

	/**
	 * The arguments of this invocation, for recording in model cards and
	 * reports, each quoted for a POSIX shell where it holds characters the
	 * shell would interpret (such as {@code *} in {@code --content
	 * affine-l1+0.1*l1}), so a recorded command runs as it was given.
	 */
	static List< String > lastArgs()
	{
		return args.stream().map( Main::shellQuoted ).toList();
	}

	/** {@code arg} as a shell word: unchanged when safe, otherwise in single quotes. */
	static String shellQuoted( final String arg )
	{
		if ( !arg.isEmpty() && arg.matches( "[A-Za-z0-9_./,:=@%+-]+" ) )
			return arg;
		return "'" + arg.replace( "'", "'\\''" ) + "'";
	}

	/** Runs the tool and exits with its status. */
	public static void main( final String[] argv )
	{
		// a command-line tool: ImageJ must never try to open a window
		System.setProperty( "java.awt.headless", "true" );
		quietLogging();
		System.exit( run( argv ) );
	}

	/**
	 * DJL logs through SLF4J, which has no binding outside Fiji and then
	 * prints a three-line warning on first use; the command line has no use
	 * for either, so the warning is swallowed once here.
	 */
	private static void quietLogging()
	{
		final PrintStream err = System.err;
		try
		{
			System.setErr( new PrintStream( OutputStream.nullOutputStream() ) );
			org.slf4j.LoggerFactory.getILoggerFactory();
		}
		finally
		{
			System.setErr( err );
		}
	}

	/** Runs the tool and returns its exit status (0 on success). */
	public static int run( final String... argv )
	{
		args = List.of( argv );
		final boolean verbose = args.contains( "--verbose" );
		final String[] rest = args.stream().filter( a -> !a.equals( "--verbose" ) ).toArray( String[]::new );
		final CommandLine cli = new CommandLine( new Main() );
		cli.setExecutionExceptionHandler( ( e, cmd, parsed ) -> {
			final PrintWriter err = cmd.getErr();
			if ( verbose )
				e.printStackTrace( err );
			err.println( "error: " + message( e ) );
			err.flush();
			return e instanceof RestoreException ? 2 : 1;
		} );
		return cli.execute( rest );
	}

	private static String message( final Throwable e )
	{
		if ( e instanceof RestoreException )
			return e.getMessage();
		final String m = e.getMessage();
		return e.getClass().getSimpleName() + ( m == null ? "" : ": " + m ) + " (run with --verbose for details)";
	}
}
