package sc.fiji.restoregan.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;

/**
 * Instance normalisation without affine parameters (PyTorch's
 * {@code InstanceNorm2d(affine=False)}): each channel of each image is
 * shifted and scaled to zero mean and unit variance over its pixels.
 */
public final class InstanceNorm
{
	private static final float EPSILON = 1e-5f;

	private InstanceNorm()
	{}

	/** Normalises an (N, C, H, W) array. */
	public static NDArray apply( final NDArray x )
	{
		final NDArray centred = x.sub( spatialMean( x ) );
		return centred.div( spatialMean( centred.square() ).add( EPSILON ).sqrt() );
	}

	/** The mean over H and W, kept as (N, C, 1, 1); one axis at a time, as DJL's PyTorch engine reduces one axis per call. */
	private static NDArray spatialMean( final NDArray x )
	{
		return x.mean( new int[] { 3 }, true ).mean( new int[] { 2 }, true );
	}

	/** A parameter-free block applying {@link #apply}. */
	public static Block block()
	{
		return new LambdaBlock( list -> new NDList( apply( list.singletonOrThrow() ) ), "instanceNorm" );
	}
}
