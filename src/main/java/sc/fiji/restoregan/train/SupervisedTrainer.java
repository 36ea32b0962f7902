package sc.fiji.restoregan.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

import sc.fiji.restoregan.gan.ContentLoss;
import sc.fiji.restoregan.gan.ContentObjective;
import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.model.StoredModel;
import sc.fiji.restoregan.nn.ConvolutionKernels;
import sc.fiji.restoregan.pipeline.CancelledException;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * Supervised training of a generator (any
 * {@link sc.fiji.restoregan.nn.GeneratorKind}, the residual U-Net by
 * default) with an L1 loss and Adam, with
 * checkpoints that resume exactly (weights, Adam moments and step; the data
 * of a step depend only on the seed and the step number).
 * <p>
 * The run folder holds {@code checkpoint.params}, {@code checkpoint.adam},
 * {@code config.json} and {@code train-log.csv} (step, loss, validation loss,
 * learning rate, elapsed seconds). Cancelling writes a checkpoint first.
 * </p>
 */
public final class SupervisedTrainer
{
	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

	private final TrainingConfig config;

	private final PairSampler sampler;

	private final Path runDir;

	private final ContentObjective objective;

	private Consumer< String > log = s -> {};

	private BiConsumer< Long, Map< String, Double > > losses = ( step, values ) -> {};

	private GeneratorPreview preview;

	/**
	 * @param config hyperparameters
	 * @param sampler the training pairs
	 * @param runDir where checkpoints and the log go (created if needed)
	 */
	public SupervisedTrainer( final TrainingConfig config, final PairSampler sampler, final Path runDir )
	{
		this.config = config;
		this.sampler = sampler;
		this.runDir = runDir;
		this.objective = objective( config );
	}

	/**
	 * The loss of a configuration.
	 *
	 * @throws IllegalArgumentException for an unknown loss or one that needs a
	 *             feature network (those are for GAN training)
	 */
	public static ContentObjective objective( final TrainingConfig config )
	{
		final ContentObjective objective = ContentObjective.parse( config.loss() );
		if ( objective.needsFeatures() )
			throw new IllegalArgumentException( "Supervised training takes pixel losses (" + Arrays.stream( ContentLoss.values() ).map( ContentLoss::label ).collect( Collectors.joining( ", " ) ) + "), not '" + config.loss() + "': perceptual and contextual losses need --gan." );
		return objective;
	}

	private byte[] initialWeights;

	private StoredModel partnerOf;

	private String partnerTask;

	/**
	 * Trains the network, for {@code task}, as the partner of {@code model}:
	 * the loss is taken on the mean of the network's output and
	 * {@code model}'s, which stays fixed ({@link FrozenPartner}).
	 */
	public SupervisedTrainer partnerOf( final StoredModel model, final String task )
	{
		partnerOf = model;
		partnerTask = task;
		return this;
	}

	/**
	 * Checks that {@code config} may resume the run in {@code runDir}: where
	 * the run has a config, its architecture must be the same (a checkpoint
	 * of another network would load into the wrong shapes), and so must its
	 * loss and the units it counts errors in (or the log would mix two
	 * losses). Configurations written before an option existed read as its
	 * default.
	 *
	 * @throws RestoreException naming both architectures, or both losses, when
	 *             they differ
	 */
	public static void checkResumable( final Path runDir, final TrainingConfig config ) throws IOException
	{
		final Path saved = runDir.resolve( "config.json" );
		if ( !Files.exists( saved ) )
			return;
		final String text = Files.readString( saved );
		final JsonElement before = JsonParser.parseString( text ).getAsJsonObject().get( "architecture" );
		final JsonElement now = JsonParser.parseString( GSON.toJson( config ) ).getAsJsonObject().get( "architecture" );
		if ( before != null && !before.equals( now ) )
			throw new RestoreException( "The run in " + runDir + " trained " + before + ", not " + now + ": resume it with the options it was started with." );
		final TrainingConfig saidBefore = GSON.fromJson( text, TrainingConfig.class );
		if ( !lossOf( saidBefore ).equals( lossOf( config ) ) )
			throw new RestoreException( "The run in " + runDir + " trained with the loss " + lossOf( saidBefore ) + ", not " + lossOf( config ) + ": resume it with the options it was started with." );
	}

	/**
	 * A configuration's loss, as its objective reads it (so that {@code L1}
	 * and {@code l1} are one loss), and the units it counts errors in.
	 */
	private static String lossOf( final TrainingConfig config )
	{
		String loss;
		try
		{
			loss = ContentObjective.parse( config.loss() ).toString();
		}
		catch ( final IllegalArgumentException e )
		{
			loss = config.loss();
		}
		return loss + ( config.lossUnits() == null ? "" : " in " + config.lossUnits() );
	}

	/**
	 * Starts a new run (not a resumed one) from these generator parameters,
	 * e.g. a GAN fine-tuned from its L1-trained twin, so the two can be
	 * interpolated (the realism knob).
	 */
	public SupervisedTrainer startFrom( final byte[] generatorParameters )
	{
		initialWeights = generatorParameters;
		return this;
	}

	/** Where progress lines go. */
	public SupervisedTrainer log( final Consumer< String > sink )
	{
		this.log = sink;
		return this;
	}

	/**
	 * Where the losses of every step go, for a live plot: the step (1-based)
	 * and {@code loss}, plus {@code validation} when it is computed.
	 */
	public SupervisedTrainer onLosses( final BiConsumer< Long, Map< String, Double > > sink )
	{
		this.losses = sink;
		return this;
	}

	/** Shows the generator's output on a fixed input while it trains. */
	public SupervisedTrainer preview( final GeneratorPreview preview )
	{
		this.preview = preview;
		return this;
	}

	/**
	 * The result of a run.
	 *
	 * @param parameters the final weights, serialised
	 * @param steps steps trained in all
	 * @param validationLoss the last validation loss
	 */
	public record Result( byte[] parameters, long steps, double validationLoss )
	{}

	/**
	 * Trains until {@code config.steps}, resuming from the run folder's
	 * checkpoint when {@code resume} is set and one exists.
	 */
	public Result train( final boolean resume, final Progress progress ) throws IOException
	{
		if ( resume )
			checkResumable( runDir, config );
		Files.createDirectories( runDir );
		Files.writeString( runDir.resolve( "config.json" ), GSON.toJson( config ) );
		Engine.getEngine( "PyTorch" ).setRandomSeed( ( int ) config.seed );
		final int p = config.inputPatch();
		try ( Model model = Model.newInstance( "train", Device.cpu(), "PyTorch" );
				FrozenPartner partner = partnerOf == null ? null : FrozenPartner.open( partnerOf, partnerTask, config.architecture ) )
		{
			if ( partner != null )
				log.accept( "Training as the partner of '" + partnerOf.card().name + "': the loss is taken on the mean of the two outputs." );
			final Block net = config.architecture.newBlock();
			model.setBlock( net );
			final NDManager manager = model.getNDManager();
			net.initialize( manager, DataType.FLOAT32, new Shape( config.batch, config.architecture.inChannels(), p, p ) );
			final AdamState adam = new AdamState( manager, 0.9, 0.999, 1e-8 );
			ConvolutionKernels.reportOnCpu( log );
			long start = 0;
			if ( resume && Files.exists( runDir.resolve( "checkpoint.params" ) ) )
			{
				start = loadCheckpoint( net, adam, manager );
				log.accept( "Resumed from step " + start + " in " + runDir );
			}
			else
			{
				Files.writeString( runDir.resolve( "train-log.csv" ), "step,loss,val_loss,lr,seconds\n" );
				InitialWeights.load( net, initialWeights, manager );
			}
			net.getParameters().forEach( e -> e.getValue().getArray().setRequiresGradient( true ) );
			final ParameterStore store = new ParameterStore( manager, false );
			final ScaledBatch validation = sampler.pairs( -1, config.batch );
			if ( validation.inputChannels() != config.architecture.inChannels() )
				throw new RestoreException( "The generator " + config.architecture + " takes " + config.architecture.inChannels() + " input channels but the training pairs have "
						+ validation.inputChannels() + " (image and context channels); give the sampler the architecture's context channels." );
			final IdentityBaseline identity = identityBaseline( manager, validation );
			if ( identity.defined() )
				log.accept( identity.describe() );
			boolean warned = false;
			double val = Double.NaN, sum = 0;
			int inSum = 0;
			final long t0 = System.nanoTime();
			for ( long step = start; step < config.steps; step++ )
			{
				if ( progress.isCancelled() )
				{
					saveCheckpoint( net, adam, step );
					log.accept( "Cancelled; checkpoint at step " + step + " in " + runDir );
					throw new CancelledException();
				}
				final double loss = trainStep( net, store, partner, manager, adam, sampler.pairs( step, config.batch ), config.learningRate( step ) );
				sum += loss;
				inSum++;
				final long done = step + 1;
				losses.accept( done, Map.of( "loss", loss ) );
				if ( preview != null )
					preview.after( done, net, store, manager );
				if ( done % config.validateEvery == 0 || done == config.steps )
				{
					val = validationLoss( net, store, partner, manager, validation );
					losses.accept( done, Map.of( "validation", val ) );
					final double seconds = ( System.nanoTime() - t0 ) / 1e9;
					Files.writeString( runDir.resolve( "train-log.csv" ), String.format( Locale.ROOT, "%d,%.6f,%.6f,%.3g,%.1f%n", done, sum / inSum, val, config.learningRate( step ), seconds ), StandardOpenOption.APPEND );
					final double eta = seconds / ( done - start ) * ( config.steps - done );
					log.accept( String.format( Locale.ROOT, "step %d/%d  loss %.5f  val %.5f  %.2f s/step  ETA %.0f min", done, config.steps, sum / inSum, val, seconds / ( done - start ), eta / 60 ) );
					sum = 0;
					inSum = 0;
					if ( !warned && identity.stuck( val, done, config.steps ) )
					{
						log.accept( identity.warning( val, done ) );
						warned = true;
					}
				}
				if ( done % config.checkpointEvery == 0 || done == config.steps )
					saveCheckpoint( net, adam, done );
				progress.update( done, config.steps, "Training step " + done + "/" + config.steps );
			}
			return new Result( ModelStore.parameters( net ), config.steps, val );
		}
	}

	/** One optimisation step on a batch; returns its loss (the configured one, {@link #loss}). */
	private double trainStep( final Block net, final ParameterStore store, final FrozenPartner partner, final NDManager manager, final AdamState adam, final ScaledBatch batch, final double lr )
	{
		try ( NDManager sub = manager.newSubManager() )
		{
			final NDList pair = PairTensors.of( sub, batch );
			final double loss;
			try ( GradientCollector gc = Engine.getEngine( "PyTorch" ).newGradientCollector() )
			{
				final NDArray l = loss( net, store, partner, pair, true );
				gc.backward( l );
				loss = l.getFloat();
			}
			adam.step( net.getParameters(), lr );
			return loss;
		}
	}

	private double validationLoss( final Block net, final ParameterStore store, final FrozenPartner partner, final NDManager manager, final ScaledBatch batch )
	{
		try ( NDManager sub = manager.newSubManager() )
		{
			return loss( net, store, partner, PairTensors.of( sub, batch ), false ).getFloat();
		}
	}

	/**
	 * The validation loss of returning the input: L1 in normalised units as
	 * {@link IdentityBaseline#of}, or the configured loss in its units.
	 */
	private IdentityBaseline identityBaseline( final NDManager manager, final ScaledBatch validation )
	{
		if ( ( config.content == null && config.lossUnits() == null ) || validation.inputSize() != validation.targetSize() )
			return IdentityBaseline.of( validation );
		try ( NDManager sub = manager.newSubManager() )
		{
			final NDList pair = PairTensors.of( sub, validation );
			final NDArray image = pair.get( 0 ).get( ":, :1" ); // the inputs without their context channels
			return new IdentityBaseline( objective.loss( inLossUnits( image, pair ), inLossUnits( pair.get( 1 ), pair ), null, null ).getFloat() );
		}
	}

	/**
	 * The configured loss ({@link TrainingConfig#loss()}, L1 by default) of
	 * the network's output, or of its mean with {@code partner}'s when there
	 * is one, against the target.
	 */
	private NDArray loss( final Block net, final ParameterStore store, final FrozenPartner partner, final NDList pair, final boolean training )
	{
		final NDArray out = net.forward( store, new NDList( pair.get( 0 ) ), training ).singletonOrThrow();
		return objective.loss( inLossUnits( partner == null ? out : partner.meanWith( pair.get( 0 ), out ), pair ), inLossUnits( pair.get( 1 ), pair ), null, null );
	}

	/**
	 * {@code x}, in the pairs' normalised units, in the units the loss counts
	 * errors in: the same, the clean image's ({@link TrainingConfig#cleanUnits}),
	 * or the noise's ({@link TrainingConfig#noiseUnits}).
	 */
	private NDArray inLossUnits( final NDArray x, final NDList pair )
	{
		if ( config.lossUnits() == null )
			return x;
		if ( pair.size() < ( config.noiseUnits ? 4 : 3 ) )
			throw new RestoreException( config.noiseUnits ? "These training pairs do not give their noise levels, so the loss cannot count errors in units of the noise."
					: "These training pairs do not give their normalisation ranges, so the loss cannot count errors in clean units." );
		final NDArray clean = x.mul( pair.get( 2 ) );
		return config.noiseUnits ? clean.div( pair.get( 3 ) ) : clean;
	}

	private void saveCheckpoint( final Block net, final AdamState adam, final long step ) throws IOException
	{
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try ( DataOutputStream out = new DataOutputStream( bytes ) )
		{
			out.writeLong( step );
			adam.save( out );
		}
		ModelStore.writeAtomically( runDir.resolve( "checkpoint.params" ), ModelStore.parameters( net ) );
		ModelStore.writeAtomically( runDir.resolve( "checkpoint.adam" ), bytes.toByteArray() );
	}

	private long loadCheckpoint( final Block net, final AdamState adam, final NDManager manager ) throws IOException
	{
		try ( DataInputStream params = new DataInputStream( new ByteArrayInputStream( Files.readAllBytes( runDir.resolve( "checkpoint.params" ) ) ) );
				DataInputStream state = new DataInputStream( new ByteArrayInputStream( Files.readAllBytes( runDir.resolve( "checkpoint.adam" ) ) ) ) )
		{
			net.loadParameters( manager, params );
			final long step = state.readLong();
			adam.load( state );
			return step;
		}
		catch ( final MalformedModelException e )
		{
			throw new RestoreException( "The checkpoint in " + runDir + " does not fit this architecture: " + e.getMessage(), e );
		}
	}

	/** The weights stored in a run folder's checkpoint. */
	public static byte[] checkpointParameters( final Path runDir ) throws IOException
	{
		final Path file = runDir.resolve( "checkpoint.params" );
		if ( !Files.exists( file ) )
			throw new RestoreException( "No checkpoint in " + runDir + "." );
		return Files.readAllBytes( file );
	}

	/** The step a run folder's checkpoint was written at. */
	public static long checkpointStep( final Path runDir ) throws IOException
	{
		try ( DataInputStream in = new DataInputStream( Files.newInputStream( runDir.resolve( "checkpoint.adam" ) ) ) )
		{
			return in.readLong();
		}
	}

	/** The last row of a run folder's log: step, loss, validation loss, learning rate, seconds. */
	public static String[] lastLogRow( final Path runDir ) throws IOException
	{
		final List< String > lines = Files.readAllLines( runDir.resolve( "train-log.csv" ) );
		return lines.get( lines.size() - 1 ).split( "," );
	}

	/** The training log's text, for tests and reports. */
	public String logText() throws IOException
	{
		return new String( Files.readAllBytes( runDir.resolve( "train-log.csv" ) ), StandardCharsets.UTF_8 );
	}

}
