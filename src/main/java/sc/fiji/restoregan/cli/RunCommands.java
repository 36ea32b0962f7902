package sc.fiji.restoregan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import sc.fiji.restoregan.model.IlluminatedShipping;

/**
 * The training commands run on a run folder, one per line in
 * {@value IlluminatedShipping#COMMANDS_FILE}, so that the card of the model
 * it exports can record all of them (the schedule depends on the steps
 * given, so a resumed run needs every command).
 */
final class RunCommands
{
	private RunCommands()
	{}

	/** Appends the command being run to the run folder's list. */
	static void record( final Path run ) throws IOException
	{
		Files.createDirectories( run );
		Files.writeString( run.resolve( IlluminatedShipping.COMMANDS_FILE ), "java -jar target/restoregan.jar " + String.join( " ", Main.lastArgs() ) + "\n", StandardOpenOption.CREATE,
				StandardOpenOption.APPEND );
	}

	/** The commands recorded in the run folder, or null when it has none. */
	static List< String > read( final Path run ) throws IOException
	{
		final Path file = run.resolve( IlluminatedShipping.COMMANDS_FILE );
		return Files.exists( file ) ? Files.readAllLines( file ).stream().filter( l -> !l.isBlank() ).toList() : null;
	}
}
