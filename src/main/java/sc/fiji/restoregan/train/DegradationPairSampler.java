package sc.fiji.restoregan.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.google.gson.JsonObject;

import net.imglib2.img.array.ArrayImgs;

import sc.fiji.restoregan.bridge.TensorBridge;
import sc.fiji.restoregan.degrade.Degradation;
import sc.fiji.restoregan.degrade.DegradationKind;
import sc.fiji.restoregan.degrade.IlluminationField;
import sc.fiji.restoregan.degrade.Kernel;
import sc.fiji.restoregan.degrade.KnownDegradation;
import sc.fiji.restoregan.degrade.Lighting;
import sc.fiji.restoregan.filter.ContextChannels;
import sc.fiji.restoregan.normalize.AffineNormalization;

/**
 * Training pairs for any degradation kind, made on the fly: a clean region
 * from one of the sources (picked with equal probability), one of the eight
 * flips and 90-degree rotations, a degradation of the chosen kind with
 * parameters drawn from its documented ranges, percentile normalisation of
 * the whole degraded region (as at inference), and a random patch of both.
 * <p>
 * With a scale above 1 (kinds {@code lowres} and {@code composite}) the
 * degraded region, and so the input patch, is {@code scale} times smaller
 * than the clean one; the patches are aligned (the input pixel
 * {@code (x, y)} covers target pixels {@code [scale x, scale (x + 1))}).
 * </p>
 * <p>
 * The target is normalised with its input's map when the kind keeps
 * intensities, otherwise with its own percentiles (see
 * {@link DegradationKind#sharedNormalization()}). Each pair depends only on
 * the seed, the step and its index in the batch.
 * </p>
 */
public final class DegradationPairSampler implements PairSampler
{
	private final List< CleanSource > sources;

	private final DegradationKind kind;

	private final int scale;

	private final long seed;

	private final int region;

	private final int patch;

	private final double low, high;

	private double untouched;

	private ContextChannels context = ContextChannels.NONE;

	private boolean knownDirection;

	/** The illumination fields lighting pairs draw from; all of them when null. */
	private List< IlluminationField > fields;

	/**
	 * @param sources clean sources, picked with equal probability
	 * @param kind the degradation family
	 * @param scale 1, or the low-resolution factor (2 to 4) for {@code lowres}
	 *            (required) and {@code composite}
	 * @param seed base seed
	 * @param region side of the clean region the degradation and the
	 *            normalisation see, a multiple of {@code scale}
	 * @param patch side of the target patch, a multiple of {@code scale}, at
	 *            most {@code region}
	 * @param percentiles normalisation percentiles {low, high}, for example
	 *            {1, 99.8}
	 */
	public DegradationPairSampler( final List< CleanSource > sources, final DegradationKind kind, final int scale, final long seed, final int region,
			final int patch, final double[] percentiles )
	{
		if ( sources.isEmpty() )
			throw new IllegalArgumentException( "Need at least one clean source" );
		if ( scale < 1 || region % scale != 0 || patch % scale != 0 || patch > region || patch < scale )
			throw new IllegalArgumentException( "Need scale >= 1 dividing region (" + region + ") and patch (" + patch + "), patch <= region" );
		if ( kind == DegradationKind.LOWRES && scale < 2 || scale > 1 && kind != DegradationKind.LOWRES && kind != DegradationKind.COMPOSITE )
			throw new IllegalArgumentException( "lowres needs a scale of 2 or more and only lowres and composite take one" );
		this.sources = List.copyOf( sources );
		this.kind = kind;
		this.scale = scale;
		this.seed = seed;
		this.region = region;
		this.patch = patch;
		this.low = percentiles[ 0 ];
		this.high = percentiles[ 1 ];
	}

	/**
	 * Leaves this fraction of the pairs undegraded (input = target), so the
	 * network also learns to leave clean images and clean parts alone. Only
	 * for same-size kinds. With 0 (the default) the pairs are exactly those
	 * of earlier versions, so runs resume unchanged.
	 *
	 * @return this sampler
	 */
	public DegradationPairSampler untouched( final double fraction )
	{
		if ( !( fraction >= 0 && fraction < 1 ) )
			throw new IllegalArgumentException( "The untouched fraction must be in [0, 1), not " + fraction );
		if ( fraction > 0 && scale != 1 )
			throw new IllegalArgumentException( "Undegraded pairs need same-size input and target; super-resolution always degrades" );
		this.untouched = fraction;
		return this;
	}

	/**
	 * Restricts the {@link DegradationKind#LIGHTING} pairs to these
	 * illumination fields, drawn with equal probability, the other
	 * parameters from their documented ranges as before. With one field no
	 * draw picks it, so the pairs are those that {@link Lighting#random(Random,
	 * IlluminationField)} gives; with all three in their declared order they
	 * are the unrestricted pairs.
	 *
	 * @return this sampler
	 */
	public DegradationPairSampler fields( final List< IlluminationField > chosen )
	{
		if ( kind != DegradationKind.LIGHTING )
			throw new IllegalArgumentException( "Only the lighting degradation has illumination fields to choose, not " + kind.id() );
		if ( chosen.isEmpty() || chosen.stream().distinct().count() != chosen.size() )
			throw new IllegalArgumentException( "Choose one or more distinct illumination fields, not " + chosen );
		this.fields = List.copyOf( chosen );
		return this;
	}

	/** A degradation of this sampler's kind, drawn with {@code rnd}. */
	private Degradation draw( final Random rnd )
	{
		if ( fields == null )
			return kind.random( rnd, scale );
		return Lighting.random( rnd, fields.size() == 1 ? fields.get( 0 ) : fields.get( rnd.nextInt( fields.size() ) ) );
	}

	/**
	 * Adds context channels to each input: computed on the whole normalised
	 * degraded region, as the restorer computes them on the whole plane, then
	 * cropped with the patch.
	 *
	 * @return this sampler
	 */
	public DegradationPairSampler context( final ContextChannels channels )
	{
		this.context = channels;
		return this;
	}

	/**
	 * Tells the context channels the true stripe direction of each pair
	 * that has one, as a user who knows it would (wedges at the estimated
	 * direction then use it); by default they estimate it, as at inference
	 * without one.
	 *
	 * @return this sampler
	 */
	public DegradationPairSampler knownDirection( final boolean known )
	{
		this.knownDirection = known;
		return this;
	}

	/** The factor between target and input sides. */
	public int scale()
	{
		return scale;
	}

	/** The pairs for training step {@code step}, inputs {@code scale} times smaller than targets. */
	@Override
	public ScaledBatch pairs( final long step, final int count )
	{
		final int small = region / scale, in = patch / scale;
		final int channels = 1 + context.count();
		final float[] inputs = new float[ count * channels * in * in ], targets = new float[ count * patch * patch ], ranges = new float[ count ];
		final List< String > descriptions = new ArrayList<>();
		for ( int i = 0; i < count; i++ )
		{
			final Random rnd = new Random( seed * 0x9E3779B97F4A7C15L + step * 1_000_003L + i );
			final int s = rnd.nextInt( sources.size() );
			final float[] clean = Augment.apply( sources.get( s ).next( rnd, region ), region, rnd.nextInt( 8 ) );
			final Degradation degradation = draw( rnd );
			final boolean keep = untouched > 0 && rnd.nextDouble() < untouched;
			final float[] degraded = keep ? clean : degradation.apply( clean, region, region, rnd );
			final AffineNormalization inNorm = AffineNormalization.fromPercentiles( ArrayImgs.floats( degraded, small, small ), low, high );
			final AffineNormalization outNorm = kind.sharedNormalization() ? inNorm : AffineNormalization.fromPercentiles( ArrayImgs.floats( clean, region, region ), low, high );
			final int x0 = rnd.nextInt( ( region - patch ) / scale + 1 ), y0 = rnd.nextInt( ( region - patch ) / scale + 1 );
			crop( degraded, small, x0, y0, in, inNorm, inputs, i * channels );
			crop( clean, region, x0 * scale, y0 * scale, patch, outNorm, targets, i );
			ranges[ i ] = ( float ) outNorm.scale();
			if ( !context.isEmpty() )
			{
				// normalised as the restorer normalises a plane, so the context matches inference's
				final float[] normalised = TensorBridge.toArray( inNorm.view( ArrayImgs.floats( degraded, small, small ) ) );
				final float[][] planes = context.compute( normalised, small, small, known( degradation, keep ) );
				for ( int c = 0; c < planes.length; c++ )
					crop( planes[ c ], small, x0, y0, in, AffineNormalization.IDENTITY, inputs, i * channels + 1 + c );
			}
			descriptions.add( "source " + s + ": " + ( keep ? "undegraded" : degradation.describe() ) );
		}
		return new ScaledBatch( inputs, targets, count, in, patch, descriptions, channels, ranges );
	}

	/**
	 * What the network is told of a pair's degradation, as a user would tell
	 * it: the degradation's PSF (the identity for an undegraded or unblurred
	 * pair) and, with {@link #knownDirection}, its stripe direction. An
	 * undegraded pair is told the direction its degradation would have had,
	 * as a user who says that stripes run along X tells it of a plane that
	 * has hardly any.
	 */
	private KnownDegradation known( final Degradation degradation, final boolean undegraded )
	{
		final Kernel psf = undegraded || degradation.psf() == null ? Kernel.identity() : degradation.psf();
		return new KnownDegradation( psf, knownDirection ? degradation.direction() : Double.NaN );
	}

	/** Writes the {@code size x size} patch at (x0, y0) of a square image, mapped by {@code norm}, as plane {@code index} of {@code out}. */
	static void crop( final float[] img, final int side, final int x0, final int y0, final int size, final AffineNormalization norm, final float[] out,
			final int index )
	{
		final int offset = index * size * size;
		for ( int y = 0; y < size; y++ )
			for ( int x = 0; x < size; x++ )
				out[ offset + y * size + x ] = ( float ) norm.apply( img[ ( y0 + y ) * side + x0 + x ] );
	}

	/**
	 * Same-size pairs for the trainer.
	 *
	 * @throws IllegalStateException when the scale is above 1 (use
	 *             {@link #pairs(long, int)})
	 */
	@Override
	public Batch batch( final long step, final int count )
	{
		return pairs( step, count ).toBatch();
	}

	@Override
	public boolean targetsUnderInputMap()
	{
		return kind.sharedNormalization();
	}

	@Override
	public JsonObject recipe()
	{
		final JsonObject r = new JsonObject();
		r.addProperty( "degradation", kind.id() + ( fields == null ? "" : " (" + String.join( " or ", fields.stream().map( IlluminationField::id ).toList() ) + " fields only)" )
				+ ", parameters drawn from the documented ranges (docs/synthetic-data.md)" );
		r.addProperty( "scale", scale );
		r.addProperty( "sources", String.join( "; ", sources.stream().map( CleanSource::describe ).toList() ) );
		r.addProperty( "augmentation", "random flips and 90-degree rotations" );
		r.addProperty( "region", region );
		r.addProperty( "patch", patch );
		r.addProperty( "normalization", "percentiles " + low + " and " + high + " of the degraded region; target "
				+ ( kind.sharedNormalization() ? "under the same map" : "by its own percentiles" ) );
		r.addProperty( "seed", seed );
		if ( !context.isEmpty() )
			r.addProperty( "context", context.describe() + ", computed on the normalised degraded region" );
		if ( knownDirection )
			r.addProperty( "direction", "the stripe direction of each pair that has one given to the context channels (not estimated)" );
		if ( untouched > 0 )
			r.addProperty( "untouched", untouched + " of the pairs left undegraded (input = target)" );
		return r;
	}
}
