package sc.fiji.restoregan.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.google.gson.JsonObject;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import sc.fiji.restoregan.bridge.Planes;
import sc.fiji.restoregan.bridge.TensorBridge;
import sc.fiji.restoregan.filter.ContextChannels;
import sc.fiji.restoregan.normalize.AffineNormalization;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * Training pairs from images in memory, given as pairs of an input and its
 * target: for super-resolution each target is {@code scale} times the
 * input's size, otherwise the same size. Each plane of a pair (channels,
 * slices) is one pair of planes. Each image is normalised once, as a whole,
 * by its own percentiles (as at inference; a target's own percentiles, since
 * real pairs such as short and long exposures differ in brightness). A
 * training pair is an aligned random crop of a random pair of planes, with
 * the same one of the eight flips and 90-degree rotations applied to input
 * and target; it depends only on the seed, the step and its index in the
 * batch. {@link FolderPairSampler} reads such pairs from files.
 */
public final class ImagePairSampler implements PairSampler
{
	private final List< float[] > inputs = new ArrayList<>(), targets = new ArrayList<>();

	/** The context channels of each input plane (none without {@link #context}). */
	private final List< float[][] > contexts = new ArrayList<>();

	private ContextChannels context = ContextChannels.NONE;

	private final List< int[] > sizes = new ArrayList<>();

	private final List< String > names = new ArrayList<>();

	private final int scale;

	private final long seed;

	private final int patch;

	private final double low, high;

	/**
	 * A sampler without pairs yet; {@link #add} them.
	 *
	 * @param scale target size over input size (1, or the super-resolution factor)
	 * @param seed base seed
	 * @param patch side of the target patch, a multiple of {@code scale}
	 * @param percentiles normalisation percentiles {low, high}, for example {1, 99.8}
	 */
	public ImagePairSampler( final int scale, final long seed, final int patch, final double[] percentiles )
	{
		if ( scale < 1 || patch < scale || patch % scale != 0 )
			throw new IllegalArgumentException( "The patch (" + patch + ") must be a positive multiple of the scale (" + scale + ")" );
		this.scale = scale;
		this.seed = seed;
		this.patch = patch;
		this.low = percentiles[ 0 ];
		this.high = percentiles[ 1 ];
	}

	/**
	 * Adds a pair of images (not modified; their planes are copied).
	 *
	 * @param inputName names the input in messages and the recipe
	 * @param targetName names the target in messages
	 * @throws RestoreException when the sizes or plane counts do not match, or the pair is smaller than the patch
	 */
	public ImagePairSampler add( final RandomAccessibleInterval< ? extends RealType< ? > > input, final RandomAccessibleInterval< ? extends RealType< ? > > target,
			final String inputName, final String targetName )
	{
		final List< ? extends RandomAccessibleInterval< ? extends RealType< ? > > > pa = Planes.of( input ), pb = Planes.of( target );
		final long w = input.dimension( 0 ), h = input.dimension( 1 );
		if ( pa.size() != pb.size() || target.dimension( 0 ) != w * scale || target.dimension( 1 ) != h * scale )
			throw new RestoreException( "The target " + targetName + " is not " + ( scale == 1 ? "the size" : scale + " times the size" ) + " of its input (or has another number of planes)." );
		if ( w * scale < patch || h * scale < patch )
			throw new RestoreException( "The pair " + inputName + " is smaller than the patch (" + patch + " target pixels)." );
		for ( int p = 0; p < pa.size(); p++ )
		{
			inputs.add( normalised( pa.get( p ) ) );
			contexts.add( context.compute( inputs.get( inputs.size() - 1 ), ( int ) w, ( int ) h ) );
			targets.add( normalised( pb.get( p ) ) );
			sizes.add( new int[] { ( int ) w, ( int ) h } );
		}
		names.add( inputName );
		return this;
	}

	/**
	 * Adds context channels to each input, computed on each whole normalised
	 * input plane as at inference. Set it before adding pairs.
	 *
	 * @return this sampler
	 * @throws IllegalStateException when pairs were already added
	 */
	public ImagePairSampler context( final ContextChannels channels )
	{
		if ( !inputs.isEmpty() )
			throw new IllegalStateException( "Set the context channels before adding pairs" );
		this.context = channels;
		return this;
	}

	private float[] normalised( final RandomAccessibleInterval< ? extends RealType< ? > > plane )
	{
		final AffineNormalization norm = AffineNormalization.fromPercentiles( plane, low, high );
		final float[] data = TensorBridge.toArray( Views.zeroMin( plane ) );
		for ( int i = 0; i < data.length; i++ )
			data[ i ] = ( float ) norm.apply( data[ i ] );
		return data;
	}

	@Override
	public ScaledBatch pairs( final long step, final int count )
	{
		if ( inputs.isEmpty() )
			throw new IllegalStateException( "No pairs added" );
		final int in = patch / scale;
		final int channels = 1 + context.count();
		final float[] x = new float[ count * channels * in * in ], y = new float[ count * patch * patch ];
		final List< String > descriptions = new ArrayList<>();
		for ( int i = 0; i < count; i++ )
		{
			final Random rnd = new Random( seed * 0x9E3779B97F4A7C15L + step * 1_000_003L + i );
			final int k = rnd.nextInt( inputs.size() );
			final int w = sizes.get( k )[ 0 ], h = sizes.get( k )[ 1 ];
			final int x0 = rnd.nextInt( w - in + 1 ), y0 = rnd.nextInt( h - in + 1 ), which = rnd.nextInt( 8 );
			System.arraycopy( Augment.apply( crop( inputs.get( k ), w, x0, y0, in ), in, which ), 0, x, i * channels * in * in, in * in );
			for ( int c = 1; c < channels; c++ )
				System.arraycopy( Augment.apply( crop( contexts.get( k )[ c - 1 ], w, x0, y0, in ), in, which ), 0, x, ( i * channels + c ) * in * in, in * in );
			System.arraycopy( Augment.apply( crop( targets.get( k ), w * scale, x0 * scale, y0 * scale, patch ), patch, which ), 0, y, i * patch * patch, patch * patch );
			descriptions.add( "plane " + k + " at (" + x0 + ", " + y0 + "), symmetry " + which );
		}
		return new ScaledBatch( x, y, count, in, patch, descriptions, channels );
	}

	private static float[] crop( final float[] image, final int width, final int x0, final int y0, final int size )
	{
		final float[] out = new float[ size * size ];
		for ( int r = 0; r < size; r++ )
			System.arraycopy( image, ( y0 + r ) * width + x0, out, r * size, size );
		return out;
	}

	/**
	 * Same-size pairs.
	 *
	 * @throws IllegalStateException when the scale is above 1 (use {@link #pairs})
	 */
	@Override
	public Batch batch( final long step, final int count )
	{
		return pairs( step, count ).toBatch();
	}

	@Override
	public boolean targetsUnderInputMap()
	{
		return false;
	}

	@Override
	public JsonObject recipe()
	{
		final JsonObject r = new JsonObject();
		r.addProperty( "pairs", String.join( ", ", names ) + " (" + inputs.size() + " planes)" );
		r.addProperty( "scale", scale );
		r.addProperty( "augmentation", "random aligned crops, the same flip or 90-degree rotation for input and target" );
		r.addProperty( "patch", patch );
		r.addProperty( "normalization", "percentiles " + low + " and " + high + " of each whole image, input and target each by their own" );
		r.addProperty( "seed", seed );
		if ( !context.isEmpty() )
			r.addProperty( "context", context.describe() + ", computed on each whole normalised input" );
		return r;
	}
}
