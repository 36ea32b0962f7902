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
