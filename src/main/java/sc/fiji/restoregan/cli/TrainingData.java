package sc.fiji.restoregan.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import sc.fiji.restoregan.degrade.DegradationKind;
import sc.fiji.restoregan.degrade.IlluminationField;
import sc.fiji.restoregan.filter.ContextChannels;
import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.model.Task;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.train.CleanSource;
import sc.fiji.restoregan.train.DeadLeavesSource;
import sc.fiji.restoregan.train.DegradationPairSampler;
import sc.fiji.restoregan.train.DenoisePairSampler;
import sc.fiji.restoregan.train.FolderPairSampler;
import sc.fiji.restoregan.train.ImageFolderSource;
import sc.fiji.restoregan.train.MicroscopySceneSource;
import sc.fiji.restoregan.train.PairSampler;
import sc.fiji.restoregan.train.PhantomSource;
import sc.fiji.restoregan.train.ToneAugmentedSource;

/**
 * The training data of {@code train}: real pairs from a folder
 * ({@code --pairs}), or clean images (built-in simulations, plus
 * {@code --clean}) degraded on the fly. Without {@code --degradation} a
 * denoising run keeps the original sampler (phantoms and Poisson-Gaussian
 * noise) so that the shipped model's command still reproduces it; other
 * tasks default to their degradation family.
 */
final class TrainingData
{
	private TrainingData()
	{}

	/** Photon peak range of the original denoising sampler. */
	static final double[] PEAK = { 5, 100 };

	/** Read-noise range of the original denoising sampler. */
	static final double[] READ = { 0.005, 0.05 };

	/**
	 * The degradation family a task trains on by default; null for denoising,
	 * which keeps the original Poisson-Gaussian sampler.
	 */
	static DegradationKind defaultKind( final Task task )
	{
		return switch ( task )
		{
			case DENOISE -> null;
			case DEBLUR -> DegradationKind.BLUR;
			case DEHAZE -> DegradationKind.HAZE;
			case DERAIN -> DegradationKind.STREAKS;
			case LIGHTING -> DegradationKind.LIGHTING;
			case SR -> DegradationKind.LOWRES;
			case AUTO -> DegradationKind.COMPOSITE;
		};
	}

	/**
	 * The sampler for a run.
	 *
	 * @param degradation the {@code --degradation} name, or null for the task's default
	 * @param pairs the {@code --pairs} folder, or null
	 * @param clean the {@code --clean} folder, or null
	 * @param scale the generator's scale (target over input size)
	 * @param patch the target patch side
	 * @param synthetic how synthetic pairs are made (untouched fraction,
	 *            region, tone curves)
	 * @param context context channels of the generator's input
	 */
	static PairSampler sampler( final Task task, final String degradation, final Path pairs, final Path clean, final Set< String > exclude, final int scale,
			final long seed, final int patch, final Synthetic synthetic, final ContextChannels context ) throws IOException
	{
		final double untouched = synthetic.untouched();
		final int region = synthetic.region();
		final ModelCard defaults = new ModelCard();
		final double[] percentiles = { defaults.normalization.low, defaults.normalization.high };
		try
		{
			if ( pairs != null )
			{
				if ( degradation != null || clean != null || untouched > 0 || synthetic.tone() > 0 || synthetic.deadLeaves() || !synthetic.simulated()
						|| synthetic.fields() != null )
					throw new RestoreException( "--pairs brings its own degraded inputs; leave out --clean, --degradation, --fields, --untouched, --tone, --dead-leaves and --no-simulated." );
				return new FolderPairSampler( pairs, scale, seed, patch, percentiles, context );
			}
			final DegradationKind kind = degradation != null ? DegradationKind.parse( degradation ) : defaultKind( task );
			final int side = ( ( region > 0 ? region : Math.max( 128, patch + 32 ) ) + scale - 1 ) / scale * scale;
			if ( kind == null )
			{
				if ( scale != 1 )
					throw new RestoreException( "A super-resolution generator needs smaller inputs: use --degradation lowres (or composite), or --pairs." );
				if ( untouched > 0 || synthetic.fields() != null )
					throw new RestoreException( "--untouched and --fields apply to the degradation families (--degradation), not to the original denoise sampler." );
				return new DenoisePairSampler( sources( new PhantomSource(), clean, exclude, synthetic ), seed, side, patch, range( "--noise-peak", synthetic.noisePeak(), PEAK ),
						range( "--noise-read", synthetic.noiseRead(), READ ), percentiles ).context( context );
			}
			if ( synthetic.noisePeak() != null || synthetic.noiseRead() != null )
				throw new RestoreException( "--noise-peak and --noise-read set the original denoise sampler; the " + kind.id() + " degradation draws its noise from its own documented ranges." );
			final DegradationPairSampler sampler = new DegradationPairSampler( sources( new MicroscopySceneSource(), clean, exclude, synthetic ), kind, scale, seed, side, patch, percentiles )
					.untouched( untouched ).context( context ).knownDirection( synthetic.knownDirection() );
			return synthetic.fields() == null ? sampler : sampler.fields( synthetic.fields() );
		}
		catch ( final IllegalArgumentException e )
		{
			throw new RestoreException( e.getMessage(), e );
		}
	}

	private static List< CleanSource > sources( final CleanSource builtIn, final Path clean, final Set< String > exclude, final Synthetic synthetic ) throws IOException
	{
		final List< CleanSource > sources = new ArrayList<>();
		if ( synthetic.simulated() )
			sources.add( builtIn );
		if ( clean != null )
			sources.add( ImageFolderSource.of( clean, exclude ) );
		if ( synthetic.deadLeaves() )
			sources.add( new DeadLeavesSource() );
		if ( sources.isEmpty() )
			throw new RestoreException( "--no-simulated leaves no clean source: give --clean FOLDER or --dead-leaves." );
		if ( synthetic.tone() <= 0 )
			return sources;
		return sources.stream().map( s -> ( CleanSource ) new ToneAugmentedSource( s, synthetic.tone(), synthetic.toneInverts() ) ).toList();
	}

	/**
	 * How synthetic pairs are made.
	 *
	 * @param untouched fraction of pairs left undegraded (0: none)
	 * @param region side of the clean region each pair is cut from, or 0 for
	 *            the default (the patch plus 32, at least 128)
	 * @param tone fraction of clean regions given a random tone curve
	 *            ({@link ToneAugmentedSource}; 0: none)
	 * @param toneInverts whether half the tone curves also invert
	 * @param deadLeaves whether dead-leaves images ({@link DeadLeavesSource})
	 *            join the clean sources, picked as often as each other source
	 * @param simulated whether the built-in simulations (microscopy scenes,
	 *            or the original denoise sampler's phantoms) are among the
	 *            clean sources
	 * @param knownDirection whether the context channels are told each pair's
	 *            stripe direction instead of estimating it
	 *            ({@link DegradationPairSampler#knownDirection})
	 * @param noisePeak the original denoise sampler's photon peak range, or
	 *            null for {@link #PEAK}
	 * @param noiseRead its read-noise range, or null for {@link #READ}
	 * @param fields the illumination fields of lighting pairs, or null for
	 *            all ({@link DegradationPairSampler#fields})
	 */
	record Synthetic( double untouched, int region, double tone, boolean toneInverts, boolean deadLeaves, boolean simulated, boolean knownDirection, double[] noisePeak, double[] noiseRead,
			List< IlluminationField > fields )
	{}

	/**
	 * The illumination fields a {@code --fields} option names, or null when
	 * it was not given.
	 *
	 * @throws RestoreException for an unknown field
	 */
	static List< IlluminationField > fields( final List< String > ids )
	{
		if ( ids == null )
			return null;
		try
		{
			return ids.stream().map( IlluminationField::parse ).toList();
		}
		catch ( final IllegalArgumentException e )
		{
			throw new RestoreException( "--fields: " + e.getMessage(), e );
		}
	}

	/** A MIN,MAX option, checked, or {@code fallback} when it was not given. */
	private static double[] range( final String option, final double[] given, final double[] fallback )
	{
		if ( given == null )
			return fallback;
		if ( given.length != 2 || !( given[ 0 ] > 0 ) || !( given[ 1 ] >= given[ 0 ] ) )
			throw new RestoreException( option + " needs MIN,MAX with 0 < MIN <= MAX, not " + Arrays.toString( given ) + "." );
		return given;
	}
}
