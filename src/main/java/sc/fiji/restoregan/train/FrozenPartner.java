package sc.fiji.restoregan.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

import sc.fiji.restoregan.model.StoredModel;
import sc.fiji.restoregan.nn.GeneratorArchitecture;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * A trained model held fixed beside the network being trained, so that the
 * loss is taken on the mean of the two outputs: the network learns to be the
 * model's partner ({@link sc.fiji.restoregan.model.ModelCard#meanWith}),
 * correcting what the model gets wrong rather than restoring alone. The model
 * sees the first of the training inputs' channels (its context channels must
 * be the first of the trained network's); no gradient reaches it.
 */
public final class FrozenPartner implements AutoCloseable
{
	private final Model model;

	private final Block block;

	private final ParameterStore store;

	private final int channels;

	private FrozenPartner( final Model model, final Block block, final int channels )
	{
		this.model = model;
		this.block = block;
		this.store = new ParameterStore( model.getNDManager(), false );
		this.channels = channels;
	}

	/**
	 * Loads {@code frozen} (without a partner of its own) on the CPU for
	 * training beside a network of architecture {@code trained} for
	 * {@code task}. The frozen model sees the first of the trained network's
	 * channels, not more: the training pairs carry only the trained
	 * network's.
	 *
	 * @throws RestoreException when the two cannot be averaged: another task
	 *             or scale, or context channels that are not the first of the
	 *             trained network's
	 */
	public static FrozenPartner open( final StoredModel frozen, final String task, final GeneratorArchitecture trained )
	{
		final GeneratorArchitecture a = frozen.architecture();
		if ( !task.equals( frozen.card().task ) || a.scale() != trained.scale() || !a.context().isPrefixOf( trained.context() ) )
			throw new RestoreException( "Model '" + frozen.card().name + "' (" + frozen.card().task + ", " + a + ") cannot be averaged with the network trained (" + task + ", " + trained
					+ "): it must restore the same task, upsample by as much and see the first of its context channels." );
		final Model model = Model.newInstance( "frozen " + frozen.card().name, Device.cpu(), "PyTorch" );
		try
		{
			return new FrozenPartner( model, frozen.alone().loadInto( model ), 1 + a.context().count() );
		}
		catch ( final RuntimeException e )
		{
			model.close();
			throw e;
		}
	}

	/**
	 * The mean of {@code output}, the trained network's output on
	 * {@code input}, and the frozen model's output on the same input (its
	 * first channels), the latter cut off from the gradient.
	 */
	public NDArray meanWith( final NDArray input, final NDArray output )
	{
		final NDArray seen = input.getShape().get( 1 ) == channels ? input : input.get( new NDIndex( ":, :" + channels ) );
		final NDArray other = block.forward( store, new NDList( seen ), false ).singletonOrThrow().stopGradient();
		return output.add( other ).mul( 0.5f );
	}

	@Override
	public void close()
	{
		model.close();
	}
}
