package sc.fiji.restoregan.sisr.ingan;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import sc.fiji.restoregan.metrics.BicubicResize;
import sc.fiji.restoregan.metrics.BicubicResize.Border;

/**
 * Differentiable resampling and padding of NCHW arrays for InGAN's
 * networks. Resizing multiplies by dense bicubic matrices
 * ({@link BicubicResize#matrix}, antialiased when shrinking, symmetric
 * border), one along each axis, so gradients flow through it as through any
 * matrix product. Matrices are cached by size (as float arrays; the tensors
 * are created on the input's manager).
 */
final class TensorResize
{
	private static final Map< Long, float[] > CACHE = new ConcurrentHashMap<>();

	private TensorResize()
	{}

	/** {@code x} (N, C, H, W) resized to {@code width x height}. */
	static NDArray resize( final NDArray x, final int width, final int height )
	{
		final Shape s = x.getShape();
		final int h = ( int ) s.get( 2 ), w = ( int ) s.get( 3 );
		final NDManager manager = x.getManager();
		NDArray y = x;
		if ( w != width )
			y = y.matMul( manager.create( matrix( w, width ), new Shape( width, w ) ).transpose() );
		if ( h != height )
			y = manager.create( matrix( h, height ), new Shape( height, h ) ).matMul( y );
		return y;
	}

	private static float[] matrix( final int in, final int out )
	{
		return CACHE.computeIfAbsent( ( ( long ) in << 32 ) | out, k -> BicubicResize.matrix( in, out, Border.SYMMETRIC ) );
	}

	/**
	 * Mirror padding without repeating the edge (PyTorch's
	 * {@code ReflectionPad2d}) of {@code before} and {@code after} pixels along
	 * {@code axis} (2 or 3); each must be smaller than the axis's size.
	 */
	static NDArray reflect( final NDArray x, final int axis, final int before, final int after )
	{
		final long n = x.getShape().get( axis );
		if ( before == 0 && after == 0 )
			return x;
		if ( before >= n || after >= n )
			throw new IllegalArgumentException( "Cannot mirror-pad " + Math.max( before, after ) + " pixels on a side of " + n );
		final NDList parts = new NDList();
		if ( before > 0 )
			parts.add( slice( x, axis, 1, before + 1 ).flip( axis ) );
		parts.add( x );
		if ( after > 0 )
			parts.add( slice( x, axis, n - 1 - after, n - 1 ).flip( axis ) );
		return NDArrays.concat( parts, axis );
	}

	/** Mirror padding of {@code p} pixels on all four sides. */
	static NDArray reflect( final NDArray x, final int p )
	{
		return reflect( reflect( x, 3, p, p ), 2, p, p );
	}

	/** The top-left {@code width x height} of an NCHW array. */
	static NDArray crop( final NDArray x, final int width, final int height )
	{
		final Shape s = x.getShape();
		if ( s.get( 2 ) == height && s.get( 3 ) == width )
			return x;
		return x.get( ":, :, 0:" + height + ", 0:" + width );
	}

	private static NDArray slice( final NDArray x, final int axis, final long from, final long to )
	{
		return x.get( ( axis == 3 ? ":, :, :, " : ":, :, " ) + from + ":" + to );
	}
}
