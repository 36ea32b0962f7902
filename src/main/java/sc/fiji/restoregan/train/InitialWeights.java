package sc.fiji.restoregan.train;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.nn.GeneratorArchitecture;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * Loads a generator's starting parameters (from another model) into a
 * freshly initialised block, and widens a model's parameters to take
 * context channels.
 */
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

	/**
	 * The parameters of a model of architecture {@code from} rewritten for
	 * {@code to}, the same architecture with more input channels (context
	 * channels added): every parameter is copied, and the first convolution's
	 * weights for the new channels are zero, so the widened network computes
	 * exactly what the original did until training teaches it to use them.
	 *
	 * @throws RestoreException when the two differ otherwise
	 */
	public static byte[] widen( final byte[] parameters, final GeneratorArchitecture from, final GeneratorArchitecture to )
	{
		try ( NDManager manager = NDManager.newBaseManager( Device.cpu(), "PyTorch" ) )
		{
			final Block source = from.newBlock(), target = to.newBlock();
			final int side = 2 * Math.max( from.blockSize(), to.blockSize() );
			source.initialize( manager, DataType.FLOAT32, new Shape( 1, from.inChannels(), side, side ) );
			target.initialize( manager, DataType.FLOAT32, new Shape( 1, to.inChannels(), side, side ) );
			load( source, parameters, manager );
			final List< Parameter > a = source.getParameters().values(), b = target.getParameters().values();
			if ( a.size() != b.size() )
				throw new RestoreException( "Cannot widen " + from + " to " + to + ": they have different layers." );
			boolean widened = false;
			for ( int i = 0; i < a.size(); i++ )
			{
				final NDArray src = a.get( i ).getArray(), dst = b.get( i ).getArray();
				if ( src.getShape().equals( dst.getShape() ) )
					dst.set( src.toFloatArray() );
				else if ( !widened && widensInput( src.getShape(), dst.getShape() ) )
				{
					dst.set( padInputChannels( src.toFloatArray(), src.getShape(), dst.getShape() ) );
					widened = true;
				}
				else
					throw new RestoreException( "Cannot widen " + from + " to " + to + ": parameter " + b.get( i ).getName() + " has shape " + dst.getShape() + ", not " + src.getShape() + "." );
			}
			return ModelStore.parameters( target );
		}
	}

	/** Whether a convolution weight {@code b} is {@code a} with more input channels. */
	private static boolean widensInput( final Shape a, final Shape b )
	{
		if ( a.dimension() != 4 || b.dimension() != 4 || a.get( 0 ) != b.get( 0 ) || a.get( 2 ) != b.get( 2 ) || a.get( 3 ) != b.get( 3 ) )
			return false;
		return b.get( 1 ) > a.get( 1 );
	}

	/** An (O, I, k, k) weight as (O, I', k, k) with zeros for the new input channels. */
	private static float[] padInputChannels( final float[] w, final Shape from, final Shape to )
	{
		final int out = ( int ) from.get( 0 ), in = ( int ) from.get( 1 ), wider = ( int ) to.get( 1 ), k = ( int ) ( from.get( 2 ) * from.get( 3 ) );
		final float[] padded = new float[ out * wider * k ];
		for ( int o = 0; o < out; o++ )
			System.arraycopy( w, o * in * k, padded, o * wider * k, in * k );
		return padded;
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
