package sc.fiji.restoregan.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/** Fixed (parameter-free) resampling of NCHW arrays. */
public final class Resampling
{
	private Resampling()
	{}

	/**
	 * Bilinear upsampling by an integer factor with PyTorch's
	 * {@code interpolate(mode="bilinear", align_corners=False)} convention:
	 * output pixel o samples the input at (o + ½) / s − ½, edges replicated.
	 */
	public static NDArray bilinear( final NDArray x, final int factor )
	{
		if ( factor == 1 )
			return x;
		return along( along( x, 3, factor ), 2, factor );
	}

	/** Linear upsampling along {@code axis} (2 or 3) of an NCHW array. */
	private static NDArray along( final NDArray x, final int axis, final int s )
	{
		final long n = x.getShape().get( axis );
		final String all = axis == 3 ? ":, :, :, " : ":, :, ";
		final NDArray first = x.get( all + "0:1" ), last = x.get( all + ( n - 1 ) + ":" );
		final NDArray previous = first.concat( x.get( all + "0:" + ( n - 1 ) ), axis );
		final NDArray next = x.get( all + "1:" ).concat( last, axis );
		final NDList phases = new NDList();
		for ( int p = 0; p < s; p++ )
		{
			final double d = ( 2.0 * p + 1 - s ) / ( 2.0 * s );
			final NDArray neighbour = d < 0 ? previous : next;
			phases.add( x.mul( ( float ) ( 1 - Math.abs( d ) ) ).add( neighbour.mul( ( float ) Math.abs( d ) ) ) );
		}
		final NDArray stacked = NDArrays.stack( phases, axis + 1 );
		final Shape shape = x.getShape();
		return axis == 3
				? stacked.reshape( shape.get( 0 ), shape.get( 1 ), shape.get( 2 ), n * s )
				: stacked.reshape( shape.get( 0 ), shape.get( 1 ), n * s, shape.get( 3 ) );
	}
}
