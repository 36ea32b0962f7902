package sc.fiji.restoregan.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import ij.ImagePlus;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.restoregan.device.DeviceChoice;
import sc.fiji.restoregan.gan.GanConfig;
import sc.fiji.restoregan.gan.GanTrainer;
import sc.fiji.restoregan.gan.TrainingCard;
import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.metrics.DoublePlane;
import sc.fiji.restoregan.model.Task;
import sc.fiji.restoregan.pipeline.CancelledException;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.pipeline.RestoreOptions;
import sc.fiji.restoregan.pipeline.RestoreRunner;
import sc.fiji.restoregan.sisr.TrainingSession;
import sc.fiji.restoregan.train.GeneratorPreview;
import sc.fiji.restoregan.train.PairSampler;
import sc.fiji.restoregan.train.ScaledBatch;
import sc.fiji.restoregan.train.SupervisedTrainer;
import sc.fiji.restoregan.train.TrainingConfig;

/**
 * Training a restoration generator from Fiji: supervised (L1,
 * {@link SupervisedTrainer}) or adversarial ({@link GanTrainer}) on a
 * sampler of the user's images, with checkpoints in a temporary run folder.
 * Losses and a preview (the generator's output on the first validation
 * input) go to the {@link TrainingSession}; Stop keeps the weights of the
 * last finished step. Save writes a normal model folder (card.json and
 * weights, {@link TrainingCard}) that the Restore commands load; Apply
 * restores the image with it.
 */
public final class GeneratorJob implements TrainingJob
{
	private final Task task;

	private final TrainingConfig config;

	private final GanConfig gan;

	private final PairSampler sampler;

	private final ImagePlus image;

	private final String description;

	private final TrainingSession session;

	private final Consumer< String > log;

	private final Path run;

	private volatile byte[] parameters;

	private Path saved;

	/**
	 * @param task what the model restores (for its card)
	 * @param config generator and schedule
	 * @param gan adversarial settings, or null for L1 training
	 * @param sampler the training pairs
	 * @param image the image Apply restores
	 * @param description how the data were made, for the title and the card
	 * @param log receives log lines
	 */
	public GeneratorJob( final Task task, final TrainingConfig config, final GanConfig gan, final PairSampler sampler, final ImagePlus image, final String description,
			final Consumer< String > log )
	{
		this.task = task;
		this.config = config;
		this.gan = gan;
		this.sampler = sampler;
		this.image = image;
		this.description = description;
		this.log = log;
		this.session = new TrainingSession( log );
		try
		{
			this.run = Files.createTempDirectory( "restoregan-train-" );
		}
		catch ( final IOException e )
		{
			throw new RestoreException( "Cannot create a temporary run folder: " + e.getMessage(), e );
		}
		final ScaledBatch first = sampler.pairs( -1, 1 );
		final double[] in = new double[ first.inputs().length ];
		for ( int i = 0; i < in.length; i++ )
			in[ i ] = first.inputs()[ i ];
		session.previewOn( new DoublePlane( first.inputSize(), first.inputSize(), in ), Math.max( 1, config.steps / 50 ) );
	}

	@Override
	public String title()
	{
		return config.architecture.kind().label() + ( gan == null ? " (L1)" : " (" + gan.objective + ")" ) + " on " + description;
	}

	@Override
	public TrainingSession session()
	{
		return session;
	}

	@Override
	public void train()
	{
		session.stage( "Training " + config.architecture.kind().label() + ( gan == null ? " with L1" : " with " + gan.objective ), 0, 1 );
		final GeneratorPreview preview = new GeneratorPreview( session.previewInput(), session.previewEvery(), session::preview );
		final Progress progress = new Progress()
		{
			@Override
			public void update( final long done, final long total, final String message )
			{
				session.step( done, total );
			}

			@Override
			public boolean isCancelled()
			{
				return session.isCancelled();
			}
		};
		try
		{
			if ( gan == null )
				parameters = new SupervisedTrainer( config, sampler, run ).log( log ).onLosses( session::losses ).preview( preview ).train( false, progress ).parameters();
			else
				parameters = new GanTrainer( gan, sampler, run ).log( log ).onLosses( session::losses ).preview( preview ).train( false, progress ).generator();
		}
		catch ( final CancelledException e )
		{
			parameters = checkpoint();
		}
		catch ( final IOException e )
		{
			throw new RestoreException( "Training could not write to " + run + ": " + e.getMessage(), e );
		}
	}

	/** The weights at the Stop (null if it came before the first step). */
	private byte[] checkpoint()
	{
		try
		{
			return session.done() == 0 ? null : gan == null ? SupervisedTrainer.checkpointParameters( run ) : GanTrainer.checkpointGenerator( run );
		}
		catch ( final IOException e )
		{
			throw new UncheckedIOException( e );
		}
	}

	@Override
	public boolean hasModel()
	{
		return parameters != null;
	}

	@Override
	public synchronized void save( final Path folder ) throws IOException
	{
		if ( parameters == null )
			throw new RestoreException( "There is no model yet: training has not ended." );
		new TrainingCard( task, config, gan, sampler, run ).write( folder, parameters, List.of(), List.of( "Fiji: Plugins>Restore>Train generator... on " + description ), log );
		saved = folder;
	}

	@Override
	public List< ImagePlus > apply( final Progress progress )
	{
		try
		{
			synchronized ( this )
			{
				if ( saved == null )
					save( run.resolve( "model" ) );
			}
		}
		catch ( final IOException e )
		{
			throw new RestoreException( "Cannot write the model: " + e.getMessage(), e );
		}
		@SuppressWarnings( { "unchecked", "rawtypes" } )
		final Img< FloatType > out = RestoreRunner.restore( ( RandomAccessibleInterval ) ImageFiles.wrap( image ), saved.toString(), 0, DeviceChoice.parse( "auto" ), RestoreOptions.defaults(), progress, log );
		return List.of( ImageFiles.toImagePlus( out, image.getShortTitle() + "-" + task.id() ) );
	}

	@Override
	public void close()
	{
		try ( Stream< Path > files = Files.walk( run ) )
		{
			files.sorted( Comparator.reverseOrder() ).forEach( p -> p.toFile().delete() );
		}
		catch ( final IOException e )
		{
			log.accept( "Could not delete the run folder " + run + ": " + e.getMessage() );
		}
	}
}
