package sc.fiji.restoregan.gan;

import java.util.Arrays;
import java.util.Locale;

/** The discriminator architectures by their command-line names. */
public enum DiscriminatorKind
{
	/** One 70x70 PatchGAN. */
	PATCH( "patch" ),
	/** DeblurGAN-v2's double-scale discriminator (70x70 and 286x286 heads). */
	DOUBLE( "double" ),
	/** Three 70x70 heads on a 2x pyramid. */
	MULTISCALE( "multiscale" );

	private final String label;

	DiscriminatorKind( final String label )
	{
		this.label = label;
	}

	/** The command-line name. */
	public String label()
	{
		return label;
	}

	/** The kind called {@code name} (case-insensitive), or an exception listing the names. */
	public static DiscriminatorKind of( final String name )
	{
		for ( final DiscriminatorKind k : values() )
			if ( k.label.equals( name.toLowerCase( Locale.ROOT ) ) )
				return k;
		throw new IllegalArgumentException( "Unknown discriminator '" + name + "'; one of " + Arrays.stream( values() ).map( DiscriminatorKind::label ).toList() );
	}

	/**
	 * A new discriminator of this kind.
	 *
	 * @param head how each PatchGAN head is configured (channels, filters,
	 *        normalisation, minibatch std); the number of layers is set here
	 */
	public Discriminator create( final PatchConfig head )
	{
		return switch ( this )
		{
			case PATCH -> new PatchDiscriminator( head.withLayers( 3 ) );
			case DOUBLE -> MultiHeadDiscriminator.doubleScale( head );
			case MULTISCALE -> MultiHeadDiscriminator.multiScale( head, 3 );
		};
	}
}
