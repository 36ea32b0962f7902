package sc.fiji.restoregan.sisr.zssr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import sc.fiji.restoregan.gan.Gradients;
import sc.fiji.restoregan.metrics.DoublePlane;
import sc.fiji.restoregan.sisr.SisrSettings;
import sc.fiji.restoregan.sisr.TensorPlanes;
import sc.fiji.restoregan.sisr.TrainingMonitor;
import sc.fiji.restoregan.train.AdamState;

/**
 * Trains ZSSR on one image: per stage, L1 between the network's output on
 * upscaled sons and their fathers ({@link FatherSampler}), Adam (β 0.9,
 * 0.999), {@link LearningRatePolicy}; at most {@code settings.iterations}
 * iterations per stage. In gradual mode (x4) the second stage also draws
 * fathers from the first stage's output and is trained to upscale it.
 */
public final class ZssrTrainer
{
	private ZssrTrainer()
	{}

	/** Trains a new model on a normalised plane. */
	public static ZssrModel train( final DoublePlane image, final SisrSettings settings, final TrainingMonitor monitor )
	{
		Engine.getEngine( "PyTorch" ).setRandomSeed( ( int ) settings.seed );
		final ZssrModel model = new ZssrModel( settings );
		try
		{
			final List< Double > factors = ZssrModel.stageFactors( settings.scale );
			for ( final double f : factors )
				model.addStage( f );
			model.trainedOn( image.width, image.height );
			run( model, image, monitor );
			return model;
		}
		catch ( final RuntimeException e )
		{
			model.close();
			throw e;
		}
	}

	/**
	 * Trains an existing model further on a normalised plane (the same or
	 * another image), every stage for up to {@code settings.iterations} more
	 * iterations with a fresh learning-rate policy.
	 */
	public static ZssrModel resume( final ZssrModel model, final DoublePlane image, final TrainingMonitor monitor )
	{
		run( model, image, monitor );
		return model;
	}

	private static void run( final ZssrModel model, final DoublePlane image, final TrainingMonitor monitor )
	{
		final SisrSettings s = model.settings();
		final long start = System.nanoTime();
		final long total = ( long ) s.iterations * model.stages();
		final long[] done = { 0 };
		final List< DoublePlane > sources = new ArrayList<>( List.of( image ) );
		for ( int stage = 0; stage < model.stages(); stage++ )
			Gradients.track( model.net( stage ).getParameters(), true ); // loaded parameters come without gradients
		DoublePlane current = image;
		for ( int stage = 0; stage < model.stages() && !monitor.isCancelled(); stage++ )
		{
			monitor.stage( "ZSSR stage " + ( stage + 1 ) + " (x" + model.factor( stage ) + ")", stage, model.stages() );
			final FatherSampler sampler = new FatherSampler( sources, model.factor( stage ), s.crop, s.noiseAmplitude );
			trainStage( model, stage, sampler, current, new Random( s.seed * 1_000_003L + stage + 31L * model.trainedIterations() ), monitor, done, total );
			if ( stage + 1 < model.stages() )
			{
				current = model.applyStage( stage, current, false, s.backProjection, k -> {} );
				sources.add( 0, current );
			}
		}
		model.addIterations( done[ 0 ] );
		model.addSeconds( ( System.nanoTime() - start ) * 1e-9 );
	}

	private static void trainStage( final ZssrModel model, final int stage, final FatherSampler sampler, final DoublePlane low, final Random random, final TrainingMonitor monitor, final long[] done, final long total )
	{
		final SisrSettings s = model.settings();
		final ZssrNet net = model.net( stage );
		final NDManager manager = model.manager();
		final LearningRatePolicy policy = new LearningRatePolicy( s.learningRate );
		final DoublePlane[] reconstruction = sampler.reconstructionPair( low );
		try ( NDManager optimiser = manager.newSubManager() )
		{
			final AdamState adam = new AdamState( optimiser, 0.9, 0.999, 1e-8 );
			double error = Double.NaN;
			for ( int it = 0; it < s.iterations && !policy.finished() && !monitor.isCancelled(); it++ )
			{
				final List< DoublePlane > inputs = new ArrayList<>(), targets = new ArrayList<>();
				for ( int b = 0; b < s.batch; b++ )
				{
					final DoublePlane[] pair = sampler.sample( random );
					inputs.add( pair[ 0 ] );
					targets.add( pair[ 1 ] );
				}
				final double loss = step( model, net, adam, inputs, targets, policy.rate() );
				if ( LearningRatePolicy.testDue( it ) )
				{
					error = model.forward( stage, reconstruction[ 0 ] ).meanSquaredDifference( reconstruction[ 1 ] );
					policy.record( it, error );
				}
				if ( policy.update( it ) )
					monitor.log( String.format( "ZSSR stage %d: learning rate %.1e at iteration %d", stage + 1, policy.rate(), it ) );
				done[ 0 ]++;
				final Map< String, Double > losses = new LinkedHashMap<>();
				losses.put( "l1", loss );
				losses.put( "reconstruction", error );
				losses.put( "learning_rate", policy.rate() );
				monitor.losses( model.trainedIterations() + done[ 0 ], losses );
				monitor.step( done[ 0 ], total );
				preview( model, stage, monitor, done[ 0 ] );
			}
		}
	}

	private static double step( final ZssrModel model, final ZssrNet net, final AdamState adam, final List< DoublePlane > inputs, final List< DoublePlane > targets, final double lr )
	{
		final double value;
		try ( NDManager sub = model.manager().newSubManager() )
		{
			final NDArray in = TensorPlanes.of( sub, inputs ), target = TensorPlanes.of( sub, targets );
			try ( GradientCollector gc = Engine.getEngine( "PyTorch" ).newGradientCollector() )
			{
				final NDArray out = net.forward( model.store(), new NDList( in ), true ).singletonOrThrow();
				final NDArray loss = out.sub( target ).abs().mean();
				gc.backward( loss );
				value = loss.getFloat();
			}
		}
		adam.step( net.getParameters(), lr );
		return value;
	}

	/** Shows the current stage's output (without the self-ensemble) every {@code previewEvery} iterations. */
	private static void preview( final ZssrModel model, final int stage, final TrainingMonitor monitor, final long done )
	{
		final DoublePlane in = monitor.previewInput();
		if ( in == null || monitor.previewEvery() <= 0 || done % monitor.previewEvery() != 0 )
			return;
		DoublePlane out = in;
		for ( int s = 0; s <= stage; s++ )
			out = model.applyStage( s, out, false, 0, k -> {} );
		monitor.preview( done, out );
	}
}
