package sc.fiji.restoregan.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import sc.fiji.restoregan.pipeline.RestoreException;

/** The restoration tasks and the shipped model each one uses by default. */
public enum Task
{
	/** Photon and read noise. */
	DENOISE( "denoise", "denoise" ),
	/** Defocus and motion blur. */
	DEBLUR( "deblur", null ),
	/** Out-of-focus haze and scattered light. */
	DEHAZE( "dehaze", null ),
	/** Streaks, stripes, drops and dust. */
	DERAIN( "derain", null ),
	/** Uneven or dim illumination. */
	LIGHTING( "lighting", null ),
	/** Super-resolution. */
	SR( "sr", null ),
	/** Any mix of the above (multi-task). */
	AUTO( "auto", null );

	private final String id;

	private final String defaultModel;

	Task( final String id, final String defaultModel )
	{
		this.id = id;
		this.defaultModel = defaultModel;
	}

	/** The name used on the command line and in cards. */
	public String id()
	{
		return id;
	}

	/**
	 * The shipped model for this task.
	 *
	 * @throws RestoreException when none ships yet
	 */
	public String defaultModel()
	{
		if ( defaultModel == null )
			throw new RestoreException( "No model for task '" + id + "' ships with this version yet; tasks with a model: " + withModels() + ". Pass a model folder of your own to use one." );
		return defaultModel;
	}

	private static String withModels()
	{
		return Arrays.stream( values() ).filter( t -> t.defaultModel != null ).map( Task::id ).collect( Collectors.joining( ", " ) );
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
