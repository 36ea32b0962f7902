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
 * @param stripes whether the artefacts are known to be light-sheet stripes
 *            ({@link Stripes}) rather than any of streaks, stripes and
 *            drops: the Remove streaks command then picks the model trained
 *            on stripes alone ({@link sc.fiji.restoregan.model.Task#DERAIN_STRIPES})
 */
public record KnownDegradation( Kernel psf, double direction, boolean stripes )
{
	/** Nothing known. */
	public static final KnownDegradation NONE = new KnownDegradation( null, Double.NaN );

	/** A PSF and a direction, the kind of artefact unknown. */
	public KnownDegradation( final Kernel psf, final double direction )
	{
		this( psf, direction, false );
	}

	/**
	 * What a degradation tells of itself: its {@link Degradation#psf()},
	 * its {@link Degradation#direction()} and whether it is {@link Stripes}.
	 */
	public static KnownDegradation of( final Degradation degradation )
	{
		return new KnownDegradation( degradation.psf(), degradation.direction(), degradation instanceof Stripes );
	}

	/** The same with this PSF (null: unknown). */
	public KnownDegradation withPsf( final Kernel newPsf )
	{
		return new KnownDegradation( newPsf, direction, stripes );
	}

	/** The same with this stripe direction in degrees (NaN: unknown). */
	public KnownDegradation withDirection( final double newDirection )
	{
		return new KnownDegradation( psf, newDirection, stripes );
	}

	/** The same, saying whether the artefacts are light-sheet stripes. */
	public KnownDegradation withStripes( final boolean areStripes )
	{
		return new KnownDegradation( psf, direction, areStripes );
	}

	/** Whether the stripe direction is known. */
	public boolean hasDirection()
	{
		return Double.isFinite( direction );
	}
}
