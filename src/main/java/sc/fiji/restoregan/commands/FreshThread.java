package sc.fiji.restoregan.commands;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Runs training on a new thread and waits for it, with libtorch's gradient
 * mode switched off first. libtorch keeps that mode per thread, on by
 * default; the trainers turn it on only inside a gradient collector and
 * expect it off around their in-place Adam updates, which otherwise fail
 * ("a leaf Variable that requires grad is being used in an in-place
 * operation"). Threads made here start in the state the trainers expect.
 */
final class FreshThread
{
	/** A new daemon thread for training that switches the gradient mode off before {@code task}. */
	static Thread training( final Runnable task )
	{
		final Thread t = new Thread( () -> {
			gradientsOff();
			task.run();
		}, "RestoreGAN training" );
		t.setDaemon( true );
		return t;
	}

	private static void gradientsOff()
	{
		Engine.getEngine( "PyTorch" ); // NB: loads the native library first
		JniUtils.setGradMode( false );
	}

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
				gradientsOff();
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
