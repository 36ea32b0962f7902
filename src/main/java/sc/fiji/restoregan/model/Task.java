package sc.fiji.restoregan.model;

import sc.fiji.restoregan.degrade.KnownDegradation;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * The restoration tasks and the shipped model each one uses by default: the
 * model named after the task ({@code denoise}, {@code deblur}, ...), and for
 * super-resolution the one named after the scale ({@code sr2}, {@code sr4}).
 * A task has a default model once that name is listed in
 * {@code models/models.json}.
 */
public enum Task
{
	/** Photon and read noise. */
	DENOISE( "denoise" ),
	/** Defocus and motion blur. */
	DEBLUR( "deblur" ),
	/** Out-of-focus haze and scattered light. */
	DEHAZE( "dehaze" ),
	/** Streaks, stripes, drops and dust. */
	DERAIN( "derain" ),
	/** Uneven or dim illumination. */
	LIGHTING( "lighting" ),
	/** Super-resolution. */
	SR( "sr" ),
	/** Any mix of the above (multi-task). */
	AUTO( "auto" );

	/** The model that deblurs with a known PSF, the default for {@link #DEBLUR} when the PSF is given. */
	public static final String DEBLUR_WITH_PSF = "deblur-psf";

	/**
	 * The model that removes light-sheet stripes alone, the default for
	 * {@link #DERAIN} when the user says that the artefacts are stripes.
	 */
	public static final String DERAIN_STRIPES = "derain-stripes";

	/**
	 * The model that removes drops and dust alone, the default for
	 * {@link #DERAIN} when the user says that the artefacts are drops.
	 */
	public static final String DERAIN_DROPS = "derain-drops";

	/** The super-resolution factors that ship with a model. */
	public static final int[] SR_SCALES = { 2, 4 };

	private final String id;

	Task( final String id )
	{
		this.id = id;
	}

	/** The name used on the command line and in cards. */
	public String id()
	{
		return id;
	}

	/**
	 * The shipped model for this task at scale 1 (for {@link #SR}: x2).
	 *
	 * @throws RestoreException when none ships
	 */
	public String defaultModel()
	{
		return defaultModel( this == SR ? 2 : 1 );
	}

	/**
	 * The shipped model for this task and output scale.
	 *
	 * @param scale output pixels per input pixel: 1, or for {@link #SR} 2 or 4
	 * @throws RestoreException when the scale does not fit the task or no such model ships
	 */
	public String defaultModel( final int scale )
	{
		final String name = modelName( scale );
		if ( !ModelRegistry.shipped().contains( name ) )
			throw new RestoreException( "No model for task '" + id + "'" + ( this == SR ? " at scale " + scale : "" ) + " ships with this version yet; shipped models: "
					+ String.join( ", ", ModelRegistry.shipped() ) + ". Pass a model folder of your own to use one." );
		return name;
	}

	/**
	 * The shipped model for this task and output scale, given what is known
	 * of the degradation: {@link #DEBLUR_WITH_PSF} for {@link #DEBLUR} with
	 * a PSF, {@link #DERAIN_STRIPES} or {@link #DERAIN_DROPS} for
	 * {@link #DERAIN} when the artefacts are known to be stripes or drops
	 * (when it ships: otherwise the general model, which removes them too),
	 * otherwise {@link #defaultModel(int)}.
	 *
	 * @throws RestoreException when no such model ships
	 */
	public String defaultModel( final int scale, final KnownDegradation known )
	{
		final String name = modelName( scale, known );
		if ( name.equals( modelName( scale ) ) )
			return defaultModel( scale );
		if ( ModelRegistry.shipped().contains( name ) )
			return name;
		if ( name.equals( DEBLUR_WITH_PSF ) )
			throw new RestoreException( "No model that deblurs with a known PSF ships with this version; leave the PSF out to use the blind model '" + defaultModel( scale ) + "'." );
		return defaultModel( scale );
	}

	/**
	 * The name this task's model has at this output scale given what is
	 * known of the degradation, whether or not it ships:
	 * {@link #DEBLUR_WITH_PSF} for {@link #DEBLUR} with a PSF,
	 * {@link #DERAIN_STRIPES} and {@link #DERAIN_DROPS} for {@link #DERAIN}
	 * with stripes or drops, otherwise {@link #modelName(int)}.
	 */
	public String modelName( final int scale, final KnownDegradation known )
	{
		final String name = modelName( scale );
		if ( this == DEBLUR && known.psf() != null )
			return DEBLUR_WITH_PSF;
		if ( this != DERAIN )
			return name;
		return switch ( known.artefacts() )
		{
			case STRIPES -> DERAIN_STRIPES;
			case DROPS -> DERAIN_DROPS;
			case ANY -> name;
		};
	}

	/**
	 * The name this task's model has at this output scale, whether or not it
	 * ships: the task's name, and for {@link #SR} the name followed by the
	 * scale ({@code sr2}, {@code sr4}).
	 *
	 * @param scale output pixels per input pixel: 1, or for {@link #SR} 2 or 4
	 * @throws RestoreException when the scale does not fit the task
	 */
	public String modelName( final int scale )
	{
		if ( this == SR )
		{
			if ( Arrays.stream( SR_SCALES ).noneMatch( s -> s == scale ) )
				throw new RestoreException( "Super-resolution ships for scales " + Arrays.toString( SR_SCALES ) + ", not " + scale + "; pass a model folder of your own for other scales." );
			return id + scale;
		}
		if ( scale != 1 )
			throw new RestoreException( "Task '" + id + "' keeps the image size; only sr takes a scale (not " + scale + ")." );
		return id;
	}

	/** Parses a task name such as {@code denoise}. */
	public static Task parse( final String name )
	{
		for ( final Task t : values() )
			if ( t.id.equals( name.trim().toLowerCase( Locale.ROOT ) ) )
				return t;
		throw new RestoreException( "Unknown task '" + name + "': use one of " + Arrays.stream( values() ).map( Task::id ).collect( Collectors.joining( ", " ) ) + "." );
	}
}
