package sc.fiji.restoregan.bridge;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * The one place where pixels cross between ImgLib2 and DJL.
 * <p>
 * A 2D tile travels as a row-major {@code float[]} (X fastest), which is
 * exactly the memory layout of a {@code [1, 1, height, width]} NCHW tensor; a
 * batch of tiles is the concatenation of such arrays. No {@link NDArray}
 * leaves the inference layer: callers above it see only float arrays.
 * </p>
 */
public final class TensorBridge
{
	private TensorBridge()
	{}

	/**
	 * Copies a 2D view into a new row-major float array.
	 *
	 * @param tile a 2D interval of real pixels (any pixel type)
	 * @return {@code width * height} values, X varying fastest
	 */
	public static float[] toArray( final RandomAccessibleInterval< ? extends RealType< ? > > tile )
	{
		final long n = tile.dimension( 0 ) * tile.dimension( 1 );
		if ( tile.numDimensions() != 2 || n > Integer.MAX_VALUE )
			throw new IllegalArgumentException( "Expected a 2D tile of at most 2^31 pixels" );
		final float[] data = new float[ ( int ) n ];
		final Cursor< ? extends RealType< ? > > c = Views.flatIterable( tile ).cursor();
		for ( int i = 0; i < data.length; i++ )
			data[ i ] = c.next().getRealFloat();
		return data;
	}

	/**
	 * Wraps row-major tiles as an NCHW tensor of {@code batch} single-channel
	 * images.
	 *
	 * @param manager owns the new array (use a per-tile sub-manager)
	 * @param data {@code batch * height * width} values
	 */
	public static NDArray toTensor( final NDManager manager, final float[] data, final int batch, final int height, final int width )
	{
		return toTensor( manager, data, batch, 1, height, width );
	}

	/**
	 * Wraps row-major tiles as an NCHW tensor of {@code batch} images of
	 * {@code channels} planes each.
	 *
	 * @param manager owns the new array (use a per-tile sub-manager)
	 * @param data {@code batch * channels * height * width} values, each
	 *            image's planes one after the other
	 */
	public static NDArray toTensor( final NDManager manager, final float[] data, final int batch, final int channels, final int height, final int width )
	{
		if ( data.length != ( long ) batch * channels * height * width )
			throw new IllegalArgumentException( "Tile data has " + data.length + " values, expected " + batch + "x" + channels + "x" + height + "x" + width );
		return manager.create( data, new Shape( batch, channels, height, width ) );
	}

	/** The values of a tensor, row-major, as floats. */
	public static float[] fromTensor( final NDArray tensor )
	{
		return tensor.toType( ai.djl.ndarray.types.DataType.FLOAT32, false ).toFloatArray();
	}
}
