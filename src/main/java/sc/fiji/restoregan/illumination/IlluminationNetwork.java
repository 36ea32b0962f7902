package sc.fiji.restoregan.illumination;

import java.util.List;
import java.util.Locale;

import sc.fiji.restoregan.nn.UNetConfig;
import sc.fiji.restoregan.train.CleanSource;
import sc.fiji.restoregan.train.TrainingConfig;

/**
 * The two networks of an illumination estimate and how each is trained:
 * U-Nets of 16 filters on two input planes (the field network also on
 * four), not residual, trained with the
 * squared error in batches of 16 under the default cosine schedule from
 * 4e-4.
 */
public enum IlluminationNetwork
{
	/** The log field, from the plane averaged to 64 px: 4 poolings. */
	FIELD( 4, 42 ),
	/** The log gamma, from 64 px tiles: 3 poolings. */
	GAMMA( 3, 43 );

	private final int depth;

	/** The seed of the shipped network's training. */
	public final long seed;

	IlluminationNetwork( final int depth, final long seed )
	{
		this.depth = depth;
		this.seed = seed;
	}

	/** The name on the command line and in cards: field or gamma. */
	public String label()
	{
		return name().toLowerCase( Locale.ROOT );
	}

	/** The network for a label. */
	public static IlluminationNetwork of( final String label )
	{
		for ( final IlluminationNetwork n : values() )
			if ( n.label().equals( label ) )
				return n;
		throw new IllegalArgumentException( "Unknown illumination network '" + label + "': field or gamma" );
	}

	/** Its architecture on the two planes of {@link IlluminationInputs#of}. */
	public UNetConfig architecture()
	{
		return architecture( IlluminationInputs.PLAIN_PLANES );
	}

	/**
	 * Its architecture on {@code planes} input planes:
	 * {@value IlluminationInputs#PLAIN_PLANES}, or for the field network
	 * also {@value IlluminationInputs#EXTREME_PLANES}
	 * ({@link IlluminationInputs#field}).
	 *
	 * @throws IllegalArgumentException for another number
	 */
	public UNetConfig architecture( final int planes )
	{
		if ( this == GAMMA && planes != IlluminationInputs.PLAIN_PLANES )
			throw new IllegalArgumentException( "The gamma network sees " + IlluminationInputs.PLAIN_PLANES + " input planes, not " + planes );
		IlluminationInputs.checkFieldPlanes( planes );
		final UNetConfig a = new UNetConfig( depth, 16 );
		a.inChannels = planes;
		a.residual = false;
		return a;
	}

	/** Its training settings for a run of {@code steps} steps on two input planes. */
	public TrainingConfig config( final int steps, final long seed )
	{
		return config( steps, seed, IlluminationInputs.PLAIN_PLANES );
	}

	/** Its training settings for a run of {@code steps} steps on {@code planes} input planes ({@link #architecture(int)}). */
	public TrainingConfig config( final int steps, final long seed, final int planes )
	{
		final TrainingConfig c = new TrainingConfig();
		c.architecture = architecture( planes );
		c.steps = steps;
		c.batch = 16;
		c.patch = IlluminationInputs.SIZE;
		c.content = "l2";
		c.checkpointEvery = 250;
		c.validateEvery = 100;
		c.seed = seed;
		return c;
	}

	/** Its training pairs, two input planes each, from the clean sources of {@link LitPairs#sources}. */
	public LitPairs sampler( final List< CleanSource > sources, final long seed )
	{
		return sampler( sources, seed, IlluminationInputs.PLAIN_PLANES );
	}

	/** Its training pairs with {@code planes} input planes ({@link #architecture(int)}). */
	public LitPairs sampler( final List< CleanSource > sources, final long seed, final int planes )
	{
		architecture( planes ); // refuses a number of planes this network cannot see
		return this == FIELD ? new LitFieldPairs( sources, seed, planes ) : new LitGammaPairs( sources, seed );
	}
}
