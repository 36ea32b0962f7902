package sc.fiji.restoregan.sisr;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import sc.fiji.restoregan.bridge.TensorBridge;
import sc.fiji.restoregan.metrics.DoublePlane;

/** Planes to NCHW float tensors and back, through the project's {@link TensorBridge}. */
public final class TensorPlanes
{
	private TensorPlanes()
	{}

	/** Same-sized planes as a {@code (n, 1, h, w)} tensor. */
	public static NDArray of( final NDManager manager, final List< DoublePlane > planes )
	{
		final DoublePlane first = planes.get( 0 );
		final int n = first.width * first.height;
		final float[] data = new float[ n * planes.size() ];
		for ( int b = 0; b < planes.size(); b++ )
		{
			final DoublePlane p = planes.get( b );
			if ( p.width != first.width || p.height != first.height )
				throw new IllegalArgumentException( "Planes of a batch must have the same size" );
			for ( int i = 0; i < n; i++ )
				data[ b * n + i ] = ( float ) p.data[ i ];
		}
		return TensorBridge.toTensor( manager, data, planes.size(), first.height, first.width );
	}

	/** One plane as a {@code (1, 1, h, w)} tensor. */
	public static NDArray of( final NDManager manager, final DoublePlane plane )
	{
		return of( manager, List.of( plane ) );
	}

	/** The first plane of a {@code (n, 1, h, w)} tensor. */
	public static DoublePlane toPlane( final NDArray tensor )
	{
		final long[] s = tensor.getShape().getShape();
		final int h = ( int ) s[ s.length - 2 ], w = ( int ) s[ s.length - 1 ];
		final float[] f = TensorBridge.fromTensor( tensor );
		final double[] d = new double[ w * h ];
		for ( int i = 0; i < d.length; i++ )
			d[ i ] = f[ i ];
		return new DoublePlane( w, h, d );
	}
}
