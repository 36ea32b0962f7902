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
 * @param artefacts which artefacts the image is known to have: any of
 *            streaks, stripes and drops, or one of them that has a model
 *            of its own, which the Remove streaks command then picks
 *            ({@link sc.fiji.restoregan.model.Task#modelName(int, KnownDegradation)})
 */
public record KnownDegradation( Kernel psf, double direction, ArtefactKind artefacts )
{
	/** Nothing known. */
	public static final KnownDegradation NONE = new KnownDegradation( null, Double.NaN );

	/** A PSF and a direction, the kind of artefact unknown. */
	public KnownDegradation( final Kernel psf, final double direction )
	{
		this( psf, direction, ArtefactKind.ANY );
	}

	/**
	 * What a degradation tells of itself: its {@link Degradation#psf()},
	 * its {@link Degradation#direction()} and its {@link ArtefactKind}.
	 */
	public static KnownDegradation of( final Degradation degradation )
	{
		return new KnownDegradation( degradation.psf(), degradation.direction(), ArtefactKind.of( degradation ) );
	}

	/** The same with this PSF (null: unknown). */
	public KnownDegradation withPsf( final Kernel newPsf )
	{
		return new KnownDegradation( newPsf, direction, artefacts );
	}

	/** The same with this stripe direction in degrees (NaN: unknown). */
	public KnownDegradation withDirection( final double newDirection )
	{
		return new KnownDegradation( psf, newDirection, artefacts );
	}

	/** The same, saying which artefacts the image has. */
	public KnownDegradation withArtefacts( final ArtefactKind kind )
	{
		return new KnownDegradation( psf, direction, kind );
	}

	/** Checks the artefacts. */
	public KnownDegradation
	{
		if ( artefacts == null )
			throw new IllegalArgumentException( "Say which artefacts (ArtefactKind.ANY when unknown)" );
	}

	/** Whether the stripe direction is known. */
	public boolean hasDirection()
	{
		return Double.isFinite( direction );
	}
}
