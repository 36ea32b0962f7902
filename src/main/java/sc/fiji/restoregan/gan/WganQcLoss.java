package sc.fiji.restoregan.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * WGAN-QC (Liu et al., {@code wgan_qc_resnet2.py}): per batch the discrete
 * optimal transport between real and generated images under the cost
 * c_ij = K ½‖x_i − y_j‖² (K = 1 / dimension) is solved exactly
 * ({@link QuadraticTransport}); the critic is regressed onto the dual
 * potentials, ½ (mean D(real) − mean φ)² + ½ mean_j (D(y_j) − ψ_j)², plus
 * the optimal-transport regulariser
 * 4√K γ · ½ mean_j (‖∇D(y_j)‖ / (2√K) − √K / 2 ‖x_σ(j) − y_j‖)² on the
 * matching σ, whose input gradient needs double backpropagation. The
 * generator's loss is −mean D(fake), as in {@link WassersteinLoss}.
 */
public final class WganQcLoss
{
	private final double gamma;

	/** @param gamma weight γ of the transport regulariser (0.1 in the paper; 0 switches it off) */
	public WganQcLoss( final double gamma )
	{
		this.gamma = gamma;
	}

	/**
	 * The critic's loss for one batch, computed inside the current gradient
	 * collector (the critic's parameter gradients are zeroed when the
	 * regulariser is on, so call this before anything else accumulates).
	 *
	 * @param critic the discriminator, returning one or more score maps
	 * @param store its parameter store
	 * @param real real images (N, C, H, W)
	 * @param fake generated images, detached, same shape
	 */
	public NDArray discriminatorLoss( final Block critic, final ParameterStore store, final NDArray real, final NDArray fake )
	{
		final int n = ( int ) real.getShape().get( 0 );
		final float[] realValues = real.toFloatArray(), fakeValues = fake.toFloatArray();
		final QuadraticTransport.Plan plan = QuadraticTransport.solve( QuadraticTransport.quadraticCost( realValues, fakeValues, n ) );
		final NDArray phi = real.getManager().create( plan.real() ).toType( real.getDataType(), false );
		final NDArray psi = real.getManager().create( plan.fake() ).toType( real.getDataType(), false );
		final NDArray leaf = fake.stopGradient();
		if ( gamma > 0 )
			leaf.setRequiresGradient( true );
		final NDList fakeMaps = critic.forward( store, new NDList( leaf ), true );
		final NDArray fakeScores = Scores.perSample( fakeMaps );
		NDArray regulariser = null;
		if ( gamma > 0 )
			regulariser = regulariser( critic, store, real, leaf, fakeMaps, plan.match(), realValues.length / n );
		final NDArray realScores = Scores.perSample( critic.forward( store, new NDList( real ), true ) );
		final NDArray regression = Logits.average( realScores.mean().sub( phi.mean() ).square(), fakeScores.sub( psi ).square().mean() );
		return regulariser == null ? regression : regression.add( regulariser );
	}

	private NDArray regulariser( final Block critic, final ParameterStore store, final NDArray real, final NDArray leaf, final NDList fakeMaps, final int[] match, final int dimension )
	{
		final int n = match.length;
		// the gradient of the per-sample scores: the sum of a map is a multiple of its mean
		final NDList perSample = new NDList();
		for ( final NDArray m : fakeMaps )
			perSample.add( m.div( m.getShape().size() / n * fakeMaps.size() ) );
		final NDArray grad = Gradients.ofInput( perSample, leaf );
		Gradients.zero( critic.getParameters() );
		final double k = 1.0 / dimension, rootK = Math.sqrt( k );
		final NDArray matched = real.get( real.getManager().create( match ) );
		final NDArray distance = matched.sub( leaf.stopGradient() ).reshape( n, -1 ).square().sum( new int[] { 1 } ).sqrt();
		final NDArray gradNorm = grad.reshape( n, -1 ).square().sum( new int[] { 1 } ).add( 1e-12 ).sqrt();
		final double weight = 4 * rootK * gamma;
		return gradNorm.div( 2 * rootK ).sub( distance.mul( rootK / 2 ) ).square().mul( 0.5 * weight ).mean();
	}
}
