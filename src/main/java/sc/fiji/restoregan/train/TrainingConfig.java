package sc.fiji.restoregan.train;

import sc.fiji.restoregan.nn.GeneratorArchitecture;
import sc.fiji.restoregan.nn.UNetConfig;

/**
 * Hyperparameters of supervised training (Gson-serialisable; written next to
 * checkpoints and into the model card). Fields added later keep their
 * defaults when an older configuration is read.
 */
public final class TrainingConfig
{
	/** Generator architecture (any {@link sc.fiji.restoregan.nn.GeneratorKind}; the residual U-Net by default). */
	public GeneratorArchitecture architecture = new UNetConfig();

	/** Total optimisation steps. */
	public int steps = 3000;

	/** Pairs per step. */
	public int batch = 16;

	/** Patch side in pixels of the target (multiple of the architecture's block size times its scale). */
	public int patch = 64;

	/** Peak learning rate of Adam (CARE uses 4e-4). */
	public double learningRate = 4e-4;

	/** Learning-rate schedule: cosine, linear or step (see {@link LearningRateSchedule}). */
	public String schedule = LearningRateSchedule.COSINE.label();

	/** Cosine decay ends at this fraction of the peak learning rate. */
	public double finalLearningRateFraction = 0.1;

	/** Linear schedule: the fraction of the steps at the peak before the decay to 0 starts (DeblurGAN: 0.5). */
	public double decayStart = 0.5;

	/** Step schedule: the fraction of the steps after which the rate is multiplied by {@link #stepGamma} (SinGAN: 0.8). */
	public double milestone = 0.8;

	/** Step schedule: the factor applied after the milestone (SinGAN: 0.1). */
	public double stepGamma = 0.1;

	/** Seed of the weights' initialisation and of the data. */
	public long seed = 42;

	/** A checkpoint is written every this many steps. */
	public int checkpointEvery = 100;

	/** The validation loss (on a fixed batch) is logged every this many steps. */
	public int validateEvery = 50;

	/**
	 * The supervised loss, a content objective such as {@code affine-l1+0.1*l1}
	 * (see {@code gan.ContentObjective}; terms needing a feature network are
	 * for GAN training); null, as in configurations written before it
	 * existed, for L1.
	 */
	public String content;

	/**
	 * Whether the supervised loss counts each pair's errors in the clean
	 * image's units (output and target multiplied by the range their
	 * normalisation divided by), as a PSNR over a whole image counts them.
	 * False, as in configurations written before it existed: errors count in
	 * each pair's normalised units, which weighs a region by one over its
	 * percentile range squared (under L2), so dim, flat regions most.
	 */
	public boolean cleanUnits;

	/**
	 * Whether the supervised loss counts each pair's errors in units of its
	 * expected noise standard deviation (errors in clean units divided by
	 * it), so that a pair's squared error weighs as one over its noise
	 * variance: as a mean PSNR over noise levels weighs them, rather than by
	 * the noise variance itself. False, as in configurations written before
	 * it existed. Only with pairs that give their noise levels (the denoise
	 * task's own, {@link DenoisePairSampler}), and not with
	 * {@link #cleanUnits}.
	 */
	public boolean noiseUnits;

	/**
	 * The units the supervised loss counts errors in, in words: {@code clean
	 * units} ({@link #cleanUnits}), {@code units of the noise}
	 * ({@link #noiseUnits}), or null for each pair's normalised units.
	 */
	public String lossUnits()
	{
		return noiseUnits ? "units of the noise" : cleanUnits ? "clean units" : null;
	}

	/** {@link #content}, or {@code l1} when unset. */
	public String loss()
	{
		return content == null ? "l1" : content;
	}

	/** Learning rate at {@code step} (0-based) under the {@link #schedule}. */
	public double learningRate( final long step )
	{
		return learningRate * LearningRateSchedule.of( schedule ).factor( this, step );
	}

	/** The input patch side: the target's divided by the architecture's scale. */
	public int inputPatch()
	{
		return patch / architecture.scale();
	}
}
