package sc.fiji.restoregan.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import sc.fiji.restoregan.filter.ContextChannels;
import sc.fiji.restoregan.filter.PolynomialSurface;
import sc.fiji.restoregan.gan.ContentObjective;
import sc.fiji.restoregan.gan.DiscriminatorKind;
import sc.fiji.restoregan.gan.GanConfig;
import sc.fiji.restoregan.gan.GanObjective;
import sc.fiji.restoregan.gan.GanTrainer;
import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.model.ModelRegistry;
import sc.fiji.restoregan.model.StoredModel;
import sc.fiji.restoregan.gan.TrainingCard;
import sc.fiji.restoregan.model.Task;
import sc.fiji.restoregan.nn.GeneratorArchitecture;
import sc.fiji.restoregan.nn.GeneratorKind;
import sc.fiji.restoregan.nn.UNetConfig;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.train.InitialWeights;
import sc.fiji.restoregan.train.LearningRateSchedule;
import sc.fiji.restoregan.train.PairSampler;
import sc.fiji.restoregan.train.ScaledBatch;
import sc.fiji.restoregan.train.SupervisedTrainer;
import sc.fiji.restoregan.train.TrainingConfig;

/**
 * {@code train}: supervised (L1) or, with {@code --gan}, adversarial
 * training of a generator on synthetic or real pairs, with checkpoints that
 * resume exactly and an exported model folder whose card records the recipe.
 */
@Command( name = "train", mixinStandardHelpOptions = true,
		description = "Train a generator (L1, Adam; adversarially with --gan) on synthetic or real pairs; checkpoints and resumes." )
final class TrainCommand implements Callable< Integer >
{
	@Option( names = "--task", defaultValue = "denoise", description = "Task: denoise, deblur, dehaze, derain, lighting, sr or auto; picks the default degradation. Default: ${DEFAULT-VALUE}." )
	String task;

	@Option( names = "--run", description = "Run folder for checkpoints and the log." )
	Path run;

	@Option( names = "--export", description = "Model folder to write when training ends (for example models/denoise)." )
	Path export;

	@Option( names = "--out", description = "One folder for everything: checkpoints, loss log and the exported model (card.json, generator.params); stands for --run and --export." )
	Path out;

	@Option( names = "--clean", description = "Folder of clean images to crop from (besides the built-in simulations), degraded on the fly." )
	Path clean;

	@Option( names = "--exclude", split = ",", description = "File names in --clean to leave out (held out for evaluation)." )
	List< String > exclude = new ArrayList<>();

	@Option( names = "--pairs", description = "Folder with subfolders input/ and target/ of same-named images (targets --scale times larger for sr): real pairs instead of synthetic ones." )
	Path pairs;

	@Option( names = "--degradation", description = "Synthetic degradation: noise, blur, haze, streaks (streaks, stripes or drops), stripes, drops, lighting, lowres or composite. Default: the task's (denoise: the original Poisson-Gaussian sampler)." )
	String degradation;

	@Option( names = "--fields", split = ",", description = "With the lighting degradation: the illumination fields its pairs draw from, each as likely (vignette, gradient, smooth). Default: all three." )
	List< String > fields;

	@Option( names = "--untouched", defaultValue = "0", description = "Fraction of synthetic pairs left undegraded (input = target), so the network learns to leave clean images alone. Default: ${DEFAULT-VALUE}." )
	double untouched;

	@Option( names = "--tone", defaultValue = "0", description = "Fraction of clean regions given a random tone curve (gamma 0.5 to 2, inverted half the time), for more varied training images. Default: ${DEFAULT-VALUE}." )
	double tone;

	@Option( names = "--tone-invert", negatable = true, defaultValue = "true", fallbackValue = "true", description = "With --tone: invert half the tone curves (--no-tone-invert: gamma only). Default: ${DEFAULT-VALUE}." )
	boolean toneInvert;

	@Option( names = "--dead-leaves", description = "Add dead-leaves images (random grey disks with power-law radii: the statistics of natural images) to the clean sources, picked as often as each other source, so the network sees more than the given images." )
	boolean deadLeaves;

	@Option( names = "--simulated", negatable = true, defaultValue = "true", fallbackValue = "true", description = "Whether the built-in simulations (microscopy scenes; phantoms for the original denoise sampler) are among the clean sources (--no-simulated: only --clean and --dead-leaves). Default: ${DEFAULT-VALUE}." )
	boolean simulated;

	@Option( names = "--steps", defaultValue = "3000", description = "Total steps. Default: ${DEFAULT-VALUE}." )
	int steps;

	@Option( names = "--batch", defaultValue = "16", description = "Pairs per step. Default: ${DEFAULT-VALUE}." )
	int batch;

	@Option( names = "--patch", defaultValue = "64", description = "Patch size (of the target). Default: ${DEFAULT-VALUE}." )
	int patch;

	@Option( names = "--generator", description = "Generator: unet (residual U-Net), fpn (DeblurGAN-v2 FPN, MobileNet-v2-like backbone) or sr (sub-pixel super-resolution). Default: unet, or with --init and none of --generator, --filters, --depth, --shuffle, --scale, --convs, --res-blocks the starting model's architecture." )
	String generator;

	@Option( names = "--scale", description = "Upsampling factor of the sr generator: 2 or 4. Default: 2 for sr, 1 otherwise." )
	Integer scale;

	@Option( names = "--filters", description = "Width: base filters of the U-Net (default 32), base width of the FPN (default 16: stages of 16, 24, 32, 64, 160 filters) or filters of the sr body (default 32)." )
	Integer filters;

	@Option( names = "--depth", description = "Depth: U-Net poolings (default 2), FPN backbone stages (default 5, stride 2^stages) or sr residual blocks (default 4). With --init of a U-Net, a greater depth deepens it: the added levels start out as an identity, so the network starts out computing what it did, with a larger receptive field to learn to use." )
	Integer depth;

	@Option( names = "--shuffle", description = "Pixel-unshuffle factor before the U-Net (1: plain CARE U-Net). Default: 1." )
	Integer shuffle;

	@Option( names = "--convs", description = "U-Net: convolutions per level (encoder, bottom and decoder each). Like --filters, it gives the architecture: with --init, give all its options or none. Default: 2." )
	Integer convs;

	@Option( names = "--res-blocks", description = "U-Net: residual blocks (two convolutions and a skip, as in DRUNet) after each level's convolutions; such a U-Net cannot be deepened. Like --filters, it gives the architecture: with --init, give all its options or none. Default: none." )
	Integer resBlocks;

	@Option( names = "--lr", defaultValue = "4e-4", description = "Peak learning rate of the generator. Default: ${DEFAULT-VALUE}." )
	double lr;

	@Option( names = "--schedule", defaultValue = "cosine", description = "Learning-rate schedule: cosine (to 0.1 of the peak), linear (DeblurGAN: constant for half the steps, then linear to 0) or step (SinGAN: x0.1 after 80%% of the steps). Default: ${DEFAULT-VALUE}." )
	String schedule;

	@Option( names = "--seed", defaultValue = "42", description = "Seed. Default: ${DEFAULT-VALUE}." )
	long seed;

	@Option( names = "--gan", description = "Adversarial objective: vanilla, lsgan, hinge, wgan-gp, ragan, ralsgan or wgan-qc. Absent: supervised L1 training." )
	String gan;

	@Option( names = "--disc", defaultValue = "patch", description = "Discriminator (with --gan): patch (70x70 PatchGAN), double (DeblurGAN-v2) or multiscale. Default: ${DEFAULT-VALUE}." )
	String disc;

	@Option( names = "--disc-filters", defaultValue = "64", description = "Filters of the discriminator's first convolution. Default: ${DEFAULT-VALUE}." )
	int discFilters;

	@Option( names = "--disc-lr", defaultValue = "1e-4", description = "Peak learning rate of the discriminator (same schedule). Default: ${DEFAULT-VALUE}." )
	double discLr;

	@Option( names = "--content", defaultValue = "l1", description = "Content loss, a weighted sum of l1, l2, ssim, affine-l1 and affine-l2 (L1 and L2 after a least-squares affine fit of each output to its target), log-l2 (the mean over patches of 10 log10 of each patch's squared error: minus their mean PSNR), and with --gan perceptual and contextual, e.g. l1+0.5*ssim, affine-l1+0.1*l1 or 0.5*l2+0.006*perceptual. Default: ${DEFAULT-VALUE}." )
	String content;

	@Option( names = "--clean-units", description = "Count the content loss's errors in the clean image's units (each pair's output and target times the percentile range its normalisation divided by), as a PSNR over a whole image counts them; by default they count in each pair's normalised units, which weighs dim, flat regions most. Supervised training of a synthetic task only." )
	boolean cleanUnits;

	@Option( names = "--noise-units", description = "Count the content loss's errors in units of each pair's expected noise standard deviation, so that every noise level weighs in the loss as in a mean PSNR over levels (by default the noisiest pairs' errors dominate). Supervised training on the denoise task's own pairs only (not --degradation or --pairs), and not with --clean-units." )
	boolean noiseUnits;

	@Option( names = "--adv-weight", defaultValue = "0.01", description = "Weight of the adversarial loss (content weight 1). Default: ${DEFAULT-VALUE}." )
	double advWeight;

	@Option( names = "--conditional", description = "Conditional discriminator (pix2pix): it sees the input and the output together." )
	boolean conditional;

	@Option( names = "--output-pool", defaultValue = "0", description = "ragan/ralsgan: means over a pool of this many past discriminator outputs (DeblurGAN-v2: 50; 0: the batch's). Default: ${DEFAULT-VALUE}." )
	int outputPool;

	@Option( names = "--feature-network", description = "TorchScript file whose outputs are the features of the perceptual and contextual losses. Default: the discriminator's features." )
	Path featureNetwork;

	@Option( names = "--context", split = ",", description = "Context channels: scales in pixels (e.g. 16,64) of the whole-plane background and flat-field fed to the U-Net beside the image (two channels per scale). With --init, the starting model is widened to take them, with zero weights, so it starts out computing what it did. Default: none, or the starting model's." )
	double[] context;

	@Option( names = "--context-wedges", split = ",", description = "Context channels for stripes that cross the image: half-widths in degrees (e.g. 3,15) of FFT wedges; the U-Net sees the whole plane destriped by each, at the stripes' direction estimated on the plane (one channel per wedge). Widens a starting model as --context does. Default: none, or the starting model's." )
	double[] contextWedges;

	@Option( names = "--context-wedge-centres", split = ",", description = "With --context-wedges: for each wedge, the radius in cycles per pixel of the low frequencies it spares (e.g. 0.03,0.01). Default: 0.01 each." )
	double[] contextWedgeCentres;

	@Option( names = "--context-axis-wedges", split = ",", description = "Context channels for light-sheet stripes along an image axis: half-widths in degrees (e.g. 3) of FFT wedges; the U-Net sees the whole plane destriped by each along X and along Y, whatever the estimated direction (two channels per wedge). Widens a starting model as --context does. Default: none, or the starting model's." )
	double[] contextAxisWedges;

	@Option( names = "--context-axis-wedge-centres", split = ",", description = "With --context-axis-wedges: for each wedge, the radius in cycles per pixel of the low frequencies it spares. Default: 0.01 each." )
	double[] contextAxisWedgeCentres;

	@Option( names = "--context-wiener", split = ",", description = "Context channels for deblurring with a known PSF: balances (noise-to-signal power ratios, e.g. 0.003,0.03,0.3) of Wiener deconvolutions of the plane with the PSF of its blur, one channel each. The model then needs the PSF at inference (restore --psf). Default: none, or the starting model's." )
	double[] contextWiener;

	@Option( names = "--context-nlm", split = ",", description = "Context channels for denoising: strengths h, in units of the noise sigma estimated on the plane's square root (e.g. 0.6,1.2), of non-local means filterings of the plane (on its square root, 5 px patches, 13 px window), one channel each. Widens a starting model as --context does. Default: none, or the starting model's." )
	double[] contextNlm;

	@Option( names = "--context-surfaces", split = ",", description = "Context channels for uneven lighting: total degrees (1 to " + PolynomialSurface.MAX_DEGREE
			+ ", e.g. 1,2) of least-squares polynomial surfaces fitted to the whole plane, each with the plane divided by it, two channels per degree. Widens a starting model as --context does. Default: none, or the starting model's." )
	double[] contextSurfaces;

	@Option( names = "--known-direction", description = "Tell the context channels each synthetic pair's true stripe direction instead of estimating it, as a user who knows it tells Remove streaks (--stripe-direction); for a model meant to be run with the direction given." )
	boolean knownDirection;

	@Option( names = "--noise-peak", split = ",", description = "With the original denoise sampler (--task denoise, no --degradation): the photon peak range MIN,MAX it draws from, log-uniformly. Default: 5,100." )
	double[] noisePeak;

	@Option( names = "--noise-read", split = ",", description = "With the original denoise sampler: the read-noise range MIN,MAX it draws from, uniformly, as a fraction of the clean range. Default: 0.005,0.05." )
	double[] noiseRead;

	@Option( names = "--residual-over-wiener", description = "With --context-wiener: the U-Net's output is a residual of the first Wiener channel instead of the image, so it learns what the deconvolution got wrong." )
	boolean residualOverWiener;

	@Option( names = "--residual-over-wedge", description = "With --context-wedges: the U-Net's output is a residual of the first wedge channel (the plane destriped at the stripes' direction) instead of the image, so it learns what the destriping got wrong." )
	boolean residualOverWedge;

	@Option( names = "--residual-over-flat-field", description = "With --context: the U-Net's output is a residual of the flat-field at the last context scale (the plane divided by its Gaussian background) instead of the image, so it learns what the flat-field correction got wrong." )
	boolean residualOverFlatField;

	@Option( names = "--region", defaultValue = "0", description = "Side of the clean region each synthetic pair is degraded and normalised on before its patch is cut; the context channels see all of it. Default: the patch plus 32, at least 128." )
	int region;

	@Option( names = "--partner-of", description = "Train as the partner of this model (shipped name or folder), which stays fixed: the loss is taken on the mean of the two networks' outputs, as Restore averages a model with its partner (ship the result with ship --partner-of). The model must see the first of this network's context channels. Supervised training only." )
	String partnerOf;

	@Option( names = "--init", description = "Start the generator from this model folder's weights (same architecture, or widened by --context or deepened by --depth), e.g. a GAN fine-tuned from its L1 twin. Ignored when resuming." )
	String init;

	/** The --init model, read once. */
	private StoredModel start;

	@Option( names = "--resume", description = "Continue from the run folder's checkpoint." )
	boolean resume;

	@Option( names = "--export-only", description = "Do not train: write the run folder's latest checkpoint as the --export model (give the options the run was started with)." )
	boolean exportOnly;

	@Override
	public Integer call() throws Exception
	{
		if ( out != null )
		{
			run = run == null ? out : run;
			export = export == null ? out : export;
		}
		if ( run == null )
			throw new RestoreException( "Give a run folder with --run or --out." );
		if ( steps < 1 || batch < 1 )
			throw new RestoreException( "--steps and --batch must be at least 1, not " + steps + " and " + batch + "." );
		final Task t = Task.parse( task );
		final TrainingConfig config = trainingConfig();
		final GanConfig ganConfig = gan == null ? null : ganConfig( config );
		if ( ganConfig != null && partnerOf != null )
			throw new RestoreException( "--partner-of trains with a pixel loss on the mean of two networks; it does not go with --gan." );
		final PairSampler sampler = TrainingData.sampler( t, degradation, pairs, clean, Set.copyOf( exclude ), config.architecture.scale(), seed, patch,
				new TrainingData.Synthetic( untouched, region, tone, toneInvert, deadLeaves, simulated, knownDirection, noisePeak, noiseRead, TrainingData.fields( fields ) ), config.architecture.context() );
		checkLossUnits( config, sampler );
		final byte[] parameters;
		if ( exportOnly )
		{
			if ( export == null )
				throw new RestoreException( "--export-only needs --export." );
			parameters = ganConfig == null ? SupervisedTrainer.checkpointParameters( run ) : GanTrainer.checkpointGenerator( run );
		}
		else
		{
			final byte[] startWeights = initialWeights( config.architecture ); // read (and checked) before the command is recorded as part of the run
			if ( resume && ganConfig == null )
				SupervisedTrainer.checkResumable( run, config ); // another network or loss is refused before the run folder changes
			RunCommands.record( run );
			if ( ganConfig == null )
				parameters = new SupervisedTrainer( config, sampler, run ).startFrom( startWeights ).partnerOf( partnerOf == null ? null : ModelRegistry.load( partnerOf ), t.id() )
						.log( System.out::println ).train( resume, Progress.NONE ).parameters();
			else
			{
				warnAboutDoubleBackpropagation( ganConfig );
				parameters = new GanTrainer( ganConfig, sampler, run ).startFrom( startWeights ).log( System.out::println ).train( resume, Progress.NONE ).generator();
			}
		}
		if ( export != null )
			new TrainingCard( t, config, ganConfig, sampler, run ).write( export, parameters, exclude, commands(), System.out::println );
		return 0;
	}

	/**
	 * Refuses loss units the pairs cannot give, before the run folder changes:
	 * clean units need each pair's normalisation range, noise units its noise
	 * level too (one pair is drawn to see).
	 */
	private static void checkLossUnits( final TrainingConfig config, final PairSampler sampler )
	{
		if ( config.lossUnits() == null )
			return;
		final ScaledBatch one = sampler.pairs( -1, 1 );
		if ( config.noiseUnits && one.noise() == null )
			throw new RestoreException( "--noise-units needs pairs that know their noise level: the denoise task's own (not --degradation or --pairs)." );
		if ( config.cleanUnits && one.ranges() == null )
			throw new RestoreException( "--clean-units needs pairs that give their normalisation ranges (not --pairs)." );
	}

	/**
	 * The --init model's weights (checksum verified; widened when this run
	 * adds context channels), or null. The first
	 * start of a run also records which model it started from
	 * ({@link TrainingCard#INIT_FILE}), so the exported card can say so
	 * after the folder named by --init has changed.
	 */
	private byte[] initialWeights( final GeneratorArchitecture architecture ) throws IOException
	{
		if ( init == null )
			return null;
		final Path record = run.resolve( TrainingCard.INIT_FILE );
		if ( !resume && !Files.exists( record ) )
		{
			Files.createDirectories( run );
			Files.writeString( record, TrainingCard.describeInit( init, startingModel() ) + "\n" );
		}
		GeneratorArchitecture from = startingModel().architecture();
		byte[] weights = startingModel().weights();
		if ( deepens( from, architecture ) )
		{
			final UNetConfig deeper = ( ( UNetConfig ) from ).withDepth( ( ( UNetConfig ) architecture ).depth );
			weights = InitialWeights.deepen( weights, ( UNetConfig ) from, deeper );
			from = deeper;
		}
		if ( !ModelCard.sameArchitecture( architecture, from ) )
			return InitialWeights.widen( weights, from, architecture );
		return weights;
	}

	/**
	 * Whether {@code to} is the U-Net {@code from} with more poolings (and
	 * perhaps other context channels), as {@link InitialWeights#deepens}
	 * allows: --init with a greater --depth.
	 */
	private static boolean deepens( final GeneratorArchitecture from, final GeneratorArchitecture to )
	{
		return from instanceof UNetConfig f && to instanceof UNetConfig t && InitialWeights.deepens( f.withContext( t.context() ), t );
	}

	private TrainingConfig trainingConfig()
	{
		final TrainingConfig config = new TrainingConfig();
		config.steps = steps;
		config.batch = batch;
		config.patch = patch;
		config.learningRate = lr;
		config.seed = seed;
		config.content = gan == null && !"l1".equals( content ) ? content : null;
		if ( cleanUnits && gan != null )
			throw new RestoreException( "--clean-units is for supervised training; GAN training counts its content loss in normalised units." );
		config.cleanUnits = cleanUnits;
		if ( noiseUnits && ( gan != null || cleanUnits ) )
			throw new RestoreException( "--noise-units is for supervised training, and not with --clean-units." );
		config.noiseUnits = noiseUnits;
		try
		{
			SupervisedTrainer.objective( config );
			config.schedule = LearningRateSchedule.of( schedule ).label();
			config.architecture = architecture().validate();
		}
		catch ( final IllegalArgumentException e )
		{
			throw new RestoreException( e.getMessage(), e );
		}
		final int block = config.architecture.blockSize() * config.architecture.scale();
		if ( patch % block != 0 )
			throw new RestoreException( "--patch " + patch + " must be a multiple of " + block + " for " + config.architecture + "." );
		return config;
	}

	/** The --init model (read once), or null without --init. */
	private StoredModel startingModel()
	{
		if ( start == null && init != null )
			start = ModelRegistry.load( init );
		return start;
	}

	/**
	 * The generator's configuration from --generator, --filters, --depth,
	 * --shuffle, --scale, --convs, --res-blocks, --context, --context-wedges,
	 * --context-wedge-centres, --context-axis-wedges,
	 * --context-axis-wedge-centres, --context-wiener, --context-nlm,
	 * --context-surfaces and
	 * --residual-over-wiener, --residual-over-wedge or
	 * --residual-over-flat-field; with --init and none
	 * of the first seven, the starting model's (a twin or a continuation has
	 * the same architecture), with the context channels given replacing its
	 * own of that kind.
	 */
	private GeneratorArchitecture architecture()
	{
		if ( contextWedgeCentres != null && ( contextWedges == null || contextWedgeCentres.length != contextWedges.length ) )
			throw new RestoreException( "--context-wedge-centres needs --context-wedges, with one centre per wedge." );
		if ( contextAxisWedgeCentres != null && ( contextAxisWedges == null || contextAxisWedgeCentres.length != contextAxisWedges.length ) )
			throw new RestoreException( "--context-axis-wedge-centres needs --context-axis-wedges, with one centre per wedge." );
		if ( init != null && generator == null && filters == null && depth == null && shuffle == null && scale == null && convs == null && resBlocks == null )
		{
			final GeneratorArchitecture a = startingModel().architecture();
			if ( context == null && contextWedges == null && contextAxisWedges == null && contextWiener == null && contextNlm == null && contextSurfaces == null )
			{
				final ResidualBase base = residualBase();
				if ( base != null )
					throw new RestoreException( base.option + " with --init needs " + base.needs + "." );
				return a;
			}
			final ContextChannels had = a.context();
			return residualOf( a.withContext( new ContextChannels( context == null ? had.sigmas() : context, contextWedges == null ? had.wedges() : contextWedges,
					contextWedges == null ? had.centres() : contextWedgeCentres, contextAxisWedges == null ? had.axisWedges() : contextAxisWedges,
					contextAxisWedges == null ? had.axisCentres() : contextAxisWedgeCentres, contextWiener == null ? had.wiener() : contextWiener,
					contextNlm == null ? had.nlm() : contextNlm, contextSurfaces == null ? had.surfaces() : contextSurfaces ) ) );
		}
		final GeneratorKind kind = GeneratorKind.of( generator == null ? "unet" : generator );
		if ( scale != null && scale != 1 && kind != GeneratorKind.SR )
			throw new RestoreException( "--scale " + scale + " needs --generator sr." );
		final GeneratorArchitecture a = residualOf( levels( kind.configure( depth, filters, shuffle == null ? 1 : shuffle, scale ) )
				.withContext( new ContextChannels( context, contextWedges, contextWedgeCentres, contextAxisWedges, contextAxisWedgeCentres, contextWiener, contextNlm, contextSurfaces ) ) );
		if ( init != null && !ModelCard.sameArchitecture( a, startingModel().architecture().withContext( a.context() ) ) && !deepens( startingModel().architecture(), a ) )
			throw new RestoreException( "The starting model " + init + " is " + startingModel().architecture() + " but this run asks for " + a
					+ ": give the same --generator, --filters, --depth, --shuffle, --scale, --convs and --res-blocks (or a greater --depth for a U-Net without residual blocks, to deepen it), or none of them to take the starting model's." );
		return a;
	}

	/** {@code a} with --convs and --res-blocks, which only a U-Net has. */
	private GeneratorArchitecture levels( final GeneratorArchitecture a )
	{
		if ( convs == null && resBlocks == null )
			return a;
		if ( !( a instanceof UNetConfig u ) )
			throw new RestoreException( "--convs and --res-blocks shape a U-Net's levels: they need --generator unet." );
		if ( convs != null )
			u.convsPerLevel = convs;
		u.residualBlocks = resBlocks == null || resBlocks == 0 ? null : resBlocks;
		return u;
	}

	/** The context channel a U-Net's output may be a residual of, and the option that asks for it. */
	private enum ResidualBase
	{
		WIENER( "wiener", "--context-wiener" ), WEDGE( "wedge", "--context-wedges" ), FLAT_FIELD( "flat-field", "--context" );

		final String option, needs;

		ResidualBase( final String name, final String needs )
		{
			this.option = "--residual-over-" + name;
			this.needs = needs;
		}

		/** Whether the channels include this base. */
		boolean in( final ContextChannels c )
		{
			return switch ( this )
			{
			case WIENER -> c.needsPsf();
			case WEDGE -> c.wedges().length > 0;
			case FLAT_FIELD -> c.sigmas().length > 0;
			};
		}

		/** Its index among the context channels: the first Wiener or wedge channel, or the flat-field at the last scale. */
		int channel( final ContextChannels c )
		{
			return switch ( this )
			{
			case WIENER -> c.firstWienerChannel();
			case WEDGE -> c.firstWedgeChannel();
			case FLAT_FIELD -> c.lastFlatFieldChannel();
			};
		}
	}

	/** The residual base asked for (--residual-over-wiener, -wedge or -flat-field), or null. */
	private ResidualBase residualBase()
	{
		final List< ResidualBase > asked = new ArrayList<>();
		if ( residualOverWiener )
			asked.add( ResidualBase.WIENER );
		if ( residualOverWedge )
			asked.add( ResidualBase.WEDGE );
		if ( residualOverFlatField )
			asked.add( ResidualBase.FLAT_FIELD );
		if ( asked.size() > 1 )
			throw new RestoreException( "Give one of --residual-over-wiener, --residual-over-wedge and --residual-over-flat-field, not " + asked.size() + "." );
		return asked.isEmpty() ? null : asked.get( 0 );
	}

	/**
	 * The architecture with its residual over the first Wiener channel
	 * (--residual-over-wiener), the first wedge channel
	 * (--residual-over-wedge) or the flat-field at the last context scale
	 * (--residual-over-flat-field) when one is asked for.
	 */
	private GeneratorArchitecture residualOf( final GeneratorArchitecture a )
	{
		final ResidualBase base = residualBase();
		if ( base == null )
			return a;
		if ( !( a instanceof UNetConfig u ) || !u.residual || !base.in( a.context() ) || u.imageChannels() != 1 )
			throw new RestoreException( base.option + " needs a residual U-Net on one image channel with " + base.needs + "." );
		u.residualChannel = 1 + base.channel( a.context() );
		return u.validate();
	}

	private GanConfig ganConfig( final TrainingConfig config )
	{
		final GanConfig c = new GanConfig();
		c.generator = config;
		try
		{
			c.objective = GanObjective.of( gan ).label();
			c.discriminator = DiscriminatorKind.of( disc ).label();
			ContentObjective.parse( content );
		}
		catch ( final IllegalArgumentException e )
		{
			throw new RestoreException( e.getMessage(), e );
		}
		c.discriminatorFilters = discFilters;
		c.discriminatorLearningRate = discLr;
		c.content = content;
		c.adversarialWeight = advWeight;
		c.conditional = conditional;
		c.outputPool = outputPool;
		c.featureNetwork = featureNetwork == null ? null : featureNetwork.toString();
		return c;
	}

	/** WGAN-GP and WGAN-QC's regulariser back-propagate twice, which grows native memory (docs/gan-training.md). */
	private static void warnAboutDoubleBackpropagation( final GanConfig c )
	{
		final GanObjective o = GanObjective.of( c.objective );
		if ( o == GanObjective.WGAN_GP || o == GanObjective.WGAN_QC && c.transportRegulariser > 0 )
			System.err.println( "warning: " + o.label() + " back-propagates twice (gradient " + ( o == GanObjective.WGAN_GP ? "penalty" : "regulariser" )
					+ "), which grows native memory by a few MB per step in this version (see docs/gan-training.md); fine for short runs, watch long ones." );
	}

	/**
	 * The training commands that produced the run's checkpoint (the schedule
	 * depends on {@code --steps}, so a resumed run needs all of them).
	 */
	private List< String > commands() throws IOException
	{
		final List< String > recorded = RunCommands.read( run );
		return recorded != null ? recorded : List.of( "java -jar target/restoregan.jar " + String.join( " ", Main.lastArgs() ).replace( " --export-only", "" ) );
	}
}
