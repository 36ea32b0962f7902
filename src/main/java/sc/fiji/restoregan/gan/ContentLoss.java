package sc.fiji.restoregan.gan;

import java.util.Locale;

import ai.djl.ndarray.NDArray;

/**
 * A pixel-wise content (reconstruction) loss between the generator's output
 * and the clean target, both (N, C, H, W): mean absolute (L1, default) or
 * mean squared (L2) difference, or 1 − SSIM ({@link SsimLoss} with data
 * range 1, for images normalised to about [0, 1]; patches of at least 11
 * pixels).
 */
public enum ContentLoss
{
	/** Mean absolute difference. */
	L1,
	/** Mean squared difference. */
	L2,
	/** 1 − SSIM. */
	SSIM;

	private static final SsimLoss STRUCTURAL = new SsimLoss( 1 );

	/** The loss called {@code name} (l1, l2 or ssim, case-insensitive). */
	public static ContentLoss of( final String name )
	{
		return valueOf( name.toUpperCase( Locale.ROOT ) );
	}

	/** The scalar loss of {@code output} against {@code target}. */
	public NDArray loss( final NDArray output, final NDArray target )
	{
		if ( this == SSIM )
			return STRUCTURAL.loss( output, target );
		final NDArray d = output.sub( target );
		return this == L1 ? d.abs().mean() : d.square().mean();
	}
}
