package sc.fiji.restoregan.degrade;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * Which artefacts the Remove streaks and drops command is told an image
 * has: any of them, or one kind that has a model of its own.
 */
public enum ArtefactKind
{
	/** Any of streaks, light-sheet stripes and drops ({@link Streaks}, {@link Stripes}, {@link Drops}). */
	ANY( "streaks, stripes or drops" ),
	/** Light-sheet stripes alone ({@link Stripes}). */
	STRIPES( "light-sheet stripes" ),
	/** Drops and dust on the optics alone ({@link Drops}). */
	DROPS( "drops or dust" );

	private final String label;

	ArtefactKind( final String label )
	{
		this.label = label;
	}

	/** The words the Restore dialog shows for it. */
	public String label()
	{
		return label;
	}

	/** The lower-case name used on the command line. */
	public String id()
	{
		return name().toLowerCase( Locale.ROOT );
	}

	/**
	 * The kind whose {@link #id()} this is (any, stripes, drops).
	 *
	 * @throws RestoreException for another name
	 */
	public static ArtefactKind parse( final String id )
	{
		for ( final ArtefactKind k : values() )
			if ( k.id().equals( id ) )
				return k;
		throw new RestoreException( "Artefacts must be " + Arrays.stream( values() ).map( ArtefactKind::id ).collect( Collectors.joining( ", " ) ) + ", not '" + id + "'." );
	}

	/** The kind a degradation's artefacts are: {@link #STRIPES} for {@link Stripes}, {@link #DROPS} for {@link Drops}, else {@link #ANY}. */
	public static ArtefactKind of( final Degradation degradation )
	{
		return degradation instanceof Stripes ? STRIPES : degradation instanceof Drops ? DROPS : ANY;
	}

	/**
	 * The kind whose {@link #label()} this is; {@link #ANY} for null.
	 *
	 * @throws RestoreException for another label, naming the choices
	 */
	public static ArtefactKind ofLabel( final String label )
	{
		for ( final ArtefactKind k : values() )
			if ( k.label.equals( label ) )
				return k;
		if ( label == null )
			return ANY;
		throw new RestoreException( "Unknown artefacts '" + label + "'; the choices are: " + Arrays.stream( values() ).map( k -> k.label ).collect( Collectors.joining( "; " ) ) + "." );
	}
}
