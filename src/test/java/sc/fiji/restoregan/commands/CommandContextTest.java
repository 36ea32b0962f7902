package sc.fiji.restoregan.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

/** A small SciJava context (commands, status, log) around each test, disposed after it. */
abstract class CommandContextTest
{
	protected Context context;

	protected CommandService commands;

	@BeforeEach
	void createContext()
	{
		context = new Context( CommandService.class, StatusService.class, LogService.class );
		commands = context.service( CommandService.class );
	}

	@AfterEach
	void disposeContext()
	{
		context.dispose();
	}

	/** The command is discovered under {@code path} (">"-separated) and can run headless. */
	protected void assertMenuPath( final Class< ? > type, final String path )
	{
		final CommandInfo info = commands.getCommand( type.getName() );
		assertNotNull( info, type.getSimpleName() + " discovered" );
		assertEquals( path, info.getMenuPath().getMenuString().replace( " > ", ">" ) );
		assertTrue( info.canRunHeadless() );
	}
}
