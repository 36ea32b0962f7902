package sc.fiji.restoregan.sisr;

/**
 * Everything a single-image method needs to train and apply (Gson
 * serialisable; saved with the model). Start from {@link #of} for a method's
 * preset, then change the knobs that matter. Fields a method does not use
 * are ignored by it (each is marked with its methods).
 */
public final class SisrSettings
{
	/** Method label (zssr, singan, ingan). */
	public String method = SisrMethod.ZSSR.label();

	/** Preset the other values came from (informative once values are changed). */
	public String preset = SisrPreset.FAST.label();

	/** Super-resolution factor (all; InGAN's output size when no retarget size is given). */
	public double scale = 2;

	/** Seed of every random choice (crops, noise, initial weights). */
	public long seed = 42;

	/** ZSSR, InGAN: training iterations in all; SinGAN: per scale. */
	public int iterations = 1000;

	/** Network width (filters per convolution; SinGAN: at the coarsest scales). */
	public int width = 64;

	/** Adam's learning rate (both networks for the GANs). */
	public double learningRate = 1e-3;

	/** Training crop size in pixels (ZSSR's HR father, InGAN's real crop). */
	public int crop = 64;

	/** Crops per iteration (ZSSR). */
	public int batch = 1;

	/** SinGAN: number of pyramid scales (0 = from {@link #minSize}). InGAN: discriminator scales (0 = from the crop). */
	public int scales = 0;

	/** SinGAN: shortest side of the coarsest scale. */
	public int minSize = 25;

	/** SinGAN: discriminator and generator updates per iteration (3 and 3 in the paper). */
	public int innerSteps = 3;

	/** SinGAN: noise amplitude factor at the finer scales (0.1 x RMSE of the upsampled reconstruction). InGAN: uniform input noise (1/255). ZSSR: Gaussian noise added to the LR sons. */
	public double noiseAmplitude = 0.1;

	/** SinGAN: reconstruction weight alpha (100 in SR mode). InGAN: reconstruction L1 weight (0.1). */
	public double reconstructionWeight = 100;

	/** SinGAN: weight of the gradient penalty (0.1). */
	public double gradientPenalty = 0.1;

	/** ZSSR and SinGAN: geometric self-ensemble (8 variants, median) at test time. */
	public boolean selfEnsemble = true;

	/**
	 * SinGAN: share of the finest generator's change kept at each
	 * super-resolution pass (1: SinGAN; 0: repeated bicubic upscaling); a
	 * test-time perception-distortion knob.
	 */
	public double detail = 1;

	/** ZSSR and SinGAN: back-projection iterations at test time (0 = off). */
	public int backProjection = 10;

	/** InGAN: output width for retargeting (0 = input width x scale). */
	public int outWidth = 0;

	/** InGAN: output height for retargeting (0 = input height x scale). */
	public int outHeight = 0;

	/** The method these settings are for. */
	public SisrMethod method()
	{
		return SisrMethod.parse( method );
	}

	/**
	 * A method's preset. The fast presets meet the targets of
	 * docs/single-image.md on a 2-core CPU; the quality presets follow the
	 * papers' schedules more closely.
	 */
	public static SisrSettings of( final SisrMethod method, final SisrPreset preset, final double scale )
	{
		final SisrSettings s = new SisrSettings();
		s.method = method.label();
		s.preset = preset.label();
		s.scale = scale;
		final int level = preset.ordinal(); // 0 fast, 1 balanced, 2 quality
		switch ( method )
		{
		case ZSSR:
			s.iterations = new int[] { 800, 1500, 3000 }[ level ];
			s.width = new int[] { 32, 64, 64 }[ level ];
			s.crop = new int[] { 64, 96, 128 }[ level ];
			s.batch = 1;
			s.learningRate = 1e-3;
			s.noiseAmplitude = 0;
			s.selfEnsemble = true;
			s.backProjection = 10;
			break;
		case SINGAN:
			s.iterations = new int[] { 300, 800, 2000 }[ level ];
			s.width = 32;
			s.minSize = new int[] { 32, 25, 18 }[ level ];
			s.innerSteps = new int[] { 1, 2, 3 }[ level ];
			s.learningRate = 5e-4;
			s.noiseAmplitude = 0.1;
			s.reconstructionWeight = 100;
			s.gradientPenalty = 0.1;
			s.backProjection = 10;
			// test time (docs/single-image.md): the self-ensemble and 3/4 of each pass's change keep
			// SinGAN's texture (NIQE) within the 2 dB of bicubic that the paper's GPU schedule reaches
			s.selfEnsemble = true;
			s.detail = 0.75;
			break;
		case INGAN:
			s.iterations = new int[] { 1500, 5000, 20000 }[ level ];
			s.width = new int[] { 16, 32, 64 }[ level ];
			s.crop = new int[] { 64, 96, 128 }[ level ];
			s.learningRate = 2e-4;
			s.noiseAmplitude = 1 / 255.0;
			s.reconstructionWeight = 0.1;
			break;
		default:
			throw new IllegalArgumentException( method.label() );
		}
		return s;
	}

	/** A field-by-field copy. */
	public SisrSettings copy()
	{
		return SisrJson.GSON.fromJson( SisrJson.GSON.toJson( this ), SisrSettings.class );
	}
}
