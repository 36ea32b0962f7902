package sc.fiji.restoregan.gan;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.nn.ConvolutionKernels;
import sc.fiji.restoregan.pipeline.CancelledException;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.train.InitialWeights;
import sc.fiji.restoregan.train.GeneratorPreview;
import sc.fiji.restoregan.train.PairSampler;
import sc.fiji.restoregan.train.PairTensors;
import sc.fiji.restoregan.train.ScaledBatch;

/**
 * Adversarial training of a generator (any
 * {@link sc.fiji.restoregan.nn.GeneratorKind}, built from the configuration's
 * architecture) against a discriminator ({@link GanStep} does the updates):
 * per step,
 * {@code criticSteps} discriminator updates, each on its own batch, then one
 * generator update on the last of them. Checkpoints resume exactly: both
 * networks' weights, both Adam states, the weight average and the step (the
 * data and noise of a step depend only on the seed and the step).
 * <p>
 * The run folder holds {@code gan-config.json}, {@code gan-generator.params},
 * {@code gan-discriminator.params}, {@code gan.state} (step, optimisers, weight average, image pool, output pool) and
 * {@code gan-log.csv}, whose rows average every loss over the steps since
 * the previous row and add the content loss on a fixed validation batch.
 * Cancelling writes a checkpoint first.
 * </p>
 */
public final class GanTrainer
{
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

	/** The loss log's file name in the run folder. */
	public static final String LOG = "gan-log.csv";

	private static final String HEADER = "step,d_loss,gradient_penalty,g_loss,content,adversarial,feature_matching,val_content,lr_g,lr_d,seconds\n";

	/** The names of the per-step losses, as in the log's header. */
	private static final String[] LOSSES = { "d_loss", "gradient_penalty", "g_loss", "content", "adversarial", "feature_matching" };

	private final GanConfig config;

	private final PairSampler sampler;

	private final Path runDir;

	private Consumer< String > log = s -> {};

	private BiConsumer< Long, Map< String, Double > > losses = ( step, values ) -> {};

	private GeneratorPreview preview;

	/**
	 * @param config hyperparameters
	 * @param sampler the training pairs
	 * @param runDir where checkpoints and the log go (created if needed)
	 */
	public GanTrainer( final GanConfig config, final PairSampler sampler, final Path runDir )
	{
		this.config = config;
		this.sampler = sampler;
		this.runDir = runDir;
	}

	private byte[] initialWeights;

	/**
	 * Starts a new run (not a resumed one) from these generator parameters,
	 * e.g. a GAN fine-tuned from its L1-trained twin, so the two can be
	 * interpolated (the realism knob).
	 */
	public GanTrainer startFrom( final byte[] generatorParameters )
	{
		initialWeights = generatorParameters;
		return this;
	}

	/** Where progress lines go. */
	public GanTrainer log( final Consumer< String > sink )
	{
		this.log = sink;
		return this;
	}

	/**
	 * Where the losses of every step go, for a live plot: the step (1-based)
	 * and the log's loss columns ({@code d_loss}, {@code gradient_penalty},
	 * {@code g_loss}, {@code content}, {@code adversarial},
	 * {@code feature_matching}), plus {@code val_content} when it is computed.
	 */
	public GanTrainer onLosses( final BiConsumer< Long, Map< String, Double > > sink )
	{
		this.losses = sink;
		return this;
	}

	/** Shows the generator's output on a fixed input while it trains. */
	public GanTrainer preview( final GeneratorPreview preview )
	{
		this.preview = preview;
		return this;
	}

	/**
	 * The result of a run.
	 *
	 * @param generator the generator's parameters (the weight average when EMA is on)
	 * @param discriminator the discriminator's parameters
	 * @param steps the steps trained in all
	 */
	public record Result( byte[] generator, byte[] discriminator, long steps )
	{}

	/**
	 * Trains until {@code steps}, resuming from the run folder's checkpoint
	 * when {@code resume} is set and one exists.
	 */
	public Result train( final boolean resume, final Progress progress ) throws IOException
	{
		Files.createDirectories( runDir );
		Files.writeString( runDir.resolve( "gan-config.json" ), GSON.toJson( config ) );
		final var g = config.generator;
		Engine.getEngine( "PyTorch" ).setRandomSeed( ( int ) g.seed );
		try ( NDManager manager = NDManager.newBaseManager( Device.cpu(), "PyTorch" ); TorchScriptFeatures features = externalFeatures() )
		{
			final Block generator = g.architecture.newBlock();
			generator.initialize( manager, DataType.FLOAT32, new Shape( g.batch, g.architecture.inChannels(), g.inputPatch(), g.inputPatch() ) );
			final PatchConfig head = new PatchConfig( config.discriminatorFilters, 3 );
			head.inChannels = g.architecture.outChannels() + ( config.conditional ? g.architecture.inChannels() : 0 );
			head.minibatchStd = config.minibatchStd;
			final Discriminator discriminator = DiscriminatorKind.of( config.discriminator ).create( head );
			discriminator.initialize( manager, DataType.FLOAT32, new Shape( g.batch, head.inChannels, g.patch, g.patch ) );
			final GanStep gan = new GanStep( config, generator, discriminator, manager, features );
			ConvolutionKernels.reportOnCpu( log );
			long start = 0;
			if ( resume && Files.exists( runDir.resolve( "gan.state" ) ) )
			{
				start = loadCheckpoint( generator, discriminator, gan, manager );
				log.accept( "Resumed from step " + start + " in " + runDir );
			}
			else
			{
				Files.writeString( runDir.resolve( LOG ), HEADER );
				InitialWeights.load( generator, initialWeights, manager );
			}
			// NB: after loading, which replaces the parameter arrays
			for ( final Block b : new Block[] { generator, discriminator } )
				b.getParameters().forEach( p -> p.getValue().getArray().setRequiresGradient( true ) );
			final ScaledBatch validation = sampler.pairs( -1, g.batch );
			final double[] sums = new double[ 6 ];
			int inSum = 0;
			final long t0 = System.nanoTime();
			for ( long step = start; step < g.steps; step++ )
			{
				if ( progress.isCancelled() )
				{
					saveCheckpoint( generator, discriminator, gan, step );
					log.accept( "Cancelled; checkpoint at step " + step + " in " + runDir );
					throw new CancelledException();
				}
				final double[] current = new double[ sums.length ];
				oneStep( gan, manager, step, current );
				inSum++;
				final long done = step + 1;
				reportLosses( done, current, sums );
				if ( preview != null )
					preview.after( done, generator, gan.store(), manager );
				if ( done % g.validateEvery == 0 || done == g.steps )
				{
					final double val = validationContent( generator, gan, manager, validation );
					losses.accept( done, Map.of( "val_content", val ) );
					final double seconds = ( System.nanoTime() - t0 ) / 1e9;
					final StringBuilder row = new StringBuilder().append( done );
					for ( final double s : sums )
						row.append( String.format( Locale.ROOT, ",%.6f", s / inSum ) );
					row.append( String.format( Locale.ROOT, ",%.6f,%.3g,%.3g,%.1f%n", val, g.learningRate( step ), config.discriminatorLearningRate( step ), seconds ) );
					Files.writeString( runDir.resolve( LOG ), row.toString(), StandardOpenOption.APPEND );
					final double perStep = seconds / ( done - start );
					log.accept( String.format( Locale.ROOT, "step %d/%d  D %.4f  G %.4f  content %.5f  val %.5f  %.2f s/step  ETA %.0f min", done, g.steps, sums[ 0 ] / inSum, sums[ 2 ] / inSum, sums[ 3 ] / inSum, val, perStep, perStep * ( g.steps - done ) / 60 ) );
					java.util.Arrays.fill( sums, 0 );
					inSum = 0;
				}
				if ( done % g.checkpointEvery == 0 || done == g.steps )
					saveCheckpoint( generator, discriminator, gan, done );
				progress.update( done, g.steps, "GAN training step " + done + "/" + g.steps );
			}
			return new Result( exportedGenerator( generator, gan ), ModelStore.parameters( discriminator ), g.steps );
		}
	}

	/** Adds a step's losses to the sums and hands them on by name. */
	private void reportLosses( final long done, final double[] current, final double[] sums )
	{
		final Map< String, Double > values = new LinkedHashMap<>();
		for ( int i = 0; i < current.length; i++ )
		{
			sums[ i ] += current[ i ];
			values.put( LOSSES[ i ], current[ i ] );
		}
		losses.accept( done, values );
	}

	/** The user's feature network, or null for the discriminator's features. */
	private TorchScriptFeatures externalFeatures()
	{
		return config.featureNetwork == null ? null : new TorchScriptFeatures( Path.of( config.featureNetwork ) );
	}

	/** The critic updates and the generator update of one step; adds the losses to {@code sums}. */
	private void oneStep( final GanStep gan, final NDManager manager, final long step, final double[] sums )
	{
		final int n = Math.max( 1, config.criticSteps );
		final int b = config.generator.batch;
		for ( int k = 0; k < n; k++ )
		{
			final ScaledBatch batch = sampler.pairs( step * n + k, b );
			try ( NDManager sub = manager.newSubManager() )
			{
				final NDList pair = PairTensors.of( sub, batch );
				final NDArray x = pair.get( 0 ), t = pair.get( 1 );
				final GanStep.DiscriminatorLosses d = gan.discriminatorStep( x, t, step );
				sums[ 0 ] += d.loss() / n;
				sums[ 1 ] += d.penalty() / n;
				if ( k == n - 1 )
				{
					final GanStep.GeneratorLosses gl = gan.generatorStep( x, t, step );
					sums[ 2 ] += gl.total();
					sums[ 3 ] += gl.content();
					sums[ 4 ] += gl.adversarial();
					sums[ 5 ] += gl.featureMatching();
				}
			}
		}
	}

	private static double validationContent( final Block generator, final GanStep gan, final NDManager manager, final ScaledBatch batch )
	{
		try ( NDManager sub = manager.newSubManager() )
		{
			final NDList pair = PairTensors.of( sub, batch );
			final NDArray y = generator.forward( gan.store(), new NDList( pair.get( 0 ) ), false ).singletonOrThrow();
			return gan.content( pair.get( 0 ), y, pair.get( 1 ), -1 ).getFloat();
		}
	}

	private static byte[] exportedGenerator( final Block generator, final GanStep gan )
	{
		if ( gan.average() == null )
			return ModelStore.parameters( generator );
		gan.average().swap( generator.getParameters() );
		try
		{
			return ModelStore.parameters( generator );
		}
		finally
		{
			gan.average().swap( generator.getParameters() );
		}
	}

	private void saveCheckpoint( final Block generator, final Discriminator discriminator, final GanStep gan, final long step ) throws IOException
	{
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try ( DataOutputStream out = new DataOutputStream( bytes ) )
		{
			out.writeLong( step );
			gan.generatorAdam().save( out );
			gan.discriminatorAdam().save( out );
			out.writeBoolean( gan.average() != null );
			if ( gan.average() != null )
				gan.average().save( out );
			out.writeBoolean( gan.pool() != null );
			if ( gan.pool() != null )
				gan.pool().save( out );
			// NB: written only when on, so checkpoints from before the output pool still load
			if ( gan.outputPool() != null )
			{
				out.writeBoolean( true );
				gan.outputPool().save( out );
			}
		}
		ModelStore.writeAtomically( runDir.resolve( "gan-generator.params" ), ModelStore.parameters( generator ) );
		ModelStore.writeAtomically( runDir.resolve( "gan-discriminator.params" ), ModelStore.parameters( discriminator ) );
		ModelStore.writeAtomically( runDir.resolve( "gan.state" ), bytes.toByteArray() );
	}

	private long loadCheckpoint( final Block generator, final Discriminator discriminator, final GanStep gan, final NDManager manager ) throws IOException
	{
		try ( DataInputStream gp = stream( "gan-generator.params" ); DataInputStream dp = stream( "gan-discriminator.params" ); DataInputStream state = stream( "gan.state" ) )
		{
			generator.loadParameters( manager, gp );
			discriminator.loadParameters( manager, dp );
			final long step = state.readLong();
			gan.generatorAdam().load( state );
			gan.discriminatorAdam().load( state );
			if ( state.readBoolean() != ( gan.average() != null ) )
				throw new RestoreException( "The checkpoint in " + runDir + " was written with another EMA setting" );
			if ( gan.average() != null )
				gan.average().load( state );
			if ( state.readBoolean() != ( gan.pool() != null ) )
				throw new RestoreException( "The checkpoint in " + runDir + " was written with another image-pool setting" );
			if ( gan.pool() != null )
				gan.pool().load( state );
			if ( ( state.available() > 0 ) != ( gan.outputPool() != null ) )
				throw new RestoreException( "The checkpoint in " + runDir + " was written with another output-pool setting" );
			if ( gan.outputPool() != null && state.readBoolean() )
				gan.outputPool().load( state );
			return step;
		}
		catch ( final MalformedModelException e )
		{
			throw new RestoreException( "The checkpoint in " + runDir + " does not fit these networks: " + e.getMessage(), e );
		}
	}

	private DataInputStream stream( final String name ) throws IOException
	{
		return new DataInputStream( new ByteArrayInputStream( Files.readAllBytes( runDir.resolve( name ) ) ) );
	}

	/** The generator's raw weights (not their average) in a run folder's checkpoint. */
	public static byte[] checkpointGenerator( final Path runDir ) throws IOException
	{
		final Path file = runDir.resolve( "gan-generator.params" );
		if ( !Files.exists( file ) )
			throw new RestoreException( "No GAN checkpoint in " + runDir + "." );
		return Files.readAllBytes( file );
	}

	/** The step a run folder's GAN checkpoint was written at. */
	public static long checkpointStep( final Path runDir ) throws IOException
	{
		try ( DataInputStream in = new DataInputStream( Files.newInputStream( runDir.resolve( "gan.state" ) ) ) )
		{
			return in.readLong();
		}
	}

	/** The loss log's text, for tests and reports. */
	public String logText() throws IOException
	{
		return new String( Files.readAllBytes( runDir.resolve( LOG ) ), StandardCharsets.UTF_8 );
	}
}
