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

import sc.fiji.restoregan.train.AdamState;

/**
 * One discriminator update and one generator update of adversarial
 * training, with the tricks of {@link GanConfig}. The generator is frozen
 * while the discriminator learns and vice versa, so each update changes only
 * its own network's weights and optimiser state. Random numbers (instance
 * noise, WGAN-GP's mixing weights) depend only on the seed and the step, so
 * a resumed run repeats them.
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

	private final ContentLoss content;

	private final WeightAverage average;

	private final ImagePool pool;

	/**
	 * @param config hyperparameters
	 * @param generator an initialised generator whose parameters require gradients
	 * @param discriminator an initialised discriminator whose parameters require gradients
	 * @param manager owns the optimisers' state and the weight average
	 */
	public GanStep( final GanConfig config, final Block generator, final Discriminator discriminator, final NDManager manager )
	{
		this.config = config;
		this.generator = generator;
		this.discriminator = discriminator;
		this.store = new ParameterStore( manager, false );
		this.generatorAdam = new AdamState( manager, config.beta1, 0.999, 1e-8 );
		this.discriminatorAdam = new AdamState( manager, config.beta1, 0.999, 1e-8 );
		this.objective = GanObjective.of( config.objective );
		this.adversarial = objective.loss( config.realLabel );
		this.content = ContentLoss.of( config.content );
		this.average = config.ema > 0 ? new WeightAverage( manager, config.ema ) : null;
		this.pool = config.poolSize > 0 ? new ImagePool( config.poolSize ) : null;
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

	/** The parameter store both networks run with. */
	public ParameterStore store()
	{
		return store;
	}

	/**
	 * Updates the discriminator on one batch.
	 *
	 * @param input degraded images (N, C, H, W)
	 * @param target the clean images
	 * @param step the training step (seeds the noise, sets the learning rate)
	 */
	public DiscriminatorLosses discriminatorStep( final NDArray input, final NDArray target, final long step )
	{
		final NDArray generated = generator.forward( store, new NDList( input ), false ).singletonOrThrow().stopGradient();
		final NDArray fake = pool == null ? generated : pool.query( generated, random( step, 6 ) );
		final NDArray real = noisy( target, step, 1 ), fakeIn = noisy( fake, step, 2 );
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
				value = Scores.perHead( adversarial, discriminator.forward( store, new NDList( real ), true ), discriminator.forward( store, new NDList( fakeIn ), true ), true );
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
			final NDArray c = content.loss( output, target );
			final NDArray real = noisy( target, step, 3 ), fake = noisy( output, step, 4 );
			final NDList fakeMaps = discriminator.forward( store, new NDList( fake ), true );
			final NDArray adv = objective == GanObjective.WGAN_QC
					? Scores.perSample( fakeMaps ).mean().neg()
					: Scores.perHead( adversarial, discriminator.forward( store, new NDList( real ), true ), fakeMaps, false );
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
