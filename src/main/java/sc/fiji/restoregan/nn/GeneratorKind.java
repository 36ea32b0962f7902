package sc.fiji.restoregan.nn;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The generator architectures by their command-line names, each with the
 * {@code type} its configuration carries in JSON and a default
 * configuration.
 */
public enum GeneratorKind
{
	/** The residual U-Net (CARE style, {@link ResidualUNet}). */
	UNET( "unet", UNetConfig.TYPE, UNetConfig::new ),
	/** DeblurGAN-v2's FPN with a MobileNet-v2-like backbone ({@link FpnGenerator}). */
	FPN( "fpn", FpnConfig.TYPE, FpnConfig::new ),
	/** Super-resolution: residual body and sub-pixel upsampling ({@link SrGenerator}). */
	SR( "sr", SrConfig.TYPE, SrConfig::new );

	private final String label;

	private final String type;

	private final Supplier< GeneratorArchitecture > defaults;

	GeneratorKind( final String label, final String type, final Supplier< GeneratorArchitecture > defaults )
	{
		this.label = label;
		this.type = type;
		this.defaults = defaults;
	}

	/** The command-line name. */
	public String label()
	{
		return label;
	}

	/** The {@code type} written into the configuration's JSON. */
	public String type()
	{
		return type;
	}

	/**
	 * A configuration of this kind from the training options, each null for
	 * its default: U-Net depth 2 and 32 filters (plus the pixel-unshuffle
	 * factor), FPN 5 stages of base width 16, sr 4 blocks of 32 filters.
	 *
	 * @param depth poolings, backbone stages or residual blocks, or null
	 * @param filters the width, or null
	 * @param shuffle the U-Net's pixel-unshuffle factor (1: none)
	 * @param scale the sr generator's factor, or null for 2 (other kinds: 1)
	 */
	public GeneratorArchitecture configure( final Integer depth, final Integer filters, final int shuffle, final Integer scale )
	{
		return switch ( this )
		{
			case UNET -> {
				final UNetConfig u = new UNetConfig( depth == null ? 2 : depth, filters == null ? 32 : filters );
				u.shuffle = shuffle;
				yield u;
			}
			case FPN -> FpnConfig.of( depth == null ? 5 : depth, filters == null ? 16 : filters );
			case SR -> new SrConfig( scale == null ? 2 : scale, filters == null ? 32 : filters, depth == null ? 4 : depth );
		};
	}

	/** A new configuration of this kind with the default hyperparameters. */
	public GeneratorArchitecture defaults()
	{
		return defaults.get();
	}

	/** The kind called {@code name} on the command line (case-insensitive), or an exception listing the names. */
	public static GeneratorKind of( final String name )
	{
		for ( final GeneratorKind k : values() )
			if ( k.label.equals( name.toLowerCase( Locale.ROOT ) ) )
				return k;
		throw new IllegalArgumentException( "Unknown generator '" + name + "'; one of " + Arrays.stream( values() ).map( GeneratorKind::label ).toList() );
	}

	/** The kind whose configurations carry {@code type} in JSON; null means a U-Net (cards older than the other kinds). */
	public static GeneratorKind ofType( final String type )
	{
		if ( type == null )
			return UNET;
		for ( final GeneratorKind k : values() )
			if ( k.type.equals( type ) )
				return k;
		throw new IllegalArgumentException( "Unknown architecture '" + type + "'; one of " + Arrays.stream( values() ).map( GeneratorKind::type ).toList() );
	}
}
