package sc.fiji.restoregan.degrade;

import java.util.Locale;
import java.util.Random;

import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * The user-facing parameters of one degradation, shared by the command line
 * ({@code degrade}) and the Fiji command ({@code Degrade...}), with
 * defaults. A field left at {@code NaN} (or -1 for counts) takes the
 * default of the chosen kind and type. Units are pixels, degrees and
 * fractions of the bright level (1), as documented on each degradation.
 */
public final class DegradationSettings
{
	/** The degradation family. */
	public DegradationKind kind = DegradationKind.NOISE;

	/**
	 * The variant; empty for the kind's first. Blur: gaussian, defocus,
	 * widefield, motion, anisotropic. Haze: scatter, atmospheric. Streaks:
	 * lines, stripes, drops. Lighting: vignette, gradient, smooth (the
	 * illumination field). Ignored by noise and lowres.
	 */
	public String type = "";

	/** Ignore the parameters below and draw them from the documented ranges (seeded); composite always does. */
	public boolean random;

	// -- Noise (also the noise after blur, lighting and lowres) --

	/** Photons at the bright level; default 20 (noise), 1000 (blur, lowres), 200 (lighting); 0 = no noise after blur or lowres. */
	public double peak = Double.NaN;

	/** Read-noise sigma; default 0.01 (noise), 0.002 (blur, lowres), 0.005 (lighting). */
	public double read = Double.NaN;

	/** Camera offset (noise). */
	public double offset = 0;

	/** Camera gain (noise). */
	public double gain = 1;

	/** Hot-pixel fraction (noise). */
	public double hotPixels = 0;

	/** Log-normal spread of the sCMOS read-noise map (noise). */
	public double readSpread = 0;

	// -- Blur --

	/** Gaussian sigma, or the major sigma of the anisotropic Gaussian, px. */
	public double sigma = 1.5;

	/** Minor sigma of the anisotropic Gaussian, px. */
	public double sigmaMinor = 0.7;

	/** Defocus disk radius, px. */
	public double radius = 3;

	/** Widefield Airy radius, px. */
	public double airy = 2;

	/** Widefield defocus, waves. */
	public double defocus = 1;

	/** Motion trajectory length, px. */
	public double length = 20;

	/** Motion shake parameter (0 = straight). */
	public double expl = 0.005;

	/** Motion exposure fraction. */
	public double exposure = 1;

	/** Direction in degrees from +X towards +Y: anisotropic blur axis, streaks, stripes. */
	public double angle = 0;

	// -- Haze --

	/** Scatter-haze scales, px. */
	public double[] hazeSigmas = { 10, 25 };

	/** Scatter-haze weights, one per scale. */
	public double[] hazeWeights = { 0.8, 0.5 };

	/** Scatter-haze offset. */
	public double hazeOffset = 0.02;

	/** Atmospheric airlight. */
	public double airlight = 0.9;

	/** Smallest atmospheric transmission, or the transmission of drops; default 0.3 (haze), 0.6 (drops). */
	public double transmission = Double.NaN;

	/** Atmospheric transmission-map feature size, px. */
	public double mapScale = 128;

	// -- Streaks, stripes, drops --

	/** Number of streaks (30), stripes (20) or drops (8); -1 for the default. */
	public int count = -1;

	/** Spread of the streak angles, degrees. */
	public double angleSpread = 5;

	/** Streak cross-section sigma (0.8) or largest stripe sigma (3), px. */
	public double width = Double.NaN;

	/** Streak strength or stripe depth. */
	public double strength = 0.5;

	/** Fraction of dark streaks. */
	public double darkFraction = 0.3;

	/** Largest drop radius, px. */
	public double dropRadius = 12;

	/** Blur under a drop, px. */
	public double dropBlur = 3;

	// -- Lighting --

	/** Darkest relative illumination. */
	public double minimum = 0.3;

	/** Global dimming. */
	public double dimming = 0.3;

	/** Response exponent. */
	public double gamma = 1;

	// -- Low resolution --

	/** Reduction factor; -1 for the default: 2 for lowres, 1 (no downsampling step) for composite. */
	public int scale = -1;

	/** Anti-aliasing sigma, px; default {@code (scale - 1) / 2}. */
	public double antiAlias = Double.NaN;

	/** JPEG quality after downsampling, 0 for none. */
	public int jpeg = 0;

	/**
	 * The degradation these settings describe.
	 *
	 * @param rnd randomness for parameters drawn at construction (motion
	 *            trajectories, random settings)
	 * @throws RestoreException for a parameter out of its valid range or an
	 *             unknown type
	 */
	public Degradation build( final Random rnd )
	{
		try
		{
			if ( random || kind == DegradationKind.COMPOSITE )
				return kind.random( rnd, kind == DegradationKind.LOWRES || kind == DegradationKind.COMPOSITE ? scale() : 1 );
			switch ( kind )
			{
			case NOISE:
				return new CameraNoise( or( peak, 20 ), or( read, 0.01 ), offset, gain, hotPixels, readSpread );
			case BLUR:
				return withNoise( blur( rnd ), or( peak, 1000 ), or( read, 0.002 ) );
			case HAZE:
				return haze();
			case STREAKS:
				return streaks();
			case STRIPES:
				return stripes();
			case DROPS:
				return drops();
			case LIGHTING:
				return new Lighting( IlluminationField.parse( variant( "vignette" ) ), minimum, dimming, or( peak, 200 ), or( read, 0.005 ), gamma );
			default:
				return new Downsample( scale(), or( antiAlias, Downsample.defaultSigma( scale() ) ), or( peak, 1000 ) > 0 ? CameraNoise.poissonGaussian( or( peak, 1000 ), or( read, 0.002 ) ) : null,
						jpeg > 0 ? new JpegCompression( jpeg ) : null );
			}
		}
		catch ( final IllegalArgumentException e )
		{
			throw new RestoreException( "Cannot build the " + kind.id() + " degradation: " + e.getMessage(), e );
		}
	}

	private int scale()
	{
		return scale >= 1 ? scale : kind == DegradationKind.LOWRES ? 2 : 1;
	}

	private Blur blur( final Random rnd )
	{
		switch ( variant( "gaussian" ) )
		{
		case "gaussian":
			return Blur.gaussian( sigma );
		case "defocus":
			return Blur.defocus( radius );
		case "widefield":
			return Blur.widefield( airy, defocus );
		case "motion":
			return Blur.motion( rnd, length, expl, exposure );
		case "anisotropic":
			return Blur.anisotropic( sigma, sigmaMinor, angle );
		default:
			throw unknown( "gaussian, defocus, widefield, motion, anisotropic" );
		}
	}

	private Degradation haze()
	{
		switch ( variant( "scatter" ) )
		{
		case "scatter":
			return new ScatterHaze( hazeSigmas, hazeWeights, hazeOffset );
		case "atmospheric":
			return new AtmosphericHaze( airlight, or( transmission, 0.3 ), mapScale );
		default:
			throw unknown( "scatter, atmospheric" );
		}
	}

	private Degradation streaks()
	{
		switch ( variant( "lines" ) )
		{
		case "lines":
			return new Streaks( count < 0 ? 30 : count, angle, angleSpread, or( width, 0.8 ), strength, darkFraction );
		case "stripes":
			return stripes();
		case "drops":
			return drops();
		default:
			throw unknown( "lines, stripes, drops" );
		}
	}

	private Stripes stripes()
	{
		return new Stripes( count < 0 ? 20 : count, angle, strength, or( width, 3 ) );
	}

	private Drops drops()
	{
		return new Drops( count < 0 ? 8 : count, dropRadius, or( transmission, 0.6 ), dropBlur );
	}

	private static Degradation withNoise( final Degradation d, final double peak, final double read )
	{
		return peak > 0 ? Composite.of( d, CameraNoise.poissonGaussian( peak, read ) ) : d;
	}

	private String variant( final String first )
	{
		return type == null || type.isBlank() ? first : type.trim().toLowerCase( Locale.ROOT );
	}

	private IllegalArgumentException unknown( final String known )
	{
		return new IllegalArgumentException( "unknown type '" + type + "' (use " + known + ")" );
	}

	private static double or( final double value, final double fallback )
	{
		return Double.isNaN( value ) ? fallback : value;
	}
}
