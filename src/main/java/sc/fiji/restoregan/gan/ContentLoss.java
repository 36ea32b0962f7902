package sc.fiji.restoregan.gan;

import java.util.Locale;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * A pixel-wise content (reconstruction) loss between the generator's output
 * and the clean target, both (N, C, H, W): mean absolute (L1, default) or
 * mean squared (L2) difference, 1 − SSIM ({@link SsimLoss} with data
 * range 1, for images normalised to about [0, 1]; patches of at least 11
 * pixels), or the mean absolute difference after a least-squares affine fit
 * of each output image to its target (for tasks whose intensity scale is
 * ambiguous and which are scored after such a fit: dehaze, lighting), or
 * the mean squared difference after that fit (what a PSNR after the fit
 * measures), or
 * the mean over images of {@code 10 log10} of each image's mean squared
 * error: minus their mean PSNR with data range 1, so every image counts by
 * its relative error, as a benchmark averaging PSNR counts it, where L2
 * lets the noisiest images, whose errors are largest, dominate.
 */
public enum ContentLoss
{
	/** Mean absolute difference. */
	L1,
	/** Mean squared difference. */
	L2,
	/** 1 − SSIM. */
	SSIM,
	/** Mean absolute difference after fitting each output image to its target by {@code a x + b}. */
	AFFINE_L1,
	/** Mean squared difference after fitting each output image to its target by {@code a x + b}. */
	AFFINE_L2,
	/** Mean over images of {@code 10 log10} of their mean squared difference: minus the mean PSNR, in dB. */
	LOG_L2;

	/** Added to each image's mean squared error before the logarithm: a PSNR of 100 dB at most. */
	private static final double LOG_FLOOR = 1e-10;

	private static final SsimLoss STRUCTURAL = new SsimLoss( 1 );

	/** The loss called {@code name} (l1, l2, ssim, affine-l1, affine-l2 or log-l2, case-insensitive). */
	public static ContentLoss of( final String name )
	{
		return valueOf( name.toUpperCase( Locale.ROOT ).replace( '-', '_' ) );
	}

	/** The name {@link #of} reads, such as {@code affine-l2}. */
	public String label()
	{
		return name().toLowerCase( Locale.ROOT ).replace( '_', '-' );
	}

	/** The scalar loss of {@code output} against {@code target}. */
	public NDArray loss( final NDArray output, final NDArray target )
	{
		return switch ( this )
		{
		case L1 -> output.sub( target ).abs().mean();
		case L2 -> output.sub( target ).square().mean();
		case SSIM -> STRUCTURAL.loss( output, target );
		case AFFINE_L1 -> affineFit( output, target ).sub( target ).abs().mean();
		case AFFINE_L2 -> affineFit( output, target ).sub( target ).square().mean();
		case LOG_L2 -> output.sub( target ).square().reshape( output.getShape().get( 0 ), -1 ).mean( new int[] { 1 } ).add( LOG_FLOOR ).log10().mul( 10 ).mean();
		};
	}

	/**
	 * Each image of {@code output} mapped by the least-squares {@code a x + b}
	 * onto its target (the fit is part of the graph, so gradients flow through
	 * it); a constant output maps to the target's mean.
	 */
	static NDArray affineFit( final NDArray output, final NDArray target )
	{
		final Shape shape = output.getShape();
		final long n = shape.get( 0 );
		final NDArray o = output.reshape( n, -1 ), t = target.reshape( n, -1 );
		final NDArray dO = o.sub( o.mean( new int[] { 1 }, true ) ), tMean = t.mean( new int[] { 1 }, true );
		final NDArray a = dO.mul( t.sub( tMean ) ).sum( new int[] { 1 }, true ).div( dO.square().sum( new int[] { 1 }, true ).add( 1e-8 ) );
		return dO.mul( a ).add( tMean ).reshape( shape );
	}
}
