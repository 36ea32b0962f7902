package sc.fiji.restoregan.sisr.singan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

import sc.fiji.restoregan.metrics.DoublePlane;
import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.sisr.Geometry;
import sc.fiji.restoregan.sisr.ModelFolder;
import sc.fiji.restoregan.sisr.RandomSamples;
import sc.fiji.restoregan.sisr.Resampling;
import sc.fiji.restoregan.sisr.TrainedModel;
import sc.fiji.restoregan.train.InitialWeights;
import sc.fiji.restoregan.sisr.SisrSettings;
import sc.fiji.restoregan.sisr.TensorPlanes;

/**
 * A trained SinGAN: one generator per pyramid scale, the noise amplitude of
 * each, the fixed reconstruction noise of the coarsest scale, and the finest
 * scale's critic (to continue training). Super-resolution applies the
 * finest generator {@code passes} times, each time to the bicubically
 * upscaled previous result with zero noise (SinGAN's SR mode); random
 * samples run the whole pyramid with fresh noise. Planes enter the networks
 * mapped from their own minimum..maximum to -1..1 (the generators end in
 * tanh) and leave mapped back.
 */
public final class SinganModel extends TrainedModel implements RandomSamples
{
	final SinganPyramid pyramid;

	final List< SinganGenerator > generators = new ArrayList<>();

	final double[] amplitudes;

	/** The coarsest scale's reconstruction noise (unit variance). */
	DoublePlane reconstructionNoise;

	SinganCritic critic;

	/** The training image's minimum and maximum (for samples). */
	double low, high;

	SinganModel( final SisrSettings settings, final SinganPyramid pyramid )
	{
		super( settings );
		this.pyramid = pyramid;
		amplitudes = new double[ pyramid.count() ];
	}

	/** A new generator for the next scale, starting from the previous scale's weights (same width). */
	SinganGenerator addGenerator()
	{
		final SinganGenerator g = new SinganGenerator( settings().width );
		final int[] s = pyramid.sizes[ generators.size() ];
		g.initialize( manager(), DataType.FLOAT32, new Shape( 1, 1, s[ 1 ], s[ 0 ] ), new Shape( 1, 1, s[ 1 ], s[ 0 ] ) );
		if ( !generators.isEmpty() )
			copy( generators.get( generators.size() - 1 ), g );
		generators.add( g );
		return g;
	}

	/** A new critic for the current scale, starting from the previous one's weights. */
	SinganCritic newCritic()
	{
		final SinganCritic c = new SinganCritic( settings().width );
		c.initialize( manager(), DataType.FLOAT32, new Shape( 1, 1, 32, 32 ) );
		if ( critic != null )
			copy( critic, c );
		critic = c;
		return c;
	}

	private void copy( final Block from, final Block to )
	{
		final byte[] bytes = ModelStore.parameters( from );
		InitialWeights.load( to, bytes, manager() );
	}

	/** Runs generator {@code k} on {@code noise + prev} (planes in -1..1 units); no gradients. */
	DoublePlane generate( final int k, final DoublePlane noise, final DoublePlane prev )
	{
		try ( NDManager sub = manager().newSubManager() )
		{
			final NDArray p = TensorPlanes.of( sub, prev );
			final NDArray in = noise == null ? p : TensorPlanes.of( sub, noise ).add( p );
			return TensorPlanes.toPlane( generators.get( k ).forward( store(), new NDList( in, p ), false ).singletonOrThrow() );
		}
	}

	/**
	 * The pyramid's output at scale {@code k} from fresh noise at every
	 * coarser scale: the input of scale {@code k}'s generator ("prev").
	 */
	DoublePlane randomPrevious( final int k, final Random random )
	{
		DoublePlane prev = zeros( pyramid.sizes[ 0 ] );
		for ( int j = 0; j < k; j++ )
		{
			final DoublePlane out = generate( j, noise( pyramid.sizes[ j ], amplitudes[ j ], random ), prev );
			prev = Resampling.resize( out, pyramid.sizes[ j + 1 ][ 0 ], pyramid.sizes[ j + 1 ][ 1 ] );
		}
		return prev;
	}

	/** {@code count} random samples at the trained size, seeds {@code seed}, {@code seed + 1}, ... */
	public List< DoublePlane > samples( final int count, final long seed )
	{
		final List< DoublePlane > out = new ArrayList<>();
		for ( int i = 0; i < count; i++ )
			out.add( sample( seed + i ) );
		return out;
	}

	/** A random sample at the trained size (in normalised units): what the model learned. */
	@Override
	public DoublePlane sample( final long seed )
	{
		final Random random = new Random( seed );
		final int last = generators.size() - 1;
		final DoublePlane prev = randomPrevious( last, random );
		return fromUnit( generate( last, noise( pyramid.sizes[ last ], amplitudes[ last ], random ), prev ), low, high );
	}

	/** Gaussian noise of a given amplitude. */
	static DoublePlane noise( final int[] size, final double amplitude, final Random random )
	{
		final double[] d = new double[ size[ 0 ] * size[ 1 ] ];
		for ( int i = 0; i < d.length; i++ )
			d[ i ] = amplitude * random.nextGaussian();
		return new DoublePlane( size[ 0 ], size[ 1 ], d );
	}

	static DoublePlane zeros( final int[] size )
	{
		return new DoublePlane( size[ 0 ], size[ 1 ] );
	}

	@Override
	public int[] outputSize( final int width, final int height )
	{
		return pyramid.passSize( width, height, pyramid.passes, settings().scale );
	}

	@Override
	public DoublePlane apply( final DoublePlane input, final Progress progress )
	{
		return superResolve( input, generators.size() - 1, settings().selfEnsemble, progress );
	}

	/**
	 * Super-resolution with generator {@code k} (the finest once trained):
	 * its passes on the input, or on each of the 8 geometric variants with
	 * their pixel-wise median when {@code ensemble} is set, then
	 * back-projection onto the input.
	 */
	DoublePlane superResolve( final DoublePlane input, final int k, final boolean ensemble, final Progress progress )
	{
		final double lo = input.min(), hi = input.max();
		final int variants = ensemble ? Geometry.COUNT : 1;
		final DoublePlane unit = Geometry.ensemble( toUnit( input, lo, hi ), ensemble, t -> passes( t, k, progress ), v -> {
			progress.checkCancelled();
			progress.update( v + 1, variants, "SinGAN x" + settings().scale + ( ensemble ? ", variant " + ( v + 1 ) + "/" + variants : "" ) );
		} );
		final DoublePlane result = fromUnit( unit, lo, hi );
		// our addition to SinGAN: back-projection makes the result consistent with the input (docs/single-image.md)
		return Resampling.backProject( result, input, settings().scale, settings().backProjection );
	}

	/**
	 * SinGAN's SR mode on a plane in -1..1 units: generator {@code k} applied
	 * {@code passes} times, each time to the bicubically upscaled previous
	 * result; each pass keeps {@code detail} times the generator's change
	 * (1: SinGAN). Cancellation is checked before every pass.
	 */
	private DoublePlane passes( final DoublePlane unitInput, final int k, final Progress progress )
	{
		final double detail = settings().detail;
		DoublePlane out = unitInput;
		for ( int p = 1; p <= pyramid.passes; p++ )
		{
			progress.checkCancelled();
			final int[] s = pyramid.passSize( unitInput.width, unitInput.height, p, settings().scale );
			final DoublePlane up = Resampling.resize( out, s[ 0 ], s[ 1 ] );
			out = generate( k, null, up );
			if ( detail != 1 )
				out = blend( up, out, detail );
		}
		return out;
	}

	/** {@code from + w (to - from)}, pixel-wise. */
	static DoublePlane blend( final DoublePlane from, final DoublePlane to, final double w )
	{
		final double[] d = new double[ from.data.length ];
		for ( int i = 0; i < d.length; i++ )
			d[ i ] = from.data[ i ] + w * ( to.data[ i ] - from.data[ i ] );
		return new DoublePlane( from.width, from.height, d );
	}

	/** Maps lo..hi to -1..1. */
	static DoublePlane toUnit( final DoublePlane p, final double lo, final double hi )
	{
		final double range = hi > lo ? hi - lo : 1;
		return p.affine( lo + range / 2, 2 / range );
	}

	/** Maps -1..1 back to lo..hi. */
	static DoublePlane fromUnit( final DoublePlane p, final double lo, final double hi )
	{
		final double range = hi > lo ? hi - lo : 1;
		return p.affine( -1, range / 2 ).affine( -lo, 1 );
	}

	@Override
	public void save( final Path dir ) throws IOException
	{
		final ModelFolder.Description d = description();
		d.values.put( "amplitudes", amplitudes.clone() );
		d.values.put( "reconstructionNoise", reconstructionNoise.data.clone() );
		d.values.put( "range", new double[] { low, high } );
		d.values.put( "trainedScales", new double[] { generators.size() } );
		final Map< String, Block > blocks = new LinkedHashMap<>();
		for ( int k = 0; k < generators.size(); k++ )
			blocks.put( "g" + k, generators.get( k ) );
		blocks.put( "critic", critic );
		ModelFolder.write( dir, d, blocks );
	}

	/** Rebuilds a saved model. */
	public static SinganModel load( final Path dir, final ModelFolder.Description d )
	{
		final int[] on = d.trainedOn;
		final SinganModel m = new SinganModel( d.settings, new SinganPyramid( on[ 0 ], on[ 1 ], d.settings.scale, d.settings.minSize, d.settings.scales ) );
		try
		{
			m.restoreRecord( d );
			final double[] amps = d.values.get( "amplitudes" );
			System.arraycopy( amps, 0, m.amplitudes, 0, Math.min( amps.length, m.amplitudes.length ) );
			final int[] s0 = m.pyramid.sizes[ 0 ];
			m.reconstructionNoise = new DoublePlane( s0[ 0 ], s0[ 1 ], d.values.get( "reconstructionNoise" ) );
			m.low = d.values.get( "range" )[ 0 ];
			m.high = d.values.get( "range" )[ 1 ];
			final int trained = ( int ) d.values.get( "trainedScales" )[ 0 ];
			for ( int k = 0; k < trained; k++ )
				ModelFolder.load( dir, d, "g" + k, m.addGenerator(), m.manager() );
			ModelFolder.load( dir, d, "critic", m.newCritic(), m.manager() );
			return m;
		}
		catch ( final RuntimeException e )
		{
			m.close();
			throw e;
		}
	}

}
