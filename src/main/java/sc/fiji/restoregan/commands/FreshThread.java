package sc.fiji.restoregan.commands;

/**
 * Runs training on a new thread and waits for it. libtorch keeps its
 * gradient mode per thread, and a trainer that ran earlier on a pooled
 * command thread (a GAN, say) can leave it on, which makes the next
 * trainer's in-place Adam update fail ("a leaf Variable that requires grad
 * is being used in an in-place operation"). A new thread starts clean.
 */
final class FreshThread
{
	private FreshThread()
	{}

	/**
	 * Runs {@code task} on a new thread and rethrows what it threw.
	 *
	 * @param onInterrupt called if this thread is interrupted while waiting (the task is still awaited)
	 */
	static void run( final Runnable task, final Runnable onInterrupt )
	{
		final RuntimeException[] failure = { null };
		final Error[] error = { null };
		final Thread t = new Thread( () -> {
			try
			{
				task.run();
			}
			catch ( final RuntimeException e )
			{
				failure[ 0 ] = e;
			}
			catch ( final Error e )
			{
				error[ 0 ] = e;
			}
		}, "RestoreGAN training" );
		t.start();
		boolean interrupted = false;
		while ( t.isAlive() )
			try
			{
				t.join();
			}
			catch ( final InterruptedException e )
			{
				interrupted = true;
				onInterrupt.run();
			}
		if ( interrupted )
			Thread.currentThread().interrupt();
		if ( error[ 0 ] != null )
			throw error[ 0 ];
		if ( failure[ 0 ] != null )
			throw failure[ 0 ];
	}
}
