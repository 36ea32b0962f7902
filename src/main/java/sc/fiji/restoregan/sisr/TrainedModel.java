package sc.fiji.restoregan.sisr;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

/**
 * What every single-image model shares: its settings, the native memory its
 * networks live in, and the record of its training (updates, seconds, the
 * size of the image it learned from), written into and read from the saved
 * folder's description.
 */
public abstract class TrainedModel implements SingleImageModel
{
	private final SisrSettings settings;

	private final NDManager manager = NDManager.newBaseManager();

	private final ParameterStore store = new ParameterStore( manager, false );

	private long iterations;

	private double seconds;

	private int[] trainedOn;

	/** @param settings the settings it is trained with */
	protected TrainedModel( final SisrSettings settings )
	{
		this.settings = settings;
	}

	@Override
	public SisrSettings settings()
	{
		return settings;
	}

	@Override
	public long trainedIterations()
	{
		return iterations;
	}

	/** Owns the networks' parameters and every tensor made for them. */
	public NDManager manager()
	{
		return manager;
	}

	/** The parameter store the networks run with. */
	public ParameterStore store()
	{
		return store;
	}

	/** For trainers: counts {@code n} more updates; returns the new total. */
	public long addIterations( final long n )
	{
		iterations += n;
		return iterations;
	}

	/** For trainers: adds training time. */
	public void addSeconds( final double s )
	{
		seconds += s;
	}

	/** For trainers: the size of the image trained on. */
	public void trainedOn( final int width, final int height )
	{
		trainedOn = new int[] { width, height };
	}

	/** The size {width, height} of the image trained on (null before training). */
	public int[] trainedOn()
	{
		return trainedOn;
	}

	/** A description for saving, with the settings and the training record filled in. */
	protected ModelFolder.Description description()
	{
		final ModelFolder.Description d = new ModelFolder.Description();
		d.settings = settings;
		d.trainedIterations = iterations;
		d.trainingSeconds = seconds;
		d.trainedOn = trainedOn;
		return d;
	}

	/** Takes the training record over from a saved description. */
	protected void restoreRecord( final ModelFolder.Description d )
	{
		iterations = d.trainedIterations;
		seconds = d.trainingSeconds;
		trainedOn = d.trainedOn;
	}

	@Override
	public void close()
	{
		manager.close();
	}
}
