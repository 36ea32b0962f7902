package sc.fiji.restoregan.gan;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import sc.fiji.restoregan.metrics.Ssim;
import sc.fiji.restoregan.nn.PaddedConvolution;

/**
 * 1 − SSIM as a differentiable loss in NDArray operations, with exactly the
 * settings of {@link Ssim} (11x11 Gaussian window of σ 1.5 applied
 * separably, K1 0.01, K2 0.03, population statistics, mean over the valid
 * region), so that 1 − loss equals the project's SSIM metric. Each channel
 * of each image is compared on its own; the loss is the mean over all.
 */
public final class SsimLoss
{
	private static final Shape NO_PADDING = new Shape( 0, 0 );

	private final double c1, c2;

	private final float[] kernel;

	/** @param dataRange the value range the constants refer to (1 for images normalised to [0, 1]) */
	public SsimLoss( final double dataRange )
	{
		c1 = Math.pow( Ssim.K1 * dataRange, 2 );
		c2 = Math.pow( Ssim.K2 * dataRange, 2 );
		final double[] k = sc.fiji.restoregan.metrics.Separable.gaussian( Ssim.WINDOW, Ssim.SIGMA );
		kernel = new float[ k.length ];
		for ( int i = 0; i < k.length; i++ )
			kernel[ i ] = ( float ) k[ i ];
	}

	/**
	 * The scalar loss 1 − mean SSIM of {@code output} against {@code target},
	 * both (N, C, H, W) with H and W at least 11.
	 */
	public NDArray loss( final NDArray output, final NDArray target )
	{
		final Shape s = output.getShape();
		final NDArray x = output.reshape( s.get( 0 ) * s.get( 1 ), 1, s.get( 2 ), s.get( 3 ) );
		final NDArray y = target.reshape( x.getShape() );
		final NDArray mx = blur( x ), my = blur( y );
		final NDArray mxy = mx.mul( my ), mx2 = mx.square(), my2 = my.square();
		final NDArray sxx = blur( x.square() ).sub( mx2 ), syy = blur( y.square() ).sub( my2 ), sxy = blur( x.mul( y ) ).sub( mxy );
		final NDArray numerator = mxy.mul( 2 ).add( c1 ).mul( sxy.mul( 2 ).add( c2 ) );
		final NDArray denominator = mx2.add( my2 ).add( c1 ).mul( sxx.add( syy ).add( c2 ) );
		return numerator.div( denominator ).neg().add( 1 ).mean();
	}

	/** Valid Gaussian filtering of an (M, 1, H, W) array, rows then columns. */
	private NDArray blur( final NDArray a )
	{
		final NDArray w = a.getManager().create( kernel ).toType( a.getDataType(), false );
		final NDArray rows = PaddedConvolution.conv2d( a, w.reshape( 1, 1, kernel.length, 1 ), null, NO_PADDING );
		return PaddedConvolution.conv2d( rows, w.reshape( 1, 1, 1, kernel.length ), null, NO_PADDING );
	}
}
