package sc.fiji.restoregan.degrade;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The degradation families, each with a way to draw a degradation with
 * random parameters from the documented ranges (see
 * {@code docs/synthetic-data.md}).
 */
public enum DegradationKind
{
	/** {@link CameraNoise} with every parameter random. */
	NOISE( true ),
	/** A {@link Blur} of a random type, then mild camera noise. */
	BLUR( true ),
	/** {@link ScatterHaze} (3 in 4) or {@link AtmosphericHaze} (1 in 4). */
	HAZE( false ),
	/** {@link Streaks}, {@link Stripes} or {@link Drops}, equally likely. */
	STREAKS( true ),
	/**
	 * {@link Stripes} alone: light-sheet stripes, for a model run when the
	 * user says that the artefacts are stripes.
	 */
	STRIPES( true ),
	/**
	 * {@link Drops} alone: drops and dust on the optics, for a model run when
	 * the user says that the artefacts are drops.
	 */
	DROPS( true ),
	/** {@link Lighting} with a random field. */
	LIGHTING( false ),
	/** {@link Downsample} by the requested scale, with mild noise and sometimes JPEG. */
	LOWRES( true ),
	/** {@link Composite#random(Random, int)}: a shuffled random sequence. */
	COMPOSITE( false );

	/** Probability that random haze is microscope scatter rather than atmospheric. */
	public static final double SCATTER_HAZE_PROBABILITY = 0.75;

	private final boolean sharedNormalization;

	DegradationKind( final boolean sharedNormalization )
	{
		this.sharedNormalization = sharedNormalization;
	}

	/** The lower-case name used on the command line. */
	public String id()
	{
		return name().toLowerCase( Locale.ROOT );
	}

	/**
	 * Whether a training target should be normalised with its input's
	 * percentile map (the degradation keeps intensities: noise, blur,
	 * streaks, low resolution) rather than with its own percentiles (the
	 * degradation changes the brightness itself: haze, lighting, composites
	 * that may contain them).
	 */
	public boolean sharedNormalization()
	{
		return sharedNormalization;
	}

	/**
	 * A degradation of this kind with random parameters.
	 *
	 * @param scale the low-resolution factor for {@link #LOWRES} (2 to 4, or 0
	 *            for a random one) and {@link #COMPOSITE} (1 for none); must be
	 *            1 or 0 for the other kinds
	 */
	public Degradation random( final Random rnd, final int scale )
	{
		if ( scale > 1 && this != LOWRES && this != COMPOSITE )
			throw new IllegalArgumentException( "Only lowres and composite degradations change the scale, not " + id() );
		switch ( this )
		{
		case NOISE:
			return CameraNoise.random( rnd );
		case BLUR:
			return Composite.of( Blur.random( rnd ), CameraNoise.mild( rnd ) );
		case HAZE:
			return rnd.nextDouble() < SCATTER_HAZE_PROBABILITY ? ScatterHaze.random( rnd ) : AtmosphericHaze.random( rnd );
		case STREAKS:
		{
			final int which = rnd.nextInt( 3 );
			return which == 0 ? Streaks.random( rnd ) : which == 1 ? Stripes.random( rnd ) : Drops.random( rnd );
		}
		case STRIPES:
			return Stripes.random( rnd );
		case DROPS:
			return Drops.random( rnd );
		case LIGHTING:
			return Lighting.random( rnd );
		case LOWRES:
			return Downsample.random( scale > 1 ? scale : Downsample.SCALE.drawInt( rnd ), rnd );
		default:
			return Composite.random( rnd, Math.max( 1, scale ) );
		}
	}

	/**
	 * The kind named {@code id}, case-insensitive.
	 *
	 * @throws IllegalArgumentException naming the known kinds
	 */
	public static DegradationKind parse( final String id )
	{
		for ( final DegradationKind k : values() )
			if ( k.id().equalsIgnoreCase( id ) )
				return k;
		throw new IllegalArgumentException( "Unknown degradation kind '" + id + "'; use one of " + ids() + "." );
	}

	/** The kind names, comma-separated. */
	public static String ids()
	{
		return Arrays.stream( values() ).map( DegradationKind::id ).collect( Collectors.joining( ", " ) );
	}
}
