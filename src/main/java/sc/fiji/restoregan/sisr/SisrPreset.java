package sc.fiji.restoregan.sisr;

import java.util.Locale;

/** How much time a single-image method may spend: the presets of the training dialogs. */
public enum SisrPreset
{
	/** Minutes on a laptop CPU; the targets of the benchmark. */
	FAST,
	/** About three times the work of {@link #FAST}. */
	BALANCED,
	/** Closest to the papers' schedules; long on a CPU. */
	QUALITY;

	/** The lower-case name. */
	public String label()
	{
		return name().toLowerCase( Locale.ROOT );
	}

	/** Parses a label, case-insensitively. */
	public static SisrPreset parse( final String name )
	{
		for ( final SisrPreset p : values() )
			if ( p.label().equalsIgnoreCase( name.trim() ) )
				return p;
		throw new IllegalArgumentException( "Unknown preset '" + name + "' (expected fast, balanced or quality)" );
	}
}
