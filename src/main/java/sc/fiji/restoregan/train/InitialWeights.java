package sc.fiji.restoregan.train;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

import sc.fiji.restoregan.pipeline.RestoreException;

/** Loads a generator's starting parameters (from another model) into a freshly initialised block. */
public final class InitialWeights
{
	private InitialWeights()
	{}

	private static List< Shape > shapes( final Block block )
	{
		final List< Shape > shapes = new ArrayList<>();
		block.getParameters().forEach( p -> shapes.add( p.getValue().getArray().getShape() ) );
		return shapes;
	}

	/** Loads {@code parameters} into {@code block}; does nothing when they are null. */
	public static void load( final Block block, final byte[] parameters, final NDManager manager )
	{
		if ( parameters == null )
			return;
		final List< Shape > before = shapes( block );
		try
		{
			block.loadParameters( manager, new DataInputStream( new ByteArrayInputStream( parameters ) ) );
		}
		catch ( final IOException | MalformedModelException | RuntimeException e )
		{
			throw new RestoreException( "The starting model does not fit this architecture: " + e.getMessage(), e );
		}
		// DJL replaces the arrays without comparing shapes
		if ( !before.equals( shapes( block ) ) )
			throw new RestoreException( "The starting model does not fit this architecture: parameter shapes " + shapes( block ) + " instead of " + before );
	}
}
