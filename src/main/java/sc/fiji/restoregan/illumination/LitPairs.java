package sc.fiji.restoregan.illumination;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.google.gson.JsonObject;

import sc.fiji.restoregan.degrade.Lighting;
import sc.fiji.restoregan.train.Augment;
import sc.fiji.restoregan.train.Batch;
import sc.fiji.restoregan.train.CleanSource;
import sc.fiji.restoregan.train.DeadLeavesSource;
import sc.fiji.restoregan.train.ImageFolderSource;
import sc.fiji.restoregan.train.MicroscopySceneSource;
import sc.fiji.restoregan.train.PairSampler;
import sc.fiji.restoregan.train.ScaledBatch;
import sc.fiji.restoregan.train.ShadedSource;
import sc.fiji.restoregan.train.ToneAugmentedSource;

/**
 * Training pairs for the illumination networks, made on the fly from clean
 * crops lit by {@link Lighting#random} with the documented ranges
 * (docs/synthetic-data.md): two input planes ({@link IlluminationInputs})
 * and one target plane of {@value IlluminationInputs#SIZE} px per pair. A
 * batch is a function of the seed and the step alone. The clean crops come
 * from real images 60 % of the time, simulated microscopy scenes and dead
 * leaves 20 % each, and are flipped and turned at random.
 */
public abstract class LitPairs implements PairSampler
{
	private final List< CleanSource > sources;

	private final long seed;

	private final int planes;

	/**
	 * @param sources the real images, the simulated scenes and the dead
	 *            leaves, in that order ({@link #sources})
	 * @param seed the sampler's seed
	 * @param planes input planes per pair
	 */
	protected LitPairs( final List< CleanSource > sources, final long seed, final int planes )
	{
		if ( sources.size() != 3 )
			throw new IllegalArgumentException( "Need three clean sources (real images, scenes, dead leaves), not " + sources.size() );
		this.sources = sources;
		this.seed = seed;
		this.planes = planes;
	}

	/**
	 * The clean sources: the images of {@code clean} less those named in
	 * {@code exclude}, simulated microscopy scenes, dead leaves.
	 */
	public static List< CleanSource > sources( final Path clean, final Set< String > exclude ) throws IOException
	{
		return sources( clean, exclude, 1, 0 );
	}

	/**
	 * The clean sources, the real images' regions varied: zoomed out by up
	 * to {@code maxZoom} ({@link ImageFolderSource#zoomedOut}), then given a
	 * random tone curve with probability {@code tone}
	 * ({@link ToneAugmentedSource}).
	 *
	 * @param maxZoom 1 for plain crops
	 * @param tone 0 for none
	 */
	public static List< CleanSource > sources( final Path clean, final Set< String > exclude, final double maxZoom, final double tone ) throws IOException
	{
		return sources( clean, exclude, maxZoom, tone, 0, ShadedSource.MAX_WIDTH );
	}

	/**
	 * The clean sources, the real images' regions varied as by
	 * {@link #sources(Path, Set, double, double)}, then given smooth shading
	 * of their own with probability {@code shade} ({@link ShadedSource}).
	 *
	 * @param shade 0 for none
	 * @param shadeWidth the shading discs' largest width (sigma) as a fraction of the side
	 */
	public static List< CleanSource > sources( final Path clean, final Set< String > exclude, final double maxZoom, final double tone, final double shade, final double shadeWidth )
			throws IOException
	{
		final ImageFolderSource images = ImageFolderSource.of( clean, exclude );
		final CleanSource zoomed = maxZoom == 1 ? images : images.zoomedOut( maxZoom );
		final CleanSource toned = tone > 0 ? new ToneAugmentedSource( zoomed, tone ) : zoomed;
		return List.of( shade > 0 ? new ShadedSource( toned, shade, shadeWidth ) : toned, new MicroscopySceneSource(), new DeadLeavesSource() );
	}

	/**
	 * Fills one pair from {@code rnd}: its input planes from
	 * {@code in[inAt]} and its target plane from {@code out[outAt]}.
	 *
	 * @return the pair's description
	 */
	protected abstract String fill( Random rnd, float[] in, int inAt, float[] out, int outAt );

	/** What the target is, for the recipe. */
	protected abstract String target();

	/** Input planes per pair. */
	protected final int planes()
	{
		return planes;
	}

	/** What the input planes are, for the recipe. */
	protected String input()
	{
		return "two planes: the values by their 99th percentile, and the log of that plus 0.02 (" + IlluminationInputs.SIZE + " px)";
	}

	/** A clean crop of {@code size} px from a source picked at random, flipped and turned at random. */
	protected final float[] crop( final Random rnd, final int size )
	{
		final double u = rnd.nextDouble();
		final CleanSource source = sources.get( u < 0.6 ? 0 : u < 0.8 ? 1 : 2 );
		return Augment.apply( source.next( rnd, size ), size, dihedral( rnd.nextInt( 8 ) ) );
	}

	/**
	 * {@link Augment}'s index of the flip and turn drawn as {@code t}: the
	 * same flips, swapped when the turn transposes (the order the first
	 * estimators were trained with, kept so that their runs replay exactly).
	 */
	private static int dihedral( final int t )
	{
		return ( t & 4 ) == 0 ? t : 4 | ( t & 1 ) << 1 | ( t & 2 ) >> 1;
	}

	/** Not available: the pairs have several input planes; see {@link #pairs}. */
	@Override
	public Batch batch( final long step, final int count )
	{
		throw new UnsupportedOperationException( "Illumination pairs have " + planes + " input planes: use pairs()" );
	}

	@Override
	public ScaledBatch pairs( final long step, final int count )
	{
		final int n = IlluminationInputs.SIZE * IlluminationInputs.SIZE;
		final float[] in = new float[ count * planes * n ], out = new float[ count * n ];
		final List< String > descriptions = new ArrayList<>();
		for ( int i = 0; i < count; i++ )
			descriptions.add( fill( new Random( seed * 1_000_003L + step * 131 + i ), in, i * planes * n, out, i * n ) );
		return new ScaledBatch( in, out, count, IlluminationInputs.SIZE, IlluminationInputs.SIZE, descriptions, planes );
	}

	@Override
	public JsonObject recipe()
	{
		final JsonObject r = new JsonObject();
		r.addProperty( "degradation", "lighting, parameters drawn from the documented ranges (docs/synthetic-data.md)" );
		r.addProperty( "sources", sources.get( 0 ).describe() + " (60 %); " + sources.get( 1 ).describe() + " (20 %); " + sources.get( 2 ).describe() + " (20 %)" );
		r.addProperty( "augmentation", "random flips and 90-degree rotations" );
		r.addProperty( "input", input() );
		r.addProperty( "target", target() );
		r.addProperty( "seed", seed );
		return r;
	}
}
