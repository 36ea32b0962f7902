package sc.fiji.restoregan.sisr.singan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import sc.fiji.restoregan.gan.Gradients;
import sc.fiji.restoregan.metrics.DoublePlane;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.sisr.Resampling;
import sc.fiji.restoregan.sisr.SisrSettings;
import sc.fiji.restoregan.sisr.TensorPlanes;
import sc.fiji.restoregan.sisr.TrainingMonitor;
import sc.fiji.restoregan.train.AdamState;

/**
 * Trains SinGAN coarse to fine on one image (SinGAN's {@code train} and
 * {@code train_single_scale}): per scale and iteration, {@code innerSteps}
 * critic updates (WGAN loss plus the gradient penalty λ mean((|∇D(x̂)| -
 * 1)²) per pixel, λ = {@code gradientPenalty}) on fakes from fresh noise, then
 * {@code innerSteps} generator updates (−mean D(fake) + α × MSE of the
 * reconstruction from the fixed noise, α = {@code reconstructionWeight});
 * Adam (β 0.5, 0.999), learning rate ×0.1 after 80% of a scale's iterations
 * (SinGAN: milestone 1600 of 2000). The noise amplitude of a finer scale is
 * {@code noiseAmplitude} × the RMSE between the image and the upsampled
 * reconstruction of the coarser scale.
 */
public final class SinganTrainer
{
	private static final double MILESTONE = 0.8;

	private SinganTrainer()
	{}

	/** Trains a new model on a normalised plane. */
	public static SinganModel train( final DoublePlane image, final SisrSettings settings, final TrainingMonitor monitor )
	{
		Engine.getEngine( "PyTorch" ).setRandomSeed( ( int ) settings.seed );
		final SinganPyramid pyramid = new SinganPyramid( image.width, image.height, settings.scale, settings.minSize, settings.scales );
		final SinganModel model = new SinganModel( settings, pyramid );
		try
		{
			model.trainedOn( image.width, image.height );
			model.low = image.min();
			model.high = image.max();
			final Random random = new Random( settings.seed );
			model.reconstructionNoise = SinganModel.noise( pyramid.sizes[ 0 ], 1, random );
			final DoublePlane unit = SinganModel.toUnit( image, model.low, model.high );
			final long start = System.nanoTime();
			final long total = ( long ) settings.iterations * pyramid.count();
			DoublePlane reconstruction = null;
			for ( int k = 0; k < pyramid.count() && !monitor.isCancelled(); k++ )
			{
				monitor.stage( "SinGAN scale " + ( k + 1 ) + " (" + pyramid.sizes[ k ][ 0 ] + "x" + pyramid.sizes[ k ][ 1 ] + ")", k, pyramid.count() );
				final DoublePlane real = pyramid.real( unit, k );
				final DoublePlane previous = reconstruction == null ? SinganModel.zeros( pyramid.sizes[ 0 ] ) : Resampling.resize( reconstruction, real.width, real.height );
				model.amplitudes[ k ] = k == 0 ? 1 : settings.noiseAmplitude * Math.sqrt( real.meanSquaredDifference( previous ) );
				model.addGenerator();
				model.newCritic();
				reconstruction = trainScale( model, k, real, previous, random, monitor, total );
			}
			model.addSeconds( ( System.nanoTime() - start ) * 1e-9 );
			return model;
		}
		catch ( final RuntimeException e )
		{
			model.close();
			throw e;
		}
	}

	/**
	 * Trains the finest scale further on a normalised plane (normally the
	 * image it was trained on; resized to the finest scale's size), for
	 * {@code settings.iterations} more iterations.
	 */
	public static SinganModel resume( final SinganModel model, final DoublePlane image, final TrainingMonitor monitor )
	{
		final SinganPyramid pyramid = model.pyramid;
		final int k = model.generators.size() - 1;
		final int[] s = pyramid.sizes[ k ];
		final DoublePlane real = SinganModel.toUnit( Resampling.resize( image, s[ 0 ], s[ 1 ] ), model.low, model.high );
		DoublePlane previous = SinganModel.zeros( pyramid.sizes[ 0 ] );
		for ( int j = 0; j < k; j++ )
			previous = Resampling.resize( model.generate( j, j == 0 ? model.reconstructionNoise : null, previous ), pyramid.sizes[ j + 1 ][ 0 ], pyramid.sizes[ j + 1 ][ 1 ] );
		final long start = System.nanoTime();
		monitor.stage( "SinGAN finest scale, continued", 0, 1 );
		trainScale( model, k, real, previous, new Random( model.settings().seed + model.trainedIterations() ), monitor, model.trainedIterations() + model.settings().iterations );
		model.addSeconds( ( System.nanoTime() - start ) * 1e-9 );
		return model;
	}

	/** Trains scale {@code k}; returns its reconstruction (in -1..1 units). */
	private static DoublePlane trainScale( final SinganModel model, final int k, final DoublePlane real, final DoublePlane previous, final Random random, final TrainingMonitor monitor, final long total )
	{
		final SisrSettings s = model.settings();
		final SinganGenerator g = model.generators.get( k );
		final SinganCritic d = model.critic;
		final NDManager manager = model.manager();
		final DoublePlane fixedNoise = k == 0 ? model.reconstructionNoise.affine( 0, model.amplitudes[ 0 ] ) : null;
		try ( NDManager optimisers = manager.newSubManager() )
		{
			final AdamState adamG = new AdamState( optimisers, 0.5, 0.999, 1e-8 ), adamD = new AdamState( optimisers, 0.5, 0.999, 1e-8 );
			for ( int it = 0; it < s.iterations && !monitor.isCancelled(); it++ )
			{
				final double lr = s.learningRate * ( it >= MILESTONE * s.iterations ? 0.1 : 1 );
				final Map< String, Double > losses = new LinkedHashMap<>();
				DoublePlane noise = null, prev = null;
				for ( int j = 0; j < s.innerSteps; j++ )
				{
					prev = model.randomPrevious( k, random );
					noise = SinganModel.noise( new int[] { real.width, real.height }, model.amplitudes[ k ], random );
					criticStep( model, d, adamD, real, model.generate( k, noise, prev ), random.nextDouble(), lr, losses );
				}
				for ( int j = 0; j < s.innerSteps; j++ )
					generatorStep( model, g, d, adamG, real, noise, prev, fixedNoise, previous, lr, losses );
				final long done = model.addIterations( 1 );
				monitor.losses( done, losses );
				monitor.step( done, total );
				preview( model, k, monitor );
			}
		}
		return model.generate( k, fixedNoise, previous );
	}

	private static void criticStep( final SinganModel model, final SinganCritic d, final AdamState adam, final DoublePlane real, final DoublePlane fake, final double epsilon, final double lr, final Map< String, Double > losses )
	{
		Gradients.track( d.getParameters(), true );
		try ( NDManager sub = model.manager().newSubManager() )
		{
			final NDArray r = TensorPlanes.of( sub, real ), f = TensorPlanes.of( sub, fake );
			try ( GradientCollector gc = Engine.getEngine( "PyTorch" ).newGradientCollector() )
			{
				final NDArray wasserstein = d.forward( model.store(), new NDList( f ), true ).singletonOrThrow().mean()
						.sub( d.forward( model.store(), new NDList( r ), true ).singletonOrThrow().mean() );
				final NDArray mixed = r.mul( ( float ) epsilon ).add( f.mul( ( float ) ( 1 - epsilon ) ) );
				final double lambda = model.settings().gradientPenalty;
				final NDArray penalty = lambda == 0 ? wasserstein.zerosLike() : penalty( d.inputGradient( model.store(), mixed ) ).mul( ( float ) lambda );
				final NDArray loss = wasserstein.add( penalty );
				gc.backward( loss );
				losses.put( "d", ( double ) loss.getFloat() );
				losses.put( "gradient_penalty", ( double ) penalty.getFloat() );
			}
		}
		adam.step( d.getParameters(), lr );
	}

	/** SinGAN's penalty: mean over pixels of (|gradient| - 1)², the norm over channels (one here). */
	static NDArray penalty( final NDArray gradient )
	{
		return gradient.square().sum( new int[] { 1 } ).add( 1e-12f ).sqrt().sub( 1f ).square().mean();
	}

	private static void generatorStep( final SinganModel model, final SinganGenerator g, final SinganCritic d, final AdamState adam, final DoublePlane real, final DoublePlane noise, final DoublePlane prev, final DoublePlane fixedNoise, final DoublePlane previous, final double lr, final Map< String, Double > losses )
	{
		Gradients.track( d.getParameters(), false );
		Gradients.track( g.getParameters(), true );
		try ( NDManager sub = model.manager().newSubManager() )
		{
			final NDArray p = TensorPlanes.of( sub, prev ), z = TensorPlanes.of( sub, noise ).add( p );
			final NDArray rp = TensorPlanes.of( sub, previous ), rz = fixedNoise == null ? rp : TensorPlanes.of( sub, fixedNoise ).add( rp );
			final NDArray r = TensorPlanes.of( sub, real );
			try ( GradientCollector gc = Engine.getEngine( "PyTorch" ).newGradientCollector() )
			{
				final NDArray fake = g.forward( model.store(), new NDList( z, p ), true ).singletonOrThrow();
				final NDArray adversarial = d.forward( model.store(), new NDList( fake ), true ).singletonOrThrow().mean().neg();
				final NDArray rec = g.forward( model.store(), new NDList( rz, rp ), true ).singletonOrThrow().sub( r ).square().mean();
				final NDArray loss = adversarial.add( rec.mul( ( float ) model.settings().reconstructionWeight ) );
				gc.backward( loss );
				losses.put( "g", ( double ) adversarial.getFloat() );
				losses.put( "reconstruction", ( double ) rec.getFloat() );
			}
		}
		adam.step( g.getParameters(), lr );
		Gradients.track( d.getParameters(), true );
	}

	private static void preview( final SinganModel model, final int k, final TrainingMonitor monitor )
	{
		final DoublePlane in = monitor.previewInput();
		if ( in == null || monitor.previewEvery() <= 0 || model.trainedIterations() % monitor.previewEvery() != 0 )
			return;
		monitor.preview( model.trainedIterations(), model.superResolve( in, k, false, Progress.NONE ) );
	}
}
