package sc.fiji.restoregan.gan;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * The contextual loss of Mechrez et al. ({@code roimehrez/contextualLoss},
 * {@code CSFlow.create_using_dotP} and {@code CX_loss}) on two feature maps
 * of one batch, output I and target T, each (N, C, H, W):
 * <ol>
 * <li>when H W exceeds {@code maxSide}², the same {@code maxSide}² random
 * positions (a seeded choice) are kept in both;</li>
 * <li>both are centred by the target's mean over N and the positions (per
 * channel, no division by a standard deviation), then L2-normalised over the
 * channels at each position;</li>
 * <li>per image, d_ij = (1 − cos_ij) / 2 between output position i and target
 * position j; d̃_ij = d_ij / (min_k d_ik + 1e-5); w_ij = exp((1 − d̃_ij) / h);
 * CX_ij = w_ij / Σ_k w_ik;</li>
 * <li>CX = (1/P) Σ_j max_i CX_ij over the P target positions, and the loss is
 * the batch mean of −log CX.</li>
 * </ol>
 */
public final class ContextualLoss
{
	/** The reference's bandwidth ({@code nn_stretch_sigma} in its config.py). */
	public static final double DEFAULT_BANDWIDTH = 0.5;

	/** The reference's limit on the side of the compared feature maps (65 x 65 positions). */
	public static final int DEFAULT_MAX_SIDE = 65;

	private static final double EPSILON = 1e-5;

	private final double bandwidth;

	private final int maxPositions;

	/**
	 * @param bandwidth h
	 * @param maxSide at most maxSide² positions are compared
	 */
	public ContextualLoss( final double bandwidth, final int maxSide )
	{
		if ( bandwidth <= 0 || maxSide < 1 )
			throw new IllegalArgumentException( "The contextual loss needs h > 0 and at least one position" );
		this.bandwidth = bandwidth;
		this.maxPositions = maxSide * maxSide;
	}

	/**
	 * The scalar loss.
	 *
	 * @param output the output's features (N, C, H, W)
	 * @param target the target's features, the same shape
	 * @param random chooses the positions when there are too many
	 */
	public NDArray loss( final NDArray output, final NDArray target, final Random random )
	{
		final Shape s = output.getShape();
		final long n = s.get( 0 ), c = s.get( 1 ), total = s.get( 2 ) * s.get( 3 );
		NDArray x = output.reshape( n, c, total ), y = target.reshape( n, c, total ).stopGradient();
		if ( total > maxPositions )
		{
			final NDArray keep = output.getManager().create( positions( ( int ) total, maxPositions, random ) );
			x = x.get( ":, :, {}", keep );
			y = y.get( ":, :, {}", keep );
		}
		final NDArray centre = y.mean( new int[] { 2 }, true ).mean( new int[] { 0 }, true );
		x = normalised( x.sub( centre ) );
		y = normalised( y.sub( centre ) );
		final NDArray cosine = x.transpose( 0, 2, 1 ).matMul( y ); // (N, output positions, target positions)
		final NDArray d = cosine.neg().add( 1 ).div( 2 );
		final NDArray relative = d.div( d.min( new int[] { 2 }, true ).add( EPSILON ) );
		final NDArray w = relative.neg().add( 1 ).div( bandwidth ).exp();
		final NDArray cx = w.div( w.sum( new int[] { 2 }, true ) );
		final NDArray perImage = cx.max( new int[] { 1 } ).mean( new int[] { 1 } );
		return perImage.log().neg().mean();
	}

	/** Each position's vector divided by its L2 norm over the channels (axis 1). */
	private static NDArray normalised( final NDArray v )
	{
		return v.div( v.square().sum( new int[] { 1 }, true ).sqrt().add( 1e-12f ) );
	}

	/**
	 * {@code count} distinct positions out of {@code total}, in increasing
	 * order: the first {@code count} of a seeded Fisher-Yates shuffle.
	 */
	public static long[] positions( final int total, final int count, final Random random )
	{
		final int[] all = new int[ total ];
		for ( int i = 0; i < total; i++ )
			all[ i ] = i;
		for ( int i = 0; i < count; i++ )
		{
			final int j = i + random.nextInt( total - i );
			final int t = all[ i ];
			all[ i ] = all[ j ];
			all[ j ] = t;
		}
		final long[] out = new long[ count ];
		for ( int i = 0; i < count; i++ )
			out[ i ] = all[ i ];
		java.util.Arrays.sort( out );
		return out;
	}
}
