package sc.fiji.restoregan.degrade;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Light-sheet stripes: shadows (and a few bright stripes) cast along the
 * illumination direction by absorbing or refracting objects. Each stripe
 * starts at a random point and runs to the far edge along
 * {@code angle}, with a Gaussian cross-section; the stripes multiply the
 * image: {@code out = x * prod_k (1 + a_k g_k)}, with {@code a_k} in
 * {@code [-depth, depth / 2]} and the factor kept at least 0.
 *
 * @param count number of stripes (documented range 5 to 40)
 * @param angle illumination direction, degrees from +X towards +Y (0:
 *            stripes along X, the usual light-sheet geometry)
 * @param depth largest relative dimming of a stripe, 0 to 1 (documented
 *            range 0.2 to 0.8)
 * @param width largest cross-section sigma, px; each stripe draws its own in
 *            [0.3, 1] times it (documented range 1 to 6)
 */
public record Stripes( int count, double angle, double depth, double width ) implements Degradation
{
	/** Number of stripes. */
	public static final Range COUNT = Range.uniform( 5, 40 );

	/** Largest dimming. */
	public static final Range DEPTH = Range.uniform( 0.2, 0.8 );

	/** Largest cross-section sigma, px. */
	public static final Range WIDTH = Range.uniform( 1, 6 );

	/** Checks the parameters. */
	public Stripes
	{
		if ( count < 0 || !( depth >= 0 && depth <= 1 ) || !( width > 0 ) || !Double.isFinite( angle ) )
			throw new IllegalArgumentException( "Need count >= 0, depth in [0, 1], width > 0 and a finite angle" );
	}

	/** Stripes along X or Y (equally likely) with parameters drawn from the documented ranges. */
	public static Stripes random( final Random rnd )
	{
		return new Stripes( COUNT.drawInt( rnd ), rnd.nextBoolean() ? 0 : 90, DEPTH.draw( rnd ), WIDTH.draw( rnd ) );
	}

	@Override
	public float[] apply( final float[] img, final int width, final int height, final Random rnd )
	{
		final double a = Math.toRadians( angle ), c = Math.cos( a ), s = Math.sin( a );
		// the image's extent along and across the direction
		final double[] range = extents( width, height, c, s );
		final float[] factor = new float[ img.length ];
		Arrays.fill( factor, 1 );
		for ( int k = 0; k < count; k++ )
		{
			final double across0 = range[ 2 ] + ( range[ 3 ] - range[ 2 ] ) * rnd.nextDouble();
			final double start = range[ 0 ] + ( range[ 1 ] - range[ 0 ] ) * 0.8 * rnd.nextDouble();
			final double sigma = this.width * ( 0.3 + 0.7 * rnd.nextDouble() );
			final double amp = depth * ( 1.5 * rnd.nextDouble() - 1 );
			for ( int y = 0; y < height; y++ )
				for ( int x = 0; x < width; x++ )
				{
					final double along = x * c + y * s, d = -x * s + y * c - across0;
					if ( Math.abs( d ) > 4 * sigma + 1 || along < start - 4 * sigma )
						continue;
					final double onset = 1 / ( 1 + Math.exp( -( along - start ) / sigma ) );
					final int i = y * width + x;
					factor[ i ] *= ( float ) Math.max( 0, 1 + amp * onset * Math.exp( -d * d / ( 2 * sigma * sigma ) ) );
				}
		}
		final float[] out = new float[ img.length ];
		for ( int i = 0; i < out.length; i++ )
			out[ i ] = img[ i ] * factor[ i ];
		return out;
	}

	/** {min along, max along, min across, max across} over the image corners. */
	private static double[] extents( final int width, final int height, final double c, final double s )
	{
		final double[] r = { Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE };
		for ( final int x : new int[] { 0, width - 1 } )
			for ( final int y : new int[] { 0, height - 1 } )
			{
				final double along = x * c + y * s, across = -x * s + y * c;
				r[ 0 ] = Math.min( r[ 0 ], along );
				r[ 1 ] = Math.max( r[ 1 ], along );
				r[ 2 ] = Math.min( r[ 2 ], across );
				r[ 3 ] = Math.max( r[ 3 ], across );
			}
		return r;
	}

	@Override
	public String describe()
	{
		return String.format( Locale.ROOT, "%d light-sheet stripes along %.0f deg, depth %.2f, width %.1f px", count, angle, depth, width );
	}

	/** The dominant direction: the angle. */
	@Override
	public double direction()
	{
		return angle;
	}
}
