package sc.fiji.restoregan.commands;

import java.util.function.BooleanSupplier;

import org.scijava.app.StatusService;

import sc.fiji.restoregan.pipeline.Progress;

/**
 * Progress shown in Fiji's status bar; cancelled when the command is
 * cancelled, the thread is interrupted, or the user presses Esc (ImageJ's
 * usual way to stop a running operation).
 */
final class StatusProgress implements Progress
{
	private final StatusService status;

	private final BooleanSupplier cancelled;

	StatusProgress( final StatusService status, final BooleanSupplier cancelled )
	{
		this.status = status;
		this.cancelled = cancelled;
		ij.IJ.resetEscape();
	}

	@Override
	public void update( final long done, final long total, final String message )
	{
		if ( status == null )
			return;
		status.showStatus( ( int ) Math.min( Integer.MAX_VALUE, done ), ( int ) Math.min( Integer.MAX_VALUE, total ), message );
	}

	@Override
	public boolean isCancelled()
	{
		return cancelled.getAsBoolean() || Thread.currentThread().isInterrupted() || ij.IJ.escapePressed();
	}
}
