package sc.fiji.restoregan.model;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as lower-case hex. */
public final class Checksums
{
	private Checksums()
	{}

	/** The SHA-256 of {@code bytes}, lower-case hex. */
	public static String sha256( final byte[] bytes )
	{
		try
		{
			return HexFormat.of().formatHex( MessageDigest.getInstance( "SHA-256" ).digest( bytes ) );
		}
		catch ( final NoSuchAlgorithmException e )
		{
			throw new IllegalStateException( "SHA-256 is missing from this JVM", e );
		}
	}
}
