package sc.fiji.restoregan.degrade;

import java.util.Locale;
import java.util.Random;

/**
 * Convolution with a normalised kernel (sum 1), so total intensity is
 * conserved. The factories build the kernels of the documented blur types;
 * {@link DegradationKind#BLUR} follows the blur with mild camera noise.
 *
 * @param name the blur type and its parameters, for {@link #describe()}
 * @param kernel the point-spread function, normalised to sum 1
 */
public record Blur( String name, Kernel kernel ) implements Degradation
{
	/** The blur types. */
	public enum Type
	{
		/** Isotropic Gaussian ({@link #SIGMA}). */
		GAUSSIAN,
		/** Uniform defocus disk ({@link #DISK_RADIUS}). */
		DEFOCUS,
		/** Defocused widefield diffraction PSF ({@link #AIRY_RADIUS}, {@link #DEFOCUS_WAVES}). */
		WIDEFIELD,
		/** Random camera-shake trajectory ({@link MotionTrajectory#LENGTH}, {@link MotionTrajectory#EXPL}, {@link MotionKernel#EXPOSURE}). */
		MOTION,
		/** Rotated anisotropic Gaussian ({@link #SIGMA_MAJOR}, {@link #SIGMA_MINOR}). */
		ANISOTROPIC;

		/** The lower-case name used on the command line. */
		public String id()
		{
			return name().toLowerCase( Locale.ROOT );
		}
	}

	/** Gaussian sigma, px. */
	public static final Range SIGMA = Range.uniform( 0.8, 3 );

	/** Defocus disk radius, px. */
	public static final Range DISK_RADIUS = Range.uniform( 1, 6 );

	/** First-dark-ring radius of the widefield PSF, px. */
	public static final Range AIRY_RADIUS = Range.uniform( 1.5, 4 );

	/** Widefield defocus at the pupil edge, waves. */
	public static final Range DEFOCUS_WAVES = Range.uniform( 0, 2 );

	/** Major-axis sigma of the anisotropic Gaussian, px. */
	public static final Range SIGMA_MAJOR = Range.uniform( 1.5, 4 );

	/** Minor-axis sigma of the anisotropic Gaussian, px. */
	public static final Range SIGMA_MINOR = Range.uniform( 0.5, 1.5 );

	/** Checks the kernel. */
	public Blur
	{
		if ( Math.abs( kernel.sum() - 1 ) > 1e-4 )
			throw new IllegalArgumentException( "Blur kernels must sum to 1, not " + kernel.sum() );
	}

	/** Gaussian blur of standard deviation {@code sigma} px. */
	public static Blur gaussian( final double sigma )
	{
		return new Blur( String.format( Locale.ROOT, "gaussian blur sigma %.2f px", sigma ), Kernels.gaussian( sigma ) );
	}

	/** Defocus disk of radius {@code radius} px. */
	public static Blur defocus( final double radius )
	{
		return new Blur( String.format( Locale.ROOT, "defocus disk radius %.2f px", radius ), Kernels.disk( radius ) );
	}

	/** Widefield PSF, see {@link WidefieldPsf#kernel(double, double)}. */
	public static Blur widefield( final double airyRadius, final double defocusWaves )
	{
		return new Blur( String.format( Locale.ROOT, "widefield PSF airy radius %.2f px, defocus %.2f waves", airyRadius, defocusWaves ),
				WidefieldPsf.kernel( airyRadius, defocusWaves ) );
	}

	/**
	 * Motion blur along a new random trajectory drawn from {@code rnd}.
	 *
	 * @param length trajectory length, px
	 * @param expl shake strength (0 straight)
	 * @param exposure fraction of the trajectory exposed, (0, 1]
	 */
	public static Blur motion( final Random rnd, final double length, final double expl, final double exposure )
	{
		return new Blur( String.format( Locale.ROOT, "motion blur length %.1f px, expl %.4f, exposure %.2f", length, expl, exposure ),
				MotionKernel.of( MotionTrajectory.random( rnd, length, expl ), exposure ) );
	}

	/** Rotated anisotropic Gaussian, see {@link Kernels#anisotropicGaussian}. */
	public static Blur anisotropic( final double sigmaMajor, final double sigmaMinor, final double angleDegrees )
	{
		return new Blur( String.format( Locale.ROOT, "anisotropic gaussian sigmas %.2f, %.2f px at %.0f deg", sigmaMajor, sigmaMinor, angleDegrees ),
				Kernels.anisotropicGaussian( sigmaMajor, sigmaMinor, angleDegrees ) );
	}

	/** A blur of the given type with parameters drawn from the documented ranges. */
	public static Blur random( final Type type, final Random rnd )
	{
		switch ( type )
		{
		case GAUSSIAN:
			return gaussian( SIGMA.draw( rnd ) );
		case DEFOCUS:
			return defocus( DISK_RADIUS.draw( rnd ) );
		case WIDEFIELD:
			return widefield( AIRY_RADIUS.draw( rnd ), DEFOCUS_WAVES.draw( rnd ) );
		case MOTION:
			return motion( rnd, MotionTrajectory.LENGTH.draw( rnd ), MotionTrajectory.EXPL.draw( rnd ), MotionKernel.EXPOSURE.draw( rnd ) );
		default:
			return anisotropic( SIGMA_MAJOR.draw( rnd ), SIGMA_MINOR.draw( rnd ), 180 * rnd.nextDouble() );
		}
	}

	/** A blur of a random type (all equally likely) with random parameters. */
	public static Blur random( final Random rnd )
	{
		final Type[] types = Type.values();
		return random( types[ rnd.nextInt( types.length ) ], rnd );
	}

	@Override
	public float[] apply( final float[] img, final int width, final int height, final Random rnd )
	{
		return Convolution.apply( img, width, height, kernel );
	}

	@Override
	public String describe()
	{
		return name;
	}

	/** The kernel: a blur's PSF. */
	@Override
	public Kernel psf()
	{
		return kernel;
	}
}
