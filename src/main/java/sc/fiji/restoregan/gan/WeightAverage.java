package sc.fiji.restoregan.gan;

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
 * An exponential moving average of a network's weights (the "EMA generator"
 * of ProGAN, BigGAN and WGAN-QC): after each update,
 * avg = decay avg + (1 − decay) w. Saved with the checkpoint.
 */
public final class WeightAverage
{
	private final NDManager manager;

	private final double decay;

	private final Map< String, NDArray > average = new LinkedHashMap<>();

	/**
	 * @param manager owns the averages
	 * @param decay weight of the past (0.999)
	 */
	public WeightAverage( final NDManager manager, final double decay )
	{
		this.manager = manager;
		this.decay = decay;
	}

	/** Folds the current weights into the average (the first call copies them). */
	public void update( final ParameterList parameters )
	{
		for ( final Pair< String, Parameter > p : parameters )
		{
			final NDArray w = p.getValue().getArray();
			final NDArray a = average.get( p.getKey() );
			try ( NDArray detached = w.stopGradient() )
			{
				if ( a == null )
				{
					final NDArray copy = detached.duplicate();
					copy.attach( manager );
					average.put( p.getKey(), copy );
				}
				else
					try ( NDArray part = detached.mul( 1 - decay ) )
					{
						a.muli( decay ).addi( part );
					}
			}
		}
	}

	/**
	 * Exchanges the weights and the averages in place; calling it twice
	 * restores both. Used to export the averaged network.
	 */
	public void swap( final ParameterList parameters )
	{
		for ( final Pair< String, Parameter > p : parameters )
		{
			final NDArray a = average.get( p.getKey() );
			if ( a == null )
				continue;
			final NDArray w = p.getValue().getArray();
			try ( NDArray detached = w.stopGradient(); NDArray old = detached.duplicate() )
			{
				w.subi( old ).addi( a );
				a.subi( a ).addi( old );
			}
		}
	}

	/** Writes the averages. */
	public void save( final DataOutputStream out ) throws IOException
	{
		out.writeInt( average.size() );
		for ( final Map.Entry< String, NDArray > e : average.entrySet() )
		{
			out.writeUTF( e.getKey() );
			final byte[] bytes = e.getValue().encode();
			out.writeInt( bytes.length );
			out.write( bytes );
		}
	}

	/** Reads what {@link #save} wrote, replacing the current averages. */
	public void load( final DataInputStream in ) throws IOException
	{
		average.clear();
		final int n = in.readInt();
		for ( int i = 0; i < n; i++ )
		{
			final String key = in.readUTF();
			final byte[] bytes = new byte[ in.readInt() ];
			in.readFully( bytes );
			average.put( key, NDArray.decode( manager, bytes ) );
		}
	}
}
