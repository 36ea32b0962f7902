package sc.fiji.restoregan.train;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import com.google.gson.JsonObject;

import net.imglib2.img.array.ArrayImgs;

import sc.fiji.restoregan.bridge.TensorBridge;
import sc.fiji.restoregan.degrade.PoissonGaussianNoise;
import sc.fiji.restoregan.filter.ContextChannels;
import sc.fiji.restoregan.normalize.AffineNormalization;

/**
 * Denoising pairs: a clean region from one of the sources, a random flip or
 * rotation, Poisson-Gaussian noise with a peak drawn log-uniformly from
 * {@code [peakMin, peakMax]} photons and a read noise drawn uniformly from
 * {@code [readMin, readMax]}, percentile normalisation computed on the whole
 * noisy region (as at inference, where it is computed on the whole image),
 * and a random patch of both; with context channels, those of the whole
 * normalised noisy region, cropped with it.
 */
public final class DenoisePairSampler implements PairSampler
{
	private final List< CleanSource > sources;

	private final long seed;

	private final int region;

	private final int patch;

	private final double peakMin, peakMax, readMin, readMax, low, high;

	private ContextChannels context = ContextChannels.NONE;

	/**
	 * @param sources clean sources, picked with equal probability
	 * @param seed base seed
	 * @param region side of the clean region the normalisation is computed on
	 * @param patch side of the training patch (at most region)
	 * @param peak photon peak range {min, max}
	 * @param read read-noise range {min, max} as a fraction of the range
	 * @param percentiles normalisation percentiles {low, high}
	 */
	public DenoisePairSampler( final List< CleanSource > sources, final long seed, final int region, final int patch, final double[] peak, final double[] read, final double[] percentiles )
	{
		if ( sources.isEmpty() || patch > region )
			throw new IllegalArgumentException( "Need at least one source and patch <= region" );
		this.sources = sources;
		this.seed = seed;
		this.region = region;
		this.patch = patch;
		this.peakMin = peak[ 0 ];
		this.peakMax = peak[ 1 ];
		this.readMin = read[ 0 ];
		this.readMax = read[ 1 ];
		this.low = percentiles[ 0 ];
		this.high = percentiles[ 1 ];
	}

	/**
	 * Adds context channels to each input, computed on the whole normalised
	 * noisy region as the restorer computes them on the whole plane.
	 *
	 * @return this sampler
	 */
	public DenoisePairSampler context( final ContextChannels channels )
	{
		this.context = channels;
		return this;
	}

	@Override
	public Batch batch( final long step, final int count )
	{
		return pairs( step, count ).toBatch();
	}

	@Override
	public ScaledBatch pairs( final long step, final int count )
	{
		final int n = patch * patch, channels = 1 + context.count();
		final float[] in = new float[ count * channels * n ], out = new float[ count * n ], ranges = new float[ count ], noise = new float[ count ];
		// samples are independent (each has its own seed), so they are made in parallel
		IntStream.range( 0, count ).parallel().forEach( i -> sample( step, i, in, out, channels, ranges, noise ) );
		return new ScaledBatch( in, out, count, patch, patch, List.of(), channels, ranges, noise );
	}

	/** The least noise level a pair is given, so that a black region without read noise does not divide a loss by zero. */
	static final double LEAST_NOISE = 1e-3;

	/**
	 * The standard deviation of Poisson-Gaussian noise over a clean region,
	 * in its units: {@code sqrt(mean(clean) / peak + read^2)}, at least
	 * {@link #LEAST_NOISE}.
	 */
	static double noiseSigma( final float[] clean, final double peak, final double read )
	{
		double sum = 0;
		for ( final float v : clean )
			sum += Math.max( 0, v );
		return Math.max( LEAST_NOISE, Math.sqrt( sum / clean.length / peak + read * read ) );
	}

	/** Writes pair {@code i}, its normalisation range and its noise level. */
	private void sample( final long step, final int i, final float[] in, final float[] out, final int channels, final float[] ranges, final float[] noise )
	{
		final Random rnd = new Random( seed * 0x9E3779B97F4A7C15L + step * 1_000_003L + i );
		final CleanSource source = sources.get( rnd.nextInt( sources.size() ) );
		final float[] clean = Augment.apply( source.next( rnd, region ), region, rnd.nextInt( 8 ) );
		final double peak = Math.exp( Math.log( peakMin ) + rnd.nextDouble() * ( Math.log( peakMax ) - Math.log( peakMin ) ) );
		final double read = readMin + rnd.nextDouble() * ( readMax - readMin );
		final float[] noisy = new PoissonGaussianNoise( peak, read ).apply( clean, rnd );
		final AffineNormalization norm = AffineNormalization.fromPercentiles( ArrayImgs.floats( noisy, region, region ), low, high );
		final int x0 = rnd.nextInt( region - patch + 1 ), y0 = rnd.nextInt( region - patch + 1 );
		DegradationPairSampler.crop( noisy, region, x0, y0, patch, norm, in, i * channels );
		DegradationPairSampler.crop( clean, region, x0, y0, patch, norm, out, i );
		if ( !context.isEmpty() )
		{
			final float[] normalised = TensorBridge.toArray( norm.view( ArrayImgs.floats( noisy, region, region ) ) );
			final float[][] planes = context.compute( normalised, region, region );
			for ( int c = 0; c < planes.length; c++ )
				DegradationPairSampler.crop( planes[ c ], region, x0, y0, patch, AffineNormalization.IDENTITY, in, i * channels + 1 + c );
		}
		ranges[ i ] = ( float ) norm.scale();
		noise[ i ] = ( float ) noiseSigma( clean, peak, read );
	}

	@Override
	public JsonObject recipe()
	{
		final JsonObject r = new JsonObject();
		r.addProperty( "degradation", "Poisson-Gaussian noise: Poisson(peak * clean) / peak + N(0, read^2), clean scaled to [0, 1]" );
		r.addProperty( "peakPhotons", "log-uniform in [" + peakMin + ", " + peakMax + "]" );
		r.addProperty( "readNoise", "uniform in [" + readMin + ", " + readMax + "] of the clean range" );
		r.addProperty( "sources", String.join( "; ", sources.stream().map( CleanSource::describe ).toList() ) );
		r.addProperty( "augmentation", "random flips and 90-degree rotations" );
		r.addProperty( "region", region );
		r.addProperty( "patch", patch );
		r.addProperty( "normalization", "percentiles " + low + " and " + high + " of the noisy region; target under the same map" );
		if ( !context.isEmpty() )
			r.addProperty( "context", context.describe() + ", computed on the whole normalised noisy region" );
		return r;
	}
}
