package sc.fiji.restoregan.train;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;

import sc.fiji.restoregan.pipeline.RestoreException;

/** Loads a generator's starting parameters (from another model) into a freshly initialised block. */
public final class InitialWeights
{
	private InitialWeights()
	{}

	/** Loads {@code parameters} into {@code block}; does nothing when they are null. */
	public static void load( final Block block, final byte[] parameters, final NDManager manager )
	{
		if ( parameters == null )
			return;
		try
		{
			block.loadParameters( manager, new DataInputStream( new ByteArrayInputStream( parameters ) ) );
		}
		catch ( final IOException | MalformedModelException e )
		{
			throw new RestoreException( "The starting model does not fit this architecture: " + e.getMessage(), e );
		}
	}
}
