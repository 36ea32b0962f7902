package sc.fiji.restoregan.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/** Reductions of a discriminator's score maps. */
public final class Scores
{
	private Scores()
	{}

	/**
	 * One score per sample: each head's map averaged over its positions, then
	 * the heads averaged; shape (N).
	 */
	public static NDArray perSample( final NDList maps )
	{
		final NDList means = new NDList();
		for ( final NDArray m : maps )
			means.add( m.reshape( m.getShape().get( 0 ), -1 ).mean( new int[] { 1 } ) );
		return means.size() == 1 ? means.get( 0 ) : NDArrays.stack( means ).mean( new int[] { 0 } );
	}

	/**
	 * An objective applied to each head's real and fake maps, averaged over
	 * the heads (DeblurGAN-v2: (patch + full) / 2).
	 *
	 * @param discriminator true for the discriminator's loss, false for the generator's
	 */
	public static NDArray perHead( final AdversarialLoss loss, final NDList real, final NDList fake, final boolean discriminator )
	{
		final NDList terms = new NDList();
		for ( int k = 0; k < fake.size(); k++ )
			terms.add( discriminator ? loss.discriminatorLoss( real.get( k ), fake.get( k ) ) : loss.generatorLoss( real.get( k ), fake.get( k ) ) );
		return terms.size() == 1 ? terms.get( 0 ) : NDArrays.stack( terms ).mean();
	}
}
