package sc.fiji.restoregan.cli;

import java.io.PrintStream;

import sc.fiji.restoregan.sisr.TrainingSession;

/** A training session that prints its status line on a console at most every 5% of the updates. */
final class ConsoleTraining
{
	private ConsoleTraining()
	{}

	static TrainingSession session( final PrintStream out )
	{
		final TrainingSession session = new TrainingSession( out::println );
		final long[] last = { -1 };
		session.addListener( () -> {
			final long total = session.total();
			if ( total <= 0 )
				return;
			final long bucket = 20 * session.done() / total;
			if ( bucket != last[ 0 ] )
			{
				last[ 0 ] = bucket;
				out.println( session.statusLine() );
			}
		} );
		return session;
	}
}
