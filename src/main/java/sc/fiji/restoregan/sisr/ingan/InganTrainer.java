package sc.fiji.restoregan.sisr.ingan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import sc.fiji.restoregan.gan.Gradients;
import sc.fiji.restoregan.metrics.DoublePlane;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.sisr.Geometry;
import sc.fiji.restoregan.sisr.Resampling;
import sc.fiji.restoregan.sisr.SisrSettings;
import sc.fiji.restoregan.sisr.TensorPlanes;
import sc.fiji.restoregan.sisr.TrainingMonitor;

/**
 * Trains InGAN on one image. Each iteration takes a real crop of
 * {@code settings.crop} pixels (the whole image when it is smaller), turned
 * by one of the 8 square symmetries, draws an output size from the geometry
 * curriculum ({@link InganSchedule}), and makes one generator and one
 * discriminator update ({@link InganStep}) with the scheduled learning rate
 * and discriminator scale weights. {@code settings.iterations} iterations per
 * call; the paper's extra reconstruction-only generator step after 10k
 * iterations is left out.
 */
public final class InganTrainer
{
	private InganTrainer()
	{}

	/** Trains a new model on a normalised plane. */
	public static InganModel train( final DoublePlane image, final SisrSettings settings, final TrainingMonitor monitor )
	{
		Engine.getEngine( "PyTorch" ).setRandomSeed( ( int ) settings.seed );
		final InganModel model = InganModel.create( settings );
		try
		{
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
	 * another image) for {@code settings.iterations} more iterations, with
	 * fresh optimisers and the learning-rate schedule restarted; the geometry
	 * range and the discriminator weights stay where the model's iteration
	 * count puts them.
	 */
	public static InganModel resume( final InganModel model, final DoublePlane image, final TrainingMonitor monitor )
	{
		Engine.getEngine( "PyTorch" ).setRandomSeed( ( int ) ( model.settings().seed + model.trainedIterations() ) );
		run( model, image, monitor );
		return model;
	}

	private static void run( final InganModel model, final DoublePlane image, final TrainingMonitor monitor )
	{
		final SisrSettings s = model.settings();
		final long start = System.nanoTime(), before = model.trainedIterations();
		final InganSchedule schedule = new InganSchedule( s.iterations );
		final Random random = new Random( s.seed * 1_000_003L + 31L * before );
		final int multiple = model.generator().multiple(), scales = model.discriminator().scales();
		Gradients.track( model.generator().getParameters(), true ); // loaded parameters come without gradients
		Gradients.track( model.discriminator().getParameters(), true );
		monitor.stage( "InGAN", 0, 1 );
		try ( NDManager optimiser = model.manager().newSubManager() )
		{
			final InganStep step = new InganStep( model, optimiser );
			for ( int it = 0; it < s.iterations && !monitor.isCancelled(); it++ )
			{
				final long total = model.trainedIterations();
				final DoublePlane crop = Geometry.apply( randomCrop( image, s.crop, random ), random.nextInt( Geometry.COUNT ) );
				final int[] size = schedule.outputSize( random, total, crop.width, crop.height, multiple );
				final double[] weights = schedule.scaleWeights( total, scales );
				final double lr = schedule.learningRate( s.learningRate, it );
				final Map< String, Double > losses = new LinkedHashMap<>();
				try ( NDManager sub = model.manager().newSubManager() )
				{
					final NDArray real = TensorPlanes.of( sub, crop );
					final InganStep.GeneratorResult g = step.generatorStep( real, size, weights, lr );
					final double d = step.discriminatorStep( real, g.output(), weights, lr );
					losses.put( "g", g.adversarial() );
					losses.put( "d", d );
					losses.put( "reconstruction", g.reconstruction() );
				}
				monitor.losses( model.addIterations( 1 ), losses );
				monitor.step( it + 1, s.iterations );
				preview( model, monitor, it + 1 );
			}
		}
		model.addSeconds( ( System.nanoTime() - start ) * 1e-9 );
	}

	/** A random {@code crop x crop} region (each side at most the image's). */
	static DoublePlane randomCrop( final DoublePlane image, final int crop, final Random random )
	{
		final int w = Math.min( crop, image.width ), h = Math.min( crop, image.height );
		final int x = random.nextInt( image.width - w + 1 ), y = random.nextInt( image.height - h + 1 );
		return Resampling.crop( image, x, y, w, h );
	}

	/** The model's output on the preview region every {@code previewEvery} iterations. */
	private static void preview( final InganModel model, final TrainingMonitor monitor, final long done )
	{
		final DoublePlane in = monitor.previewInput();
		if ( in == null || monitor.previewEvery() <= 0 || done % monitor.previewEvery() != 0 )
			return;
		monitor.preview( done, model.apply( in, Progress.NONE ) );
	}
}
