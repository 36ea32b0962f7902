package sc.fiji.restoregan.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;

/**
 * The minibatch standard-deviation layer of ProGAN (Karras et al.): the
 * standard deviation over the batch of every feature at every position
 * (population, plus 1e-8 under the root), averaged over features and
 * positions, appended to every image as one constant extra channel. It lets
 * the discriminator see how varied a batch is, which discourages mode
 * collapse. Needs a batch of at least 2 to carry information.
 */
public final class MinibatchStd
{
	private MinibatchStd()
	{}

	/** (N, C, H, W) to (N, C + 1, H, W). */
	public static NDArray apply( final NDArray x )
	{
		final NDArray centred = x.sub( x.mean( new int[] { 0 }, true ) );
		final NDArray std = centred.square().mean( new int[] { 0 }, true ).add( 1e-8f ).sqrt();
		final long[] s = x.getShape().getShape();
		final NDArray channel = std.mean().reshape( 1, 1, 1, 1 ).broadcast( s[ 0 ], 1, s[ 2 ], s[ 3 ] );
		return x.concat( channel, 1 );
	}

	/** A parameter-free block applying {@link #apply}. */
	public static Block block()
	{
		return new LambdaBlock( list -> new NDList( apply( list.singletonOrThrow() ) ), "minibatchStd" );
	}
}
