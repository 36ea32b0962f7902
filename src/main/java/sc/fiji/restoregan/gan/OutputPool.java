package sc.fiji.restoregan.gan;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/**
 * DeblurGAN-v2's variant of the relativistic objectives
 * ({@code RelativisticDiscLossLS} with two {@code ImagePool(50)}s): the means
 * m_r and m_f that real and fake outputs are compared with are taken over a
 * pool of the discriminator's past outputs rather than over the current
 * batch, and are constants (no gradient flows through them). Each
 * discriminator update first adds its per-sample outputs (first in, first
 * out, at most {@code capacity}), then uses the pool's means; the generator
 * update uses the pool as the last discriminator update left it. A pooled
 * map enters through its mean, which gives the same pool mean as
 * DeblurGAN-v2's mean over the concatenated maps since all maps have one
 * size. One pool per head (DeblurGAN-v2 shares one criterion, and so one
 * pool, between its two heads). Saved with the checkpoint.
 */
public final class OutputPool
{
	private final int capacity;

	private final List< Deque< Double > > real = new ArrayList<>(), fake = new ArrayList<>();

	/** @param capacity per-sample outputs kept for each of real and fake (DeblurGAN-v2: 50) */
	public OutputPool( final int capacity )
	{
		if ( capacity < 1 )
			throw new IllegalArgumentException( "The output pool needs a capacity of at least 1" );
		this.capacity = capacity;
	}

	/**
	 * The discriminator's loss, averaged over heads, after adding this batch's
	 * outputs to the pools.
	 *
	 * @param real one score map per head for the real images
	 * @param fake one score map per head for the generated images
	 */
	public NDArray discriminatorLoss( final RelativisticObjective loss, final NDList real, final NDList fake )
	{
		final NDList terms = new NDList();
		for ( int k = 0; k < fake.size(); k++ )
		{
			add( pool( this.real, k ), real.get( k ) );
			add( pool( this.fake, k ), fake.get( k ) );
			terms.add( loss.discriminatorLoss( real.get( k ), fake.get( k ), mean( this.real, k, real.get( k ) ), mean( this.fake, k, fake.get( k ) ) ) );
		}
		return terms.size() == 1 ? terms.get( 0 ) : NDArrays.stack( terms ).mean();
	}

	/** The generator's loss, averaged over heads, with the pools' means (the batch's while they are empty). */
	public NDArray generatorLoss( final RelativisticObjective loss, final NDList real, final NDList fake )
	{
		final NDList terms = new NDList();
		for ( int k = 0; k < fake.size(); k++ )
			terms.add( loss.generatorLoss( real.get( k ), fake.get( k ), mean( this.real, k, real.get( k ) ), mean( this.fake, k, fake.get( k ) ) ) );
		return terms.size() == 1 ? terms.get( 0 ) : NDArrays.stack( terms ).mean();
	}

	/** The number of outputs pooled for head {@code k}'s real images. */
	public int size( final int k )
	{
		return k < real.size() ? real.get( k ).size() : 0;
	}

	private static Deque< Double > pool( final List< Deque< Double > > pools, final int k )
	{
		while ( pools.size() <= k )
			pools.add( new ArrayDeque<>() );
		return pools.get( k );
	}

	private void add( final Deque< Double > pool, final NDArray maps )
	{
		for ( final float m : Scores.perSample( new NDList( maps ) ).toFloatArray() )
		{
			if ( pool.size() == capacity )
				pool.removeFirst();
			pool.addLast( ( double ) m );
		}
	}

	/** The pool's mean as a constant scalar of the maps' type, or the batch's (detached) when the pool is empty. */
	private static NDArray mean( final List< Deque< Double > > pools, final int k, final NDArray maps )
	{
		if ( k >= pools.size() || pools.get( k ).isEmpty() )
			return maps.mean().stopGradient();
		final double m = pools.get( k ).stream().mapToDouble( Double::doubleValue ).average().orElseThrow();
		return maps.getManager().create( m ).toType( maps.getDataType(), false );
	}

	/** Writes the pooled outputs. */
	public void save( final DataOutputStream out ) throws IOException
	{
		for ( final List< Deque< Double > > pools : List.of( real, fake ) )
		{
			out.writeInt( pools.size() );
			for ( final Deque< Double > pool : pools )
			{
				out.writeInt( pool.size() );
				for ( final double v : pool )
					out.writeDouble( v );
			}
		}
	}

	/** Reads what {@link #save} wrote, replacing the pooled outputs. */
	public void load( final DataInputStream in ) throws IOException
	{
		for ( final List< Deque< Double > > pools : List.of( real, fake ) )
		{
			pools.clear();
			final int heads = in.readInt();
			for ( int k = 0; k < heads; k++ )
			{
				final Deque< Double > pool = new ArrayDeque<>();
				final int n = in.readInt();
				for ( int i = 0; i < n; i++ )
					pool.addLast( in.readDouble() );
				pools.add( pool );
			}
		}
	}
}
