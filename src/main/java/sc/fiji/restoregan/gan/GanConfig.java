package sc.fiji.restoregan.gan;

import sc.fiji.restoregan.train.TrainingConfig;

/**
 * Hyperparameters of adversarial training (Gson-serialisable; written next
 * to the checkpoints). The generator's part (architecture, steps, batch,
 * patch, learning-rate schedule, seed, checkpoint and log intervals) is a
 * {@link TrainingConfig}; the rest configures the discriminator, the
 * objective and the stabilising tricks, each off or neutral by default
 * unless the literature's default is stated.
 */
public final class GanConfig
{
	/** Generator, data and schedule settings shared with supervised training. */
	public TrainingConfig generator = new TrainingConfig();

	/** Discriminator architecture: patch, double or multiscale. */
	public String discriminator = DiscriminatorKind.PATCH.label();

	/** Filters of the discriminator's first convolution (pix2pix: 64). */
	public int discriminatorFilters = 64;

	/** Adversarial objective (see {@link GanObjective}). */
	public String objective = GanObjective.RALSGAN.label();

	/** Weight of the adversarial term in the generator's loss (the content loss has weight 1). */
	public double adversarialWeight = 0.01;

	/**
	 * Content loss: a weighted sum such as {@code l1}, {@code l1+0.5*ssim}
	 * or {@code 0.5*l2+0.006*perceptual} (see {@link ContentObjective}).
	 */
	public String content = "l1";

	/**
	 * A TorchScript file for the perceptual and contextual losses' features
	 * ({@link TorchScriptFeatures}); null: the discriminator's own features.
	 */
	public String featureNetwork = null;

	/** h of the contextual loss (Mechrez et al.'s config: 0.5). */
	public double contextualBandwidth = ContextualLoss.DEFAULT_BANDWIDTH;

	/**
	 * Conditional discriminator (pix2pix): it judges the input and the
	 * output (or target) concatenated on channels, the input bilinearly
	 * upsampled to the output's size for super-resolution.
	 */
	public boolean conditional = false;

	/**
	 * DeblurGAN-v2's pool of past discriminator outputs for the relativistic
	 * objectives' means ({@link OutputPool}; 0: off, the batch's means;
	 * DeblurGAN-v2: 50). Only with ragan and ralsgan.
	 */
	public int outputPool = 0;

	/** Peak learning rate of the discriminator (follows the generator's schedule shape). */
	public double discriminatorLearningRate = 1e-4;

	/** Adam's β1 for both networks (0.5 in pix2pix, DeblurGAN v1, WGAN-QC). */
	public double beta1 = 0.5;

	/** Discriminator updates per generator update (5 in WGAN-GP and DeblurGAN v1). */
	public int criticSteps = 1;

	/** λ of the WGAN-GP gradient penalty. */
	public double gradientPenalty = 10;

	/** γ of WGAN-QC's transport regulariser. */
	public double transportRegulariser = 0.1;

	/** Discriminator's target for real images: below 1 for one-sided label smoothing (0.9). */
	public double realLabel = 1;

	/** Standard deviation of the instance noise added to the discriminator's inputs at step 0, annealed linearly to 0. */
	public double instanceNoise = 0;

	/** Weight of feature matching: L1 between the discriminator's features of real and generated images. */
	public double featureMatching = 0;

	/** Generated images kept in an {@link ImagePool} for the discriminator (0: off; pix2pix: 50). */
	public int poolSize = 0;

	/** Whether the discriminator's heads get a minibatch standard-deviation channel before scoring (ProGAN). */
	public boolean minibatchStd = false;

	/** Decay of the exponential moving average of the generator's weights (0: off; 0.999 typical). */
	public double ema = 0;

	/** Global L2 norm the gradients of each network are clipped to (0: off). */
	public double clipNorm = 0;

	/**
	 * The discriminator's learning rate at {@code step}: the generator's
	 * schedule, rescaled (constant when the generator's rate is 0).
	 */
	public double discriminatorLearningRate( final long step )
	{
		if ( generator.learningRate == 0 )
			return discriminatorLearningRate;
		return discriminatorLearningRate * generator.learningRate( step ) / generator.learningRate;
	}

	/** The instance-noise standard deviation at {@code step}. */
	public double instanceNoise( final long step )
	{
		return instanceNoise * Math.max( 0, 1 - step / ( double ) Math.max( 1, generator.steps ) );
	}
}
