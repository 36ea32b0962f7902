package sc.fiji.restoregan.sisr.zssr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

import sc.fiji.restoregan.metrics.DoublePlane;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.sisr.Geometry;
import sc.fiji.restoregan.sisr.ModelFolder;
import sc.fiji.restoregan.sisr.Resampling;
import sc.fiji.restoregan.sisr.TrainedModel;
import sc.fiji.restoregan.sisr.SisrSettings;
import sc.fiji.restoregan.sisr.TensorPlanes;

/**
 * A trained ZSSR model: one {@link ZssrNet} per stage (x2 is one stage of
 * factor 2, x4 two gradual stages of 2, x3 one stage of 3). Applying a stage
 * upscales bicubically, adds the network's residual, back-projects onto the
 * low-resolution input, and, with the self-ensemble on, does this for the 8
 * rotations and mirrors of the input and takes the pixel-wise median before
 * a last back-projection (ZSSR's test-time procedure).
 */
public final class ZssrModel extends TrainedModel
{
	private final List< ZssrNet > nets = new ArrayList<>();

	private final List< Double > factors = new ArrayList<>();

	ZssrModel( final SisrSettings settings )
	{
		super( settings );
	}

	/** The stage factors of an overall scale: 4 = 2 x 2 (gradual), 8 = 2 x 2 x 2, anything else one stage. */
	static List< Double > stageFactors( final double scale )
	{
		if ( scale < 1 )
			throw new IllegalArgumentException( "ZSSR needs a scale of at least 1, got " + scale );
		final List< Double > f = new ArrayList<>();
		double s = scale;
		while ( Resampling.isInteger( s ) && Math.rint( s ) % 2 == 0 && s > 2 )
		{
			f.add( 2.0 );
			s /= 2;
		}
		f.add( s );
		return f;
	}

	/** Adds a freshly initialised stage network. */
	ZssrNet addStage( final double factor )
	{
		final ZssrNet net = new ZssrNet( settings().width );
		net.initialize( manager(), DataType.FLOAT32, new Shape( 1, 1, settings().crop, settings().crop ) );
		nets.add( net );
		factors.add( factor );
		return net;
	}

	int stages()
	{
		return nets.size();
	}

	ZssrNet net( final int stage )
	{
		return nets.get( stage );
	}

	double factor( final int stage )
	{
		return factors.get( stage );
	}

	@Override
	public int[] outputSize( final int width, final int height )
	{
		double w = width, h = height;
		for ( final double f : factors )
		{
			w = Math.round( w * f );
			h = Math.round( h * f );
		}
		return new int[] { ( int ) w, ( int ) h };
	}

	@Override
	public DoublePlane apply( final DoublePlane input, final Progress progress )
	{
		final int variants = settings().selfEnsemble ? Geometry.COUNT : 1;
		final long total = ( long ) variants * nets.size();
		DoublePlane current = input;
		for ( int s = 0; s < nets.size(); s++ )
		{
			final int stage = s;
			current = applyStage( s, current, settings().selfEnsemble, settings().backProjection, k -> {
				progress.checkCancelled();
				progress.update( ( long ) stage * variants + k + 1, total, "ZSSR x" + factors.get( stage ) + ", variant " + ( k + 1 ) + "/" + variants );
			} );
		}
		return current;
	}

	/**
	 * One stage at test time.
	 *
	 * @param afterVariant called with the variant's index after each variant
	 */
	DoublePlane applyStage( final int stage, final DoublePlane low, final boolean ensemble, final int backProjection, final java.util.function.IntConsumer afterVariant )
	{
		final double f = factors.get( stage );
		final DoublePlane median = Geometry.ensemble( low, ensemble, t -> {
			final DoublePlane sr = forward( stage, Resampling.resize( t, ( int ) Math.round( t.width * f ), ( int ) Math.round( t.height * f ) ) );
			return Resampling.backProject( sr, t, f, backProjection );
		}, afterVariant );
		return ensemble ? Resampling.backProject( median, low, f, backProjection ) : median;
	}

	/** The stage's network on an upscaled plane. */
	DoublePlane forward( final int stage, final DoublePlane upscaled )
	{
		try ( NDManager sub = manager().newSubManager() )
		{
			final NDArray out = nets.get( stage ).forward( store(), new NDList( TensorPlanes.of( sub, upscaled ) ), false ).singletonOrThrow();
			return TensorPlanes.toPlane( out );
		}
	}

	@Override
	public void save( final Path dir ) throws IOException
	{
		final ModelFolder.Description d = description();
		d.values.put( "factors", factors.stream().mapToDouble( Double::doubleValue ).toArray() );
		final Map< String, Block > blocks = new LinkedHashMap<>();
		for ( int s = 0; s < nets.size(); s++ )
			blocks.put( "stage" + s, nets.get( s ) );
		ModelFolder.write( dir, d, blocks );
	}

	/** Rebuilds a saved model. */
	public static ZssrModel load( final Path dir, final ModelFolder.Description d )
	{
		final ZssrModel m = new ZssrModel( d.settings );
		try
		{
			m.restoreRecord( d );
			final double[] f = d.values.getOrDefault( "factors", new double[ 0 ] );
			for ( int s = 0; s < f.length; s++ )
				ModelFolder.load( dir, d, "stage" + s, m.addStage( f[ s ] ), m.manager() );
			return m;
		}
		catch ( final RuntimeException e )
		{
			m.close();
			throw e;
		}
	}

}
