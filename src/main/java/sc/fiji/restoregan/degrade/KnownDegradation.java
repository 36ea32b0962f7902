package sc.fiji.restoregan.degrade;

/**
 * What is known of how an image was degraded, beside its pixels: what a
 * user can often tell (the microscope's PSF, the direction of the light
 * sheet) and what the benchmark gives its classical baselines. Networks
 * whose context channels use it read it at inference, and training draws it
 * with each synthetic degradation ({@link #of(Degradation)}).
 *
 * @param psf the point-spread function of the blur, in the image's pixels,
 *            or null when unknown
 * @param direction the direction of stripes or streaks, degrees from +X
 *            towards +Y, or NaN when unknown (then estimated where needed)
 */
public record KnownDegradation( Kernel psf, double direction )
{
	/** Nothing known. */
	public static final KnownDegradation NONE = new KnownDegradation( null, Double.NaN );

	/** What a degradation tells of itself: its {@link Degradation#psf()} and {@link Degradation#direction()}. */
	public static KnownDegradation of( final Degradation degradation )
	{
		return new KnownDegradation( degradation.psf(), degradation.direction() );
	}

	/** The same with this PSF (null: unknown). */
	public KnownDegradation withPsf( final Kernel newPsf )
	{
		return new KnownDegradation( newPsf, direction );
	}

	/** The same with this stripe direction in degrees (NaN: unknown). */
	public KnownDegradation withDirection( final double newDirection )
	{
		return new KnownDegradation( psf, newDirection );
	}

	/** Whether the stripe direction is known. */
	public boolean hasDirection()
	{
		return Double.isFinite( direction );
	}
}
