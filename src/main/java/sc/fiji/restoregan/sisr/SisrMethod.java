package sc.fiji.restoregan.sisr;

import java.util.Locale;

/** The single-image methods: each learns from the one image it is given. */
public enum SisrMethod
{
	/** Zero-shot super-resolution (Shocher et al. 2018): a small CNN trained on the image's own downscaled copies. */
	ZSSR,
	/** SinGAN (Shaham et al. 2019) in its super-resolution mode, plus random samples. */
	SINGAN,
	/** InGAN (Shocher et al. 2019): retargeting and super-resolution by one internal GAN. */
	INGAN;

	/** The lower-case name used on the command line and in model folders. */
	public String label()
	{
		return name().toLowerCase( Locale.ROOT );
	}

	/** Parses a label, case-insensitively, with a clear message for unknown names. */
	public static SisrMethod parse( final String name )
	{
		for ( final SisrMethod m : values() )
			if ( m.label().equalsIgnoreCase( name.trim() ) )
				return m;
		throw new IllegalArgumentException( "Unknown single-image method '" + name + "' (expected zssr, singan or ingan)" );
	}
}
