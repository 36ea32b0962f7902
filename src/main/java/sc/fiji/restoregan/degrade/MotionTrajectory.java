package sc.fiji.restoregan.degrade;

import java.util.Random;

/**
 * A random camera-shake trajectory after Boracchi and Foi (2012), as
 * DeblurGAN generates them ({@code motion_blur/generate_trajectory.py}): a
 * particle moves with constant speed {@code maxLength / (steps - 1)} per
 * step; its velocity is perturbed by Gaussian shake, pulled back towards the
 * origin (inertia, "centripetal"), and, with a small probability, abruptly
 * reversed (an impulsive shake).
 * <p>
 * Per trajectory, as in DeblurGAN: {@code centripetal = 0.7 U},
 * {@code bigShake = 0.2 U}, {@code gaussianShake = 10 U}, initial angle
 * {@code 360 U} degrees ({@code U} uniform in [0, 1)).
 * </p>
 *
 * @param x positions along X in pixels, one per step, starting at 0
 * @param y positions along Y in pixels
 */
public record MotionTrajectory( double[] x, double[] y )
{
	/** Number of steps DeblurGAN uses. */
	public static final int STEPS = 2000;

	/** Documented range of the total path length, px (DeblurGAN uses 60 on 256-pixel crops). */
	public static final Range LENGTH = Range.uniform( 5, 40 );

	/** Documented range of the shake parameter {@code expl} (DeblurGAN's data script: 0.003 to 0.01; 0 gives a straight line). */
	public static final Range EXPL = Range.uniform( 0.003, 0.01 );

	/**
	 * A random trajectory.
	 *
	 * @param rnd the randomness
	 * @param maxLength total path length in pixels, positive
	 * @param expl shake strength, 0 (straight line) to 0.1
	 */
	public static MotionTrajectory random( final Random rnd, final double maxLength, final double expl )
	{
		if ( !( maxLength > 0 ) || !( expl >= 0 && expl <= 0.1 ) )
			throw new IllegalArgumentException( "Need length > 0 and expl in [0, 0.1], not " + maxLength + ", " + expl );
		final double centripetal = 0.7 * rnd.nextDouble();
		final double bigShake = 0.2 * rnd.nextDouble();
		final double gaussianShake = 10 * rnd.nextDouble();
		final double angle = Math.toRadians( 360 * rnd.nextDouble() );
		final double speed = maxLength / ( STEPS - 1 );
		final double[] x = new double[ STEPS ], y = new double[ STEPS ];
		double vx = Math.cos( angle ) * ( expl > 0 ? expl : speed ), vy = Math.sin( angle ) * ( expl > 0 ? expl : speed );
		for ( int t = 0; t < STEPS - 1; t++ )
		{
			double dx = 0, dy = 0;
			if ( rnd.nextDouble() < bigShake * expl )
			{
				// impulsive shake: twice the velocity, turned by pi + U(-0.5, 0.5)
				final double turn = Math.PI + rnd.nextDouble() - 0.5, c = Math.cos( turn ), s = Math.sin( turn );
				dx = 2 * ( vx * c - vy * s );
				dy = 2 * ( vx * s + vy * c );
			}
			final double gx = rnd.nextGaussian(), gy = rnd.nextGaussian();
			dx += expl * ( gaussianShake * gx - centripetal * x[ t ] ) * speed;
			dy += expl * ( gaussianShake * gy - centripetal * y[ t ] ) * speed;
			vx += dx;
			vy += dy;
			final double norm = Math.hypot( vx, vy );
			vx = vx / norm * speed;
			vy = vy / norm * speed;
			x[ t + 1 ] = x[ t ] + vx;
			y[ t + 1 ] = y[ t ] + vy;
		}
		return new MotionTrajectory( x, y );
	}

	/** Number of positions. */
	public int length()
	{
		return x.length;
	}
}
