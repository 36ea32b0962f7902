package sc.fiji.restoregan.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/**
 * Numerically stable functions of logits shared by the cross-entropy
 * objectives.
 */
public final class Logits
{
	private Logits()
	{}

	/**
	 * log(1 + exp(x)), computed as max(x, 0) + log(1 + exp(-|x|)) so that it
	 * neither overflows nor loses precision for large |x|.
	 */
	public static NDArray softplus( final NDArray x )
	{
		return x.maximum( 0 ).add( x.abs().neg().exp().add( 1 ).log() );
	}

	/**
	 * Mean binary cross-entropy of sigmoid(x) against the label {@code y}:
	 * mean of -y log sigmoid(x) - (1 - y) log(1 - sigmoid(x)), which equals
	 * softplus(x) - y x.
	 */
	public static NDArray crossEntropy( final NDArray x, final double y )
	{
		return softplus( x ).sub( x.mul( y ) ).mean();
	}

	/**
	 * {@code scalar} times {@code factor} in the scalar's data type (see
	 * {@link #average} for why not {@code scalar.mul( factor )}).
	 */
	public static NDArray times( final NDArray scalar, final double factor )
	{
		try ( NDArray f = scalar.getManager().create( factor ) )
		{
			return scalar.mul( f.toType( scalar.getDataType(), false ) );
		}
	}

	/**
	 * The mean of two scalars. NB: arithmetic with a Java number on a 0-d
	 * array promotes float32 to float64 in PyTorch, so losses average their
	 * terms this way to keep the input's data type.
	 */
	public static NDArray average( final NDArray a, final NDArray b )
	{
		return NDArrays.stack( new NDList( a, b ) ).mean();
	}
}
