package sc.fiji.restoregan.pipeline;

/**
 * Where long-running work reports how far it got and learns whether to stop.
 * Implementations forward to a StatusService, a console or a window.
 */
public interface Progress
{
	/** Progress that reports nothing and never cancels. */
	Progress NONE = new Progress()
	{
		@Override
		public void update( final long done, final long total, final String message )
		{}

		@Override
		public boolean isCancelled()
		{
			return false;
		}
	};

	/**
	 * @param done units of work finished
	 * @param total units of work in all
	 * @param message what is being done, for a status bar
	 */
	void update( long done, long total, String message );

	/** Whether the user asked to stop. */
	boolean isCancelled();

	/** Throws {@link CancelledException} if the user asked to stop. */
	default void checkCancelled()
	{
		if ( isCancelled() )
			throw new CancelledException();
	}
}
