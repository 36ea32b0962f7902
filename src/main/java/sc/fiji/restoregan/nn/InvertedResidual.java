package sc.fiji.restoregan.nn;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;

/**
 * MobileNet-v2's inverted residual block (Sandler et al.): a 1x1 convolution
 * expanding the channels {@code expansion} times (left out when the
 * expansion is 1), a 3x3 depthwise convolution (stride 1 or 2), a linear 1x1
 * projection, each followed by the normalisation, the first two by ReLU6;
 * with the input added when stride and channel count allow.
 */
final class InvertedResidual
{
	private InvertedResidual()
	{}

	/**
	 * @param in input channels
	 * @param out output channels
	 * @param stride 1 or 2
	 * @param expansion channel expansion factor (6 in MobileNet-v2)
	 * @param norm whether each convolution is followed by instance normalisation
	 */
	static Block of( final int in, final int out, final int stride, final int expansion, final boolean norm )
	{
		final int hidden = in * expansion;
		final SequentialBlock body = new SequentialBlock();
		if ( expansion != 1 )
			Blocks.addNorm( body.add( Blocks.conv( 1, hidden, 1, 1, !norm ) ), norm ).add( Activation.relu6Block() );
		Blocks.addNorm( body.add( Blocks.conv( 3, hidden, stride, hidden, !norm ) ), norm ).add( Activation.relu6Block() );
		Blocks.addNorm( body.add( Blocks.conv( 1, out, 1, 1, !norm ) ), norm );
		return stride == 1 && in == out ? new Residual( body ) : body;
	}
}
