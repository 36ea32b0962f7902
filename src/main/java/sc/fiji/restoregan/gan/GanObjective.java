package sc.fiji.restoregan.gan;

import java.util.Arrays;
import java.util.Locale;

/**
 * The adversarial objectives by their command-line names. RaLSGAN
 * (DeblurGAN-v2's published setting) is the default.
 */
public enum GanObjective
{
	/** Non-saturating cross-entropy GAN (pix2pix). */
	VANILLA( "vanilla" ),
	/** Least-squares GAN. */
	LSGAN( "lsgan" ),
	/** Hinge loss (SAGAN). */
	HINGE( "hinge" ),
	/** Wasserstein GAN with gradient penalty. */
	WGAN_GP( "wgan-gp" ),
	/** Relativistic average GAN. */
	RAGAN( "ragan" ),
	/** Relativistic average least-squares GAN (default). */
	RALSGAN( "ralsgan" ),
	/** Wasserstein GAN with quadratic transport cost. */
	WGAN_QC( "wgan-qc" );

	private final String label;

	GanObjective( final String label )
	{
		this.label = label;
	}

	/** The command-line name. */
	public String label()
	{
		return label;
	}

	/** The objective called {@code name} (case-insensitive), or an exception listing the names. */
	public static GanObjective of( final String name )
	{
		for ( final GanObjective o : values() )
			if ( o.label.equals( name.toLowerCase( Locale.ROOT ) ) )
				return o;
		throw new IllegalArgumentException( "Unknown GAN objective '" + name + "'; one of " + Arrays.stream( values() ).map( GanObjective::label ).toList() );
	}

	/**
	 * The loss on score maps. WGAN-GP and WGAN-QC use the Wasserstein form
	 * here; their critics add a {@link GradientPenalty} or are trained with
	 * {@link WganQcLoss} instead.
	 *
	 * @param realLabel the real target (1, or less for one-sided label
	 *        smoothing; ignored by hinge and Wasserstein objectives)
	 */
	public AdversarialLoss loss( final double realLabel )
	{
		return switch ( this )
		{
			case VANILLA -> new NonSaturatingLoss( realLabel );
			case LSGAN -> new LeastSquaresLoss( realLabel );
			case HINGE -> new HingeLoss();
			case WGAN_GP, WGAN_QC -> new WassersteinLoss();
			case RAGAN -> new RelativisticLoss( realLabel );
			case RALSGAN -> new RelativisticLeastSquaresLoss( realLabel );
		};
	}
}
