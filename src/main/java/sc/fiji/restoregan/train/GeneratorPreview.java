package sc.fiji.restoregan.train;

import java.util.function.BiConsumer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

import sc.fiji.restoregan.bridge.TensorBridge;
import sc.fiji.restoregan.metrics.DoublePlane;

/**
 * A look at a generator while it trains, for a training window: its output
 * on one fixed, normalised input plane, every {@code every} steps. The
 * input's sides must suit the generator (multiples of its block size, as
 * training patches are); the output is {@code scale} times larger for
 * super-resolution.
 */
public final class GeneratorPreview
{
	private final DoublePlane input;

	private final int every;

	private final BiConsumer< Long, DoublePlane > sink;

	/**
	 * @param input the normalised plane to restore
	 * @param every steps between previews (0: none)
	 * @param sink receives the step and the output
	 */
	public GeneratorPreview( final DoublePlane input, final int every, final BiConsumer< Long, DoublePlane > sink )
	{
		this.input = input;
		this.every = every;
		this.sink = sink;
	}

	/** Runs the generator on the input and hands on its output if a preview is due after step {@code done}. */
	public void after( final long done, final Block generator, final ParameterStore store, final NDManager manager )
	{
		if ( every <= 0 || done % every != 0 )
			return;
		final float[] x = new float[ input.data.length ];
		for ( int i = 0; i < x.length; i++ )
			x[ i ] = ( float ) input.data[ i ];
		try ( NDManager sub = manager.newSubManager() )
		{
			final NDArray y = generator.forward( store, new NDList( TensorBridge.toTensor( sub, x, 1, input.height, input.width ) ), false ).singletonOrThrow();
			final long[] shape = y.getShape().getShape();
			final float[] out = TensorBridge.fromTensor( y );
			final double[] d = new double[ out.length ];
			for ( int i = 0; i < d.length; i++ )
				d[ i ] = out[ i ];
			sink.accept( done, new DoublePlane( ( int ) shape[ shape.length - 1 ], ( int ) shape[ shape.length - 2 ], d ) );
		}
	}
}
