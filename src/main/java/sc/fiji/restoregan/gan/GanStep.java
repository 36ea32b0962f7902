package sc.fiji.restoregan.gan;

import java.util.Random;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

import sc.fiji.restoregan.nn.Resampling;
import sc.fiji.restoregan.train.AdamState;

/**
 * One discriminator update and one generator update of adversarial
 * training, with the tricks of {@link GanConfig}. The generator is frozen
 * while the discriminator learns and vice versa, so each update changes only
 * its own network's weights and optimiser state. Random numbers (instance
 * noise, WGAN-GP's mixing weights, the contextual loss's positions) depend
 * only on the seed and the step, so a resumed run repeats them. The
 * generator's output may be larger than its input (super-resolution); the
 * discriminator judges images of the output's size.
 */
public final class GanStep
{
	private final GanConfig config;

	private final Block generator;

	private final Discriminator discriminator;

	private final ParameterStore store;

	private final AdamState generatorAdam, discriminatorAdam;

	private final GanObjective objective;

	private final AdversarialLoss adversarial;

	private final ContentObjective content;

	private final FeatureNetwork externalFeatures;

	private final WeightAverage average;

	private final ImagePool pool;

	private final OutputPool outputs;

	/**
	 * With the discriminator's own features for the perceptual and contextual
	 * losses.
	 *
	 * @see #GanStep(GanConfig, Block, Discriminator, NDManager, FeatureNetwork)
	 */
	public GanStep( final GanConfig config, final Block generator, final Discriminator discriminator, final NDManager manager )
	{
		this( config, generator, discriminator, manager, null );
	}

	/**
	 * @param config hyperparameters
	 * @param generator an initialised generator whose parameters require gradients
	 * @param discriminator an initialised discriminator whose parameters require
	 *        gradients; with {@link GanConfig#conditional} it takes the input's and
	 *        the output's channels
	 * @param manager owns the optimisers' state and the weight average
	 * @param features the feature network of the perceptual and contextual
	 *        losses; null: the discriminator's features (of the same pairs it judges)
	 */
	public GanStep( final GanConfig config, final Block generator, final Discriminator discriminator, final NDManager manager, final FeatureNetwork features )
	{
		this.config = config;
		this.generator = generator;
		this.discriminator = discriminator;
		this.store = new ParameterStore( manager, false );
		this.generatorAdam = new AdamState( manager, config.beta1, 0.999, 1e-8 );
		this.discriminatorAdam = new AdamState( manager, config.beta1, 0.999, 1e-8 );
		this.objective = GanObjective.of( config.objective );
		this.adversarial = objective.loss( config.realLabel );
		this.content = ContentObjective.parse( config.content, config.contextualBandwidth );
		this.externalFeatures = features;
		this.average = config.ema > 0 ? new WeightAverage( manager, config.ema ) : null;
		this.pool = config.poolSize > 0 ? new ImagePool( config.poolSize ) : null;
		if ( config.outputPool > 0 && !( adversarial instanceof RelativisticObjective ) )
			throw new IllegalArgumentException( "The output pool is for the relativistic objectives (ragan, ralsgan), not " + config.objective );
		this.outputs = config.outputPool > 0 ? new OutputPool( config.outputPool ) : null;
	}

	/**
	 * The losses of one discriminator update.
	 *
	 * @param loss the objective (for WGAN-QC: regression plus regulariser)
	 * @param penalty the WGAN-GP gradient penalty (0 for other objectives)
	 */
	public record DiscriminatorLosses( double loss, double penalty )
	{}

	/**
	 * The losses of one generator update.
	 *
	 * @param total the minimised sum
	 * @param content the content loss
	 * @param adversarial the adversarial loss (before weighting)
	 * @param featureMatching the feature-matching loss (before weighting; 0 when off)
	 */
	public record GeneratorLosses( double total, double content, double adversarial, double featureMatching )
	{}

	/** The generator's optimiser state. */
	public AdamState generatorAdam()
	{
		return generatorAdam;
	}

	/** The discriminator's optimiser state. */
	public AdamState discriminatorAdam()
	{
		return discriminatorAdam;
	}

	/** The average of the generator's weights, or null when EMA is off. */
	public WeightAverage average()
	{
		return average;
	}

	/** The pool of past generated images, or null when off. */
	public ImagePool pool()
	{
		return pool;
	}

	/** The pool of past discriminator outputs for the relativistic means, or null when off. */
	public OutputPool outputPool()
	{
		return outputs;
	}

	/** The parameter store both networks run with. */
	public ParameterStore store()
	{
		return store;
	}

	/**
	 * Updates the discriminator on one batch.
	 *
	 * @param input degraded images (N, C, h, w)
	 * @param target the clean images (N, C, H, W), H = h times the generator's scale
	 * @param step the training step (seeds the noise, sets the learning rate)
	 */
	public DiscriminatorLosses discriminatorStep( final NDArray input, final NDArray target, final long step )
	{
		final NDArray generated = judged( input, generator.forward( store, new NDList( input ), false ).singletonOrThrow().stopGradient() );
		final NDArray fake = pool == null ? generated : pool.query( generated, random( step, 6 ) );
		final NDArray real = noisy( judged( input, target ), step, 1 ), fakeIn = noisy( fake, step, 2 );
		final double loss, penalty;
		try ( GradientCollector gc = Engine.getEngine( "PyTorch" ).newGradientCollector() )
		{
			NDArray gp = null;
			final NDArray value;
			if ( objective == GanObjective.WGAN_QC )
				value = new WganQcLoss( config.transportRegulariser ).discriminatorLoss( discriminator, store, real, fakeIn );
			else
			{
				if ( objective == GanObjective.WGAN_GP )
					gp = new GradientPenalty( config.gradientPenalty ).penalty( discriminator, store, real, fakeIn, uniform( input.getManager(), real.getShape().get( 0 ), step ) );
				final NDList realMaps = discriminator.forward( store, new NDList( real ), true ), fakeMaps = discriminator.forward( store, new NDList( fakeIn ), true );
				value = outputs != null
						? outputs.discriminatorLoss( ( RelativisticObjective ) adversarial, realMaps, fakeMaps )
						: Scores.perHead( adversarial, realMaps, fakeMaps, true );
			}
			gc.backward( gp == null ? value : value.add( gp ) );
			loss = value.getFloat();
			penalty = gp == null ? 0 : gp.getFloat();
		}
		if ( config.clipNorm > 0 )
			Gradients.clip( discriminator.getParameters(), config.clipNorm );
		discriminatorAdam.step( discriminator.getParameters(), config.discriminatorLearningRate( step ) );
		return new DiscriminatorLosses( loss, penalty );
	}

	/**
	 * Updates the generator on one batch: content loss plus the weighted
	 * adversarial loss (plus weighted feature matching), with the
	 * discriminator frozen.
	 */
	public GeneratorLosses generatorStep( final NDArray input, final NDArray target, final long step )
	{
		final GeneratorLosses losses;
		Gradients.track( discriminator.getParameters(), false );
		try ( GradientCollector gc = Engine.getEngine( "PyTorch" ).newGradientCollector() )
		{
			final NDArray output = generator.forward( store, new NDList( input ), true ).singletonOrThrow();
			final NDArray c = content( input, output, target, step );
			final NDArray real = noisy( judged( input, target ), step, 3 ), fake = noisy( judged( input, output ), step, 4 );
			final NDList fakeMaps = discriminator.forward( store, new NDList( fake ), true );
			final NDArray adv;
			if ( objective == GanObjective.WGAN_QC )
				adv = Scores.perSample( fakeMaps ).mean().neg();
			else
			{
				final NDList realMaps = discriminator.forward( store, new NDList( real ), true );
				adv = outputs != null
						? outputs.generatorLoss( ( RelativisticObjective ) adversarial, realMaps, fakeMaps )
						: Scores.perHead( adversarial, realMaps, fakeMaps, false );
			}
			NDArray total = c.add( Logits.times( adv, config.adversarialWeight ) );
			double fm = 0;
			if ( config.featureMatching > 0 )
			{
				final NDArray matching = featureMatching( real, fake );
				total = total.add( Logits.times( matching, config.featureMatching ) );
				fm = matching.getFloat();
			}
			gc.backward( total );
			losses = new GeneratorLosses( total.getFloat(), c.getFloat(), adv.getFloat(), fm );
		}
		finally
		{
			Gradients.track( discriminator.getParameters(), true );
		}
		if ( config.clipNorm > 0 )
			Gradients.clip( generator.getParameters(), config.clipNorm );
		generatorAdam.step( generator.getParameters(), config.generator.learningRate( step ) );
		if ( average != null )
			average.update( generator.getParameters() );
		return losses;
	}

	/**
	 * The content loss of {@code output} against {@code target}; its
	 * feature-based terms use the external feature network or the
	 * discriminator's features of what it would judge (conditioned on
	 * {@code input} when conditional). Only the generator should be learning
	 * while this runs.
	 */
	public NDArray content( final NDArray input, final NDArray output, final NDArray target, final long step )
	{
		final FeatureNetwork features = externalFeatures != null ? externalFeatures : images -> discriminator.features( store, judged( input, images ), true );
		return content.loss( output, target, features, random( step, 7 ) );
	}

	/** What the discriminator sees of {@code images}: themselves, or the upsampled input and them concatenated on channels when conditional. */
	private NDArray judged( final NDArray input, final NDArray images )
	{
		if ( !config.conditional )
			return images;
		final int scale = ( int ) ( images.getShape().get( 2 ) / input.getShape().get( 2 ) );
		return Resampling.bilinear( input, scale ).concat( images, 1 );
	}

	/** Mean over the discriminator's layers of the mean absolute difference of real and generated features. */
	private NDArray featureMatching( final NDArray real, final NDArray fake )
	{
		final NDList r = discriminator.features( store, real, true ), f = discriminator.features( store, fake, true );
		final NDList terms = new NDList();
		for ( int i = 0; i < r.size(); i++ )
			terms.add( f.get( i ).sub( r.get( i ).stopGradient() ).abs().mean() );
		return NDArrays.stack( terms ).mean();
	}

	/** {@code x} plus Gaussian instance noise of the step's standard deviation (x itself when off). */
	private NDArray noisy( final NDArray x, final long step, final int salt )
	{
		final double sigma = config.instanceNoise( step );
		if ( sigma <= 0 )
			return x;
		final Random rnd = random( step, salt );
		final float[] noise = new float[ ( int ) x.size() ];
		for ( int i = 0; i < noise.length; i++ )
			noise[ i ] = ( float ) ( sigma * rnd.nextGaussian() );
		return x.add( x.getManager().create( noise, x.getShape() ) );
	}

	/** WGAN-GP's per-sample mixing weights for {@code step}. */
	private NDArray uniform( final NDManager manager, final long n, final long step )
	{
		final Random rnd = random( step, 5 );
		final float[] e = new float[ ( int ) n ];
		for ( int i = 0; i < e.length; i++ )
			e[ i ] = rnd.nextFloat();
		return manager.create( e );
	}

	private Random random( final long step, final int salt )
	{
		return new Random( config.generator.seed * 0x9E3779B97F4A7C15L + step * 31 + salt );
	}
}
