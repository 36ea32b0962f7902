package sc.fiji.restoregan.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import ai.djl.Device;
import sc.fiji.restoregan.baseline.DegradedPlane;

import sc.fiji.restoregan.model.ModelRegistry;
import sc.fiji.restoregan.model.RealismBlend;
import sc.fiji.restoregan.model.StoredModel;
import sc.fiji.restoregan.pipeline.PlaneNetwork;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.pipeline.RestoreOptions;
import sc.fiji.restoregan.pipeline.Restorer;

/**
 * The networks a benchmark measures: one model at one or more realism
 * settings (blended with its GAN-trained twin, {@link RealismBlend}), each run
 * as the benchmark runs a network ({@link #restorer}), keyed by
 * {@link RestorationBenchmark#realismKey(double)}. Closing this closes the
 * networks.
 */
public final class BenchmarkNetworks implements AutoCloseable
{
	private final List< PlaneNetwork > open = new ArrayList<>();

	private final Map< String, PlaneRestorer > restorers = new LinkedHashMap<>();

	private final RestoreOptions options;

	/** The choice of {@link #routeKnown} that routes no level. */
	public static final String NO_ROUTING = "none";

	/** The realism of each restorer opened by {@link #open}, by key. */
	private final Map< String, Double > realism = new LinkedHashMap<>();

	private BenchmarkNetworks( final RestoreOptions options )
	{
		this.options = options;
	}

	/** No networks: a benchmark of the classical baselines alone. */
	public static BenchmarkNetworks none()
	{
		return new BenchmarkNetworks( RestoreOptions.defaults() );
	}

	/**
	 * Opens {@code faithful} at each realism setting.
	 *
	 * @param task the benchmark the networks are measured on
	 * @param faithful the (L1-trained) model
	 * @param twin its GAN-trained twin, or null when every setting is 0
	 * @param realism settings from 0 (faithful) to 1 (the twin)
	 * @param options how every network here is run (the plugin's defaults,
	 *            or a self-ensemble)
	 * @param device where to run
	 * @throws RestoreException when a setting needs a twin there is not, or
	 *             the model's scale does not fit the task
	 */
	public static BenchmarkNetworks open( final BenchmarkTask task, final StoredModel faithful, final StoredModel twin, final List< Double > realism, final RestoreOptions options, final Device device )
	{
		final BenchmarkNetworks networks = new BenchmarkNetworks( options );
		try
		{
			for ( final double r : realism )
			{
				final PlaneNetwork net = RealismBlend.open( faithful, twin, r, device );
				networks.open.add( net );
				networks.restorers.put( RestorationBenchmark.realismKey( r ), restorer( task, faithful, net, r, options ) );
				networks.realism.put( RestorationBenchmark.realismKey( r ), r );
			}
			return networks;
		}
		catch ( final RuntimeException e )
		{
			networks.close();
			throw e;
		}
	}

	/**
	 * Adds a further model at realism 0 under {@code key} (for example the
	 * multi-task model measured beside a task's own).
	 */
	public BenchmarkNetworks add( final BenchmarkTask task, final String key, final StoredModel model, final Device device )
	{
		return add( task, key, model, null, 0, device );
	}

	/**
	 * Adds a further model blended with its twin at realism {@code r} under
	 * {@code key} (the twin may be null when {@code r} is 0).
	 */
	public BenchmarkNetworks add( final BenchmarkTask task, final String key, final StoredModel model, final StoredModel twin, final double r, final Device device )
	{
		final PlaneNetwork net = RealismBlend.open( model, twin, r, device );
		open.add( net );
		restorers.put( key, restorer( task, model, net, r, options ) );
		return this;
	}

	/**
	 * Routes the planes whose known degradation picks the model {@code name}
	 * ({@link sc.fiji.restoregan.model.Task#modelName(int, sc.fiji.restoregan.degrade.KnownDegradation)},
	 * for example {@code derain-stripes} for stripes) to {@code model},
	 * blended with {@code twin} at the realism of each restorer that
	 * {@link #open} opened: what a user who tells the Restore command what
	 * they know gets. Other planes, and restorers run {@link PlaneRestorer#blind()},
	 * keep the model measured.
	 *
	 * @param twin the routed model's twin, or null when every setting is 0
	 * @return this
	 */
	public BenchmarkNetworks route( final BenchmarkTask task, final String name, final StoredModel model, final StoredModel twin, final Device device )
	{
		for ( final Map.Entry< String, Double > e : realism.entrySet() )
		{
			final PlaneNetwork net = RealismBlend.open( model, twin, e.getValue(), device );
			open.add( net );
			final PlaneRestorer routed = restorer( task, model, net, e.getValue(), options );
			final PlaneRestorer measured = restorers.get( e.getKey() );
			restorers.put( e.getKey(), new PlaneRestorer()
			{
				@Override
				public float[] restore( final float[] pixels, final int width, final int height )
				{
					return measured.restore( pixels, width, height );
				}

				@Override
				public float[] restore( final DegradedPlane plane )
				{
					final boolean routes = task.modelTask().modelName( task.scale(), plane.known() ).equals( name );
					return ( routes ? routed : measured ).restore( plane );
				}
			} );
		}
		return this;
	}

	/**
	 * Routes the levels of the benchmark that pick another model than the one
	 * measured ({@link BenchmarkTask#routedModelNames()}: the derain
	 * benchmark's stripes and drops) to those models, each with its twin, as
	 * {@link #route}.
	 *
	 * @param choice for each routed model's name, the model to route its
	 *            levels to (a name or folder), {@link #NO_ROUTING} for none,
	 *            or null for the shipped one, when it ships
	 * @return the models routed to, by name, in the order of the levels
	 */
	public Map< String, StoredModel > routeKnown( final BenchmarkTask task, final UnaryOperator< String > choice, final Device device )
	{
		final Map< String, StoredModel > routed = new LinkedHashMap<>();
		for ( final String name : task.routedModelNames() )
		{
			final String chosen = choice.apply( name );
			if ( NO_ROUTING.equals( chosen ) )
				continue;
			final String model = chosen != null ? chosen : ModelRegistry.shipped().contains( name ) ? name : null;
			if ( model == null )
				continue;
			final StoredModel stored = ModelRegistry.load( model );
			route( task, name, stored, ModelRegistry.loadTwin( model, stored ), device );
			routed.put( name, stored );
		}
		return routed;
	}

	/** The restorers by {@link RestorationBenchmark#realismKey(double)} (and the keys of added models), in the order they were opened. */
	public Map< String, PlaneRestorer > restorers()
	{
		return Collections.unmodifiableMap( restorers );
	}

	/**
	 * A network as the benchmark runs it, with the given options.
	 * A same-size model (the multi-task one) on a super-resolution benchmark
	 * restores the bicubic enlargement ({@link PlaneRestorer#afterBicubic}).
	 *
	 * @param task the benchmark
	 * @param stored the model, for its name in messages
	 * @param net the opened network
	 * @param realism the realism setting the network was opened at
	 * @param options tiling, normalisation and self-ensemble (the model's
	 *            own unless these set one, {@link RestoreOptions#forModel})
	 * @throws RestoreException when the network enlarges by another factor
	 *             than the task needs
	 */
	public static PlaneRestorer restorer( final BenchmarkTask task, final StoredModel stored, final PlaneNetwork net, final double realism, final RestoreOptions options )
	{
		final PlaneRestorer plain = PlaneRestorer.of( Restorer.forModel( net, options, stored.card(), realism ) );
		if ( net.scale() == task.scale() )
			return plain;
		if ( net.scale() == 1 )
			return plain.afterBicubic( task.scale() );
		throw new RestoreException( "Model '" + stored.card().name + "' enlarges " + net.scale() + "x; --task " + task.id() + " needs " + task.scale() + "x." );
	}

	@Override
	public void close()
	{
		open.forEach( PlaneNetwork::close );
		open.clear();
	}
}
