package sc.fiji.restoregan.train;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.nn.GeneratorArchitecture;
import sc.fiji.restoregan.nn.UNetConfig;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * Loads a generator's starting parameters (from another model) into a
 * freshly initialised block, widens a model's parameters to take
 * context channels, and deepens a U-Net's.
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
			final Block source = from.newInitializedBlock( manager ), target = to.newInitializedBlock( manager );
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

	/**
	 * The parameters of a U-Net of architecture {@code from} rewritten for
	 * {@code to}, the same U-Net with more poolings, so that the deeper
	 * network computes exactly what the shallower one did and training can
	 * then use the larger receptive field (function-preserving growth, as
	 * Net2Net's "deeper" operator). For each added level: the old bottom
	 * becomes the new deepest encoder (they have the same shapes), the new
	 * bottom starts He-normal from a fixed seed, and the new deepest decoder
	 * starts as the identity on its skip connection (centre taps of 1, zero
	 * weights on the upsampled bottom, zero biases; the skip is a ReLU output,
	 * so the decoder's ReLUs pass it unchanged). Every other parameter is
	 * copied by name.
	 *
	 * @throws RestoreException when {@link #deepens} does not hold
	 */
	public static byte[] deepen( final byte[] parameters, final UNetConfig from, final UNetConfig to )
	{
		if ( !deepens( from, to ) )
			throw new RestoreException( "Cannot deepen " + from + " to " + to + ": only the depth may grow, of a U-Net without residual blocks (a new level starts as the identity only without them)." );
		byte[] p = parameters;
		for ( int d = from.depth; d < to.depth; d++ )
			p = deepenByOne( p, from.withDepth( d ), from.withDepth( d + 1 ) );
		return p;
	}

	/**
	 * Whether {@link #deepen} grows {@code from} into {@code to}: {@code to}
	 * is {@code from} with a greater depth, and {@code from} has no residual
	 * blocks.
	 */
	public static boolean deepens( final UNetConfig from, final UNetConfig to )
	{
		return to.depth > from.depth && from.residualBlocksPerLevel() == 0 && ModelCard.sameArchitecture( from.withDepth( to.depth ), to );
	}

	private static byte[] deepenByOne( final byte[] parameters, final UNetConfig from, final UNetConfig to )
	{
		try ( NDManager manager = NDManager.newBaseManager( Device.cpu(), "PyTorch" ) )
		{
			final Block source = from.newInitializedBlock( manager ), target = to.newInitializedBlock( manager );
			load( source, parameters, manager );
			final Map< String, Parameter > old = new HashMap<>();
			source.getParameters().forEach( p -> old.put( withoutChildIndex( p.getKey() ), p.getValue() ) );
			final Random random = new Random( 1 + from.depth ); // the same growth, whatever the engine's seed
			final String newEncoder = "enc" + from.depth + "_", newDecoder = "dec" + from.depth + "_", bottom = "bottom_";
			for ( final Pair< String, Parameter > p : target.getParameters() )
			{
				final String name = withoutChildIndex( p.getKey() );
				final NDArray dst = p.getValue().getArray();
				if ( name.startsWith( bottom ) )
					dst.set( heNormal( dst.getShape(), random ) ); // unused until the decoder learns to read it
				else if ( name.startsWith( newDecoder ) )
					dst.set( identityOnSkip( dst.getShape() ) );
				else
				{
					final Parameter src = old.get( name.startsWith( newEncoder ) ? bottom + name.substring( newEncoder.length() ) : name );
					if ( src == null || !src.getArray().getShape().equals( dst.getShape() ) )
						throw new RestoreException( "Cannot deepen " + from + " to " + to + ": no parameter of shape " + dst.getShape() + " for " + name + "." );
					dst.set( src.getArray().toFloatArray() );
				}
			}
			return ModelStore.parameters( target );
		}
	}

	/**
	 * A parameter's name without the index DJL puts before each child block's
	 * name ("03bottom_01Conv2d_weight" is "bottom_01Conv2d_weight"), which
	 * shifts when levels are added.
	 */
	private static String withoutChildIndex( final String name )
	{
		return name.replaceFirst( "^[0-9]+", "" );
	}

	/** A convolution weight of He-normal values (as {@code ResidualUNet} starts with), or a bias of zeros. */
	private static float[] heNormal( final Shape shape, final Random random )
	{
		final float[] w = new float[ ( int ) shape.size() ];
		if ( shape.dimension() != 4 )
			return w;
		final double sd = Math.sqrt( 2.0 / ( shape.get( 1 ) * shape.get( 2 ) * shape.get( 3 ) ) );
		for ( int i = 0; i < w.length; i++ )
			w[ i ] = ( float ) ( sd * random.nextGaussian() );
		return w;
	}

	/**
	 * A convolution weight (O, I, k, k) that copies the last O of its I input
	 * channels (the skip connection) to its O outputs, or a bias (O) of zeros.
	 */
	private static float[] identityOnSkip( final Shape shape )
	{
		final float[] w = new float[ ( int ) shape.size() ];
		if ( shape.dimension() != 4 )
			return w;
		final int out = ( int ) shape.get( 0 ), in = ( int ) shape.get( 1 ), kh = ( int ) shape.get( 2 ), kw = ( int ) shape.get( 3 );
		final int centre = ( kh / 2 ) * kw + kw / 2;
		for ( int o = 0; o < out; o++ )
			w[ ( o * in + in - out + o ) * kh * kw + centre ] = 1;
		return w;
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
