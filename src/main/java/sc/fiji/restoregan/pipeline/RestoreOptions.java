package sc.fiji.restoregan.pipeline;

import sc.fiji.restoregan.degrade.Kernel;
import sc.fiji.restoregan.degrade.KnownDegradation;

/**
 * Settings of a restoration run, with the defaults the commands use.
 *
 * @param tile tile size in input pixels, including the overlap (rounded up to
 *            the network's block size, raised above the overlap if needed)
 * @param overlap pixels shared by neighbouring tiles; raised to at least twice
 *            the network's receptive-field radius plus one block when smaller
 * @param lowPercentile input percentile mapped to 0 before the network
 * @param highPercentile input percentile mapped to 1 before the network
 * @param ensemble how many flips and quarter turns of each plane are restored
 *            and averaged (geometric self-ensemble): 1 (none), 2 (a mirror), 4
 *            (all mirrors) or 8 (mirrors and transposes); time grows in
 *            proportion. {@link #MODEL_ENSEMBLE} (the default) takes the
 *            model card's setting at realism 0 and none above
 *            ({@link #forModel}); a {@link Restorer} given it runs without one
 * @param known what the user knows of the degradation: the PSF the image was
 *            blurred with, which models that deconvolve with a known PSF need
 *            ({@link sc.fiji.restoregan.filter.ContextChannels#needsPsf()}) and
 *            others ignore, and the direction of stripes, which models that
 *            destripe at the estimated direction take instead of the estimate
 */
public record RestoreOptions( int tile, int overlap, double lowPercentile, double highPercentile, int ensemble, KnownDegradation known )
{
	/** Default tile size. */
	public static final int DEFAULT_TILE = 1024;

	/** Default overlap. */
	public static final int DEFAULT_OVERLAP = 128;

	/** Default lower percentile (as in CARE: 1 to 3). */
	public static final double DEFAULT_LOW = 1;

	/** Default upper percentile (as in CARE). */
	public static final double DEFAULT_HIGH = 99.8;

	/** Ensemble sizes accepted by {@link #ensemble}, besides the model's own. */
	public static final String ENSEMBLES = "1, 2, 4 or 8";

	/** {@link #ensemble} value that stands for the model card's setting. */
	public static final int MODEL_ENSEMBLE = 0;

	/**
	 * Options when nothing is known of the degradation.
	 *
	 * @see #RestoreOptions(int, int, double, double, int, KnownDegradation)
	 */
	public RestoreOptions( final int tile, final int overlap, final double lowPercentile, final double highPercentile, final int ensemble )
	{
		this( tile, overlap, lowPercentile, highPercentile, ensemble, KnownDegradation.NONE );
	}

	/** These options with this knowledge of the degradation. */
	public RestoreOptions withKnown( final KnownDegradation newKnown )
	{
		return new RestoreOptions( tile, overlap, lowPercentile, highPercentile, ensemble, newKnown );
	}

	/** These options with the PSF the image was blurred with (null: unknown). */
	public RestoreOptions withPsf( final Kernel newPsf )
	{
		return withKnown( known.withPsf( newPsf ) );
	}

	/** The PSF the image was blurred with, or null when unknown. */
	public Kernel psf()
	{
		return known.psf();
	}

	/** Checks the values, with a message for the user. */
	public RestoreOptions
	{
		if ( ensemble != MODEL_ENSEMBLE && !validEnsemble( ensemble ) )
			throw new RestoreException( "Self-ensemble size must be " + ENSEMBLES + " (or " + MODEL_ENSEMBLE + " for the model's own), not " + ensemble + "." );
		if ( known == null )
			throw new IllegalArgumentException( "What is known of the degradation may be NONE, not null" );
		if ( tile < 16 )
			throw new RestoreException( "Tile size must be at least 16 pixels, not " + tile + "." );
		if ( overlap < 0 )
			throw new RestoreException( "Overlap must be at least 0, not " + overlap + "." );
		if ( !( lowPercentile >= 0 && lowPercentile < highPercentile && highPercentile <= 100 ) )
			throw new RestoreException( "Percentiles must satisfy 0 <= low < high <= 100, not " + lowPercentile + " and " + highPercentile + "." );
	}

	/** Options with the model's own self-ensemble. */
	public RestoreOptions( final int tile, final int overlap, final double lowPercentile, final double highPercentile )
	{
		this( tile, overlap, lowPercentile, highPercentile, MODEL_ENSEMBLE );
	}

	/** Whether {@code n} flips and turns make a self-ensemble: 1, 2, 4 or 8. */
	public static boolean validEnsemble( final int n )
	{
		return n == 1 || n == 2 || n == 4 || n == 8;
	}

	/**
	 * These options for a model whose card runs it with a self-ensemble of
	 * {@code modelEnsemble}, at a realism setting: when these leave the
	 * ensemble to the model, the card's size at realism 0 and none above,
	 * since averaging flips and turns would blur the texture the GAN-trained
	 * twin adds (the ensemble is a tool for the faithful, distortion-minimising
	 * end of the knob).
	 */
	public RestoreOptions forModel( final int modelEnsemble, final double realism )
	{
		if ( ensemble != MODEL_ENSEMBLE )
			return this;
		return withEnsemble( realism == 0 && validEnsemble( modelEnsemble ) ? modelEnsemble : 1 );
	}

	/** The self-ensemble size a {@link Restorer} runs: {@link #ensemble}, or 1 when it is left to the model. */
	public int members()
	{
		return ensemble == MODEL_ENSEMBLE ? 1 : ensemble;
	}

	/** The defaults: tile 1024, overlap 128, percentiles 1 and 99.8, the model's own self-ensemble. */
	public static RestoreOptions defaults()
	{
		return new RestoreOptions( DEFAULT_TILE, DEFAULT_OVERLAP, DEFAULT_LOW, DEFAULT_HIGH );
	}

	/** The same options with another tile size and overlap. */
	public RestoreOptions withTiling( final int newTile, final int newOverlap )
	{
		return new RestoreOptions( newTile, newOverlap, lowPercentile, highPercentile, ensemble, known );
	}

	/** The same options with another self-ensemble size. */
	public RestoreOptions withEnsemble( final int newEnsemble )
	{
		return new RestoreOptions( tile, overlap, lowPercentile, highPercentile, newEnsemble, known );
	}
}
