package sc.fiji.restoregan.pipeline;

/** Thrown when the user cancelled a running restoration or training. */
public class CancelledException extends RestoreException
{
	private static final long serialVersionUID = 1L;

	/** A cancellation with the standard message. */
	public CancelledException()
	{
		super( "Cancelled by the user." );
	}
}
