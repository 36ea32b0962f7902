package sc.fiji.restoregan.cli;

import java.io.PrintStream;

import sc.fiji.restoregan.pipeline.Progress;

/** Progress as a percentage on stderr, at most once per 5%; never cancels. */
final class ConsoleProgress implements Progress
{
	private final PrintStream out;

	private long lastPercent = -5;

	ConsoleProgress( final PrintStream out )
	{
		this.out = out;
	}

	@Override
	public void update( final long done, final long total, final String message )
	{
		final long percent = total == 0 ? 100 : 100 * done / total;
		if ( percent >= lastPercent + 5 || done == total )
		{
			out.println( percent + "%  " + message );
			lastPercent = percent;
		}
	}

	@Override
	public boolean isCancelled()
	{
		return false;
	}
}
