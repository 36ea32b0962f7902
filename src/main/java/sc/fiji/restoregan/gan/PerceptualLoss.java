package sc.fiji.restoregan.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/**
 * The perceptual (feature reconstruction) loss of Johnson et al. as
 * DeblurGAN uses it: the mean squared difference between the features of the
 * output and those of the target; with several feature maps, the mean over
 * them of each map's mean squared difference. The target's features are
 * constants.
 */
public final class PerceptualLoss
{
	private PerceptualLoss()
	{}

	/** The scalar loss of {@code output} against {@code target}, both (N, C, H, W). */
	public static NDArray loss( final FeatureNetwork network, final NDArray output, final NDArray target )
	{
		final NDList o = network.features( output ), t = network.features( target );
		final NDList terms = new NDList();
		for ( int i = 0; i < o.size(); i++ )
			terms.add( o.get( i ).sub( t.get( i ).stopGradient() ).square().mean() );
		return terms.size() == 1 ? terms.get( 0 ) : NDArrays.stack( terms ).mean();
	}
}
