package sc.fiji.restoregan.pipeline;

/**
 * A problem the user can act on (bad input, missing model, no GPU), with a
 * message meant to be shown as is, without a stack trace.
 */
public class RestoreException extends RuntimeException
{
	private static final long serialVersionUID = 1L;

	/** @param message one clear sentence saying what is wrong and what to do */
	public RestoreException( final String message )
	{
		super( message );
	}

	/**
	 * @param message one clear sentence saying what is wrong and what to do
	 * @param cause the underlying error, for logs and {@code --verbose}
	 */
	public RestoreException( final String message, final Throwable cause )
	{
		super( message, cause );
	}
}
