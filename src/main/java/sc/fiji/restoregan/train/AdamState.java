package sc.fiji.restoregan.train;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.util.Pair;

/**
 * Adam (Kingma and Ba) whose moment estimates can be saved and restored, so
 * training resumed from a checkpoint continues exactly. DJL's own optimizers
 * keep their state private; this one keeps it in a map it can serialise.
 */
public final class AdamState
{
	private final double beta1, beta2, epsilon;

	private final Map< String, NDArray > first = new LinkedHashMap<>();

	private final Map< String, NDArray > second = new LinkedHashMap<>();

	private long updates;

	private final NDManager manager;

	/**
	 * @param manager owns the moment arrays
	 * @param beta1 first-moment decay (0.9)
	 * @param beta2 second-moment decay (0.999)
	 * @param epsilon added to the denominator (1e-8)
	 */
	public AdamState( final NDManager manager, final double beta1, final double beta2, final double epsilon )
	{
		this.manager = manager;
		this.beta1 = beta1;
		this.beta2 = beta2;
		this.epsilon = epsilon;
	}

	/** Number of updates applied so far. */
	public long updates()
	{
		return updates;
	}

	/**
	 * Applies one Adam update with learning rate {@code lr} to every
	 * parameter that has a gradient, then zeroes the gradients.
	 */
	public void step( final ParameterList parameters, final double lr )
	{
		updates++;
		final double c1 = 1 - Math.pow( beta1, updates ), c2 = 1 - Math.pow( beta2, updates );
		final double stepSize = lr * Math.sqrt( c2 ) / c1;
		for ( final Pair< String, Parameter > p : parameters )
		{
			final NDArray w = p.getValue().getArray();
			if ( !w.hasGradient() )
				continue;
			try ( NDArray g = w.getGradient() ) // a new handle on the gradient each call
			{
				final NDArray m = first.computeIfAbsent( p.getKey(), k -> manager.zeros( w.getShape() ) );
				final NDArray v = second.computeIfAbsent( p.getKey(), k -> manager.zeros( w.getShape() ) );
				// every temporary is closed here: they live on the parameters' manager, which lasts the whole run
				try ( NDArray scaledGradient = g.mul( 1 - beta1 ); NDArray squaredGradient = g.square().muli( 1 - beta2 ) )
				{
					m.muli( beta1 ).addi( scaledGradient );
					v.muli( beta2 ).addi( squaredGradient );
				}
				try ( NDArray denom = v.sqrt().addi( epsilon * Math.sqrt( c2 ) ); NDArray update = m.div( denom ).muli( stepSize ) )
				{
					w.subi( update );
				}
				g.subi( g );
			}
		}
	}

	/** Writes the update count and all moments. */
	public void save( final DataOutputStream out ) throws IOException
	{
		out.writeLong( updates );
		out.writeInt( first.size() );
		for ( final String key : first.keySet() )
		{
			out.writeUTF( key );
			writeArray( out, first.get( key ) );
			writeArray( out, second.get( key ) );
		}
	}

	/** Reads what {@link #save} wrote, replacing the current state. */
	public void load( final DataInputStream in ) throws IOException
	{
		updates = in.readLong();
		final int n = in.readInt();
		first.clear();
		second.clear();
		for ( int i = 0; i < n; i++ )
		{
			final String key = in.readUTF();
			first.put( key, readArray( in ) );
			second.put( key, readArray( in ) );
		}
	}

	private static void writeArray( final DataOutputStream out, final NDArray a ) throws IOException
	{
		final byte[] bytes = a.encode();
		out.writeInt( bytes.length );
		out.write( bytes );
	}

	private NDArray readArray( final DataInputStream in ) throws IOException
	{
		final byte[] bytes = new byte[ in.readInt() ];
		in.readFully( bytes );
		return NDArray.decode( manager, bytes );
	}
}
