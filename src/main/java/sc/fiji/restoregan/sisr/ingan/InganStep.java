package sc.fiji.restoregan.sisr.ingan;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import sc.fiji.restoregan.gan.Gradients;
import sc.fiji.restoregan.gan.LeastSquaresLoss;
import sc.fiji.restoregan.gan.Logits;
import sc.fiji.restoregan.train.AdamState;

/**
 * One InGAN iteration's two updates, each changing only its own network:
 * the generator's (LSGAN's generator term on the retargeted crop plus the
 * weighted L1 between the crop and the generator applied again with the
 * inverse transform, i.e. back to the crop's size; the discriminator frozen)
 * and then the discriminator's (LSGAN on the crop and the detached output).
 * Both networks' inputs get uniform noise of {@code settings.noiseAmplitude}.
 * Adam with β1 0.5, β2 0.999 for both, as in the paper.
 */
final class InganStep
{
	private static final double BETA1 = 0.5, BETA2 = 0.999;

	private final InganModel model;

	private final AdamState generatorAdam, discriminatorAdam;

	private final LeastSquaresLoss lsgan = new LeastSquaresLoss( 1 );

	/** What a generator update produced. */
	record GeneratorResult( NDArray output, double adversarial, double reconstruction )
	{}

	/**
	 * @param model the networks
	 * @param optimiserManager owns the optimisers' state (closed by the caller after the run)
	 */
	InganStep( final InganModel model, final NDManager optimiserManager )
	{
		this.model = model;
		generatorAdam = new AdamState( optimiserManager, BETA1, BETA2, 1e-8 );
		discriminatorAdam = new AdamState( optimiserManager, BETA1, BETA2, 1e-8 );
	}

	/**
	 * Updates the generator on a real crop (1, 1, h, w).
	 *
	 * @param size the output size {width, height}
	 * @param weights the discriminator's scale weights
	 * @return the output (detached, without noise) and the losses
	 */
	GeneratorResult generatorStep( final NDArray real, final int[] size, final double[] weights, final double lr )
	{
		final InganGenerator g = model.generator();
		final InganDiscriminator d = model.discriminator();
		final int w = ( int ) real.getShape().get( 3 ), h = ( int ) real.getShape().get( 2 );
		final NDArray output;
		final double adversarial, reconstruction;
		Gradients.track( d.getParameters(), false );
		try ( GradientCollector gc = Engine.getEngine( "PyTorch" ).newGradientCollector() )
		{
			final NDArray fake = g.generate( model.store(), noisy( real ), size[ 0 ], size[ 1 ], true );
			final NDArray back = g.generate( model.store(), fake, w, h, true );
			final NDArray adv = lsgan.generatorLoss( null, d.score( model.store(), noisy( fake ), weights, true ) );
			final NDArray rec = back.sub( real ).abs().mean();
			gc.backward( adv.add( Logits.times( rec, model.settings().reconstructionWeight ) ) );
			output = fake.stopGradient();
			adversarial = adv.getFloat();
			reconstruction = rec.getFloat();
		}
		finally
		{
			Gradients.track( d.getParameters(), true );
		}
		generatorAdam.step( g.getParameters(), lr );
		return new GeneratorResult( output, adversarial, reconstruction );
	}

	/** Updates the discriminator on a real crop and a (detached) generated image; returns its loss. */
	double discriminatorStep( final NDArray real, final NDArray fake, final double[] weights, final double lr )
	{
		final InganDiscriminator d = model.discriminator();
		final double loss;
		try ( GradientCollector gc = Engine.getEngine( "PyTorch" ).newGradientCollector() )
		{
			final NDArray value = lsgan.discriminatorLoss( d.score( model.store(), noisy( real ), weights, true ), d.score( model.store(), noisy( fake ), weights, true ) );
			gc.backward( value );
			loss = value.getFloat();
		}
		discriminatorAdam.step( d.getParameters(), lr );
		return loss;
	}

	private NDArray noisy( final NDArray x )
	{
		final float a = ( float ) model.settings().noiseAmplitude;
		return a > 0 ? x.add( x.getManager().randomUniform( -a, a, x.getShape() ) ) : x;
	}
}
