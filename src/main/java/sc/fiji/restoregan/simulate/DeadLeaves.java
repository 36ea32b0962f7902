package sc.fiji.restoregan.simulate;

import java.util.Random;

import sc.fiji.restoregan.degrade.Range;
import sc.fiji.restoregan.filter.GaussianBlur;

/**
 * Dead-leaves images: opaque disks of random grey level stacked on top of
 * each other, with radii drawn from a power law {@code p(r) ~ r^-3}. The
 * model has the statistics that make natural images natural (scale
 * invariance, occlusion, sharp edges between flat regions; Lee, Mumford and
 * Huang 2001), and networks trained on it alone restore photographs nearly
 * as well as networks trained on photographs (Achddou, Gousseau and Ladjal
 * 2021). Training on it besides microscopy scenes widens what a network has
 * seen beyond the few clean images it is given.
 * <p>
 * Disks are drawn front to back, each painting only the pixels no nearer
 * disk covers, until the whole region is covered. Each disk has a gentle
 * linear shading, and the region a small Gaussian blur (optics and pixels
 * are never ideal).
 * </p>
 */
public final class DeadLeaves
{
	/** Exponent of the radius power law. */
	public static final double ALPHA = 3;

	/** Smallest radius, px. */
	public static final double MIN_RADIUS = 1;

	/** Largest radius, as a fraction of the region's side. */
	public static final double MAX_RADIUS_FRACTION = 0.5;

	/** Shading: change of a disk's grey level across its radius. */
	public static final Range SHADING = Range.uniform( -0.15, 0.15 );

	/** Blur sigma of the finished region, px. */
	public static final Range BLUR = Range.uniform( 0, 1 );

	/** At most this many disks per pixel before the rest is left to the backdrop. */
	private static final int MAX_DISKS_PER_PIXEL = 4;

	private DeadLeaves()
	{}

	/**
	 * A dead-leaves region.
	 *
	 * @param rnd the only source of randomness
	 * @param size side length in pixels
	 * @return {@code size * size} values in [0, 1], row-major
	 */
	public static float[] generate( final Random rnd, final int size )
	{
		final float[] img = new float[ size * size ];
		final boolean[] covered = new boolean[ size * size ];
		final double maxRadius = Math.max( MIN_RADIUS * 2, MAX_RADIUS_FRACTION * size );
		long uncovered = ( long ) size * size;
		final long maxDisks = ( long ) MAX_DISKS_PER_PIXEL * size * size;
		for ( long d = 0; d < maxDisks && uncovered > 0; d++ )
		{
			final double r = radius( rnd.nextDouble(), maxRadius );
			final double cx = -maxRadius + ( size + 2 * maxRadius ) * rnd.nextDouble();
			final double cy = -maxRadius + ( size + 2 * maxRadius ) * rnd.nextDouble();
			final double grey = rnd.nextDouble();
			final double angle = 2 * Math.PI * rnd.nextDouble();
			final double shade = SHADING.draw( rnd ) / r;
			uncovered -= paint( img, covered, size, cx, cy, r, grey, shade * Math.cos( angle ), shade * Math.sin( angle ) );
		}
		if ( uncovered > 0 )
		{
			final float backdrop = ( float ) rnd.nextDouble();
			for ( int i = 0; i < img.length; i++ )
				if ( !covered[ i ] )
					img[ i ] = backdrop;
		}
		final double sigma = BLUR.draw( rnd );
		// below 0.1 px the kernel's side weights are under 1e-20: the blur would copy
		return sigma < 0.1 ? img : GaussianBlur.blur( img, size, size, sigma );
	}

	/** The radius at quantile {@code u} of the truncated power law. */
	static double radius( final double u, final double maxRadius )
	{
		final double e = 1 - ALPHA;
		final double lo = Math.pow( MIN_RADIUS, e ), hi = Math.pow( maxRadius, e );
		return Math.pow( lo - u * ( lo - hi ), 1 / e );
	}

	/** Paints the uncovered pixels of one disk; returns how many it painted. */
	private static long paint( final float[] img, final boolean[] covered, final int size, final double cx, final double cy, final double r,
			final double grey, final double gx, final double gy )
	{
		final int x0 = Math.max( 0, ( int ) Math.ceil( cx - r ) ), x1 = Math.min( size - 1, ( int ) Math.floor( cx + r ) );
		final int y0 = Math.max( 0, ( int ) Math.ceil( cy - r ) ), y1 = Math.min( size - 1, ( int ) Math.floor( cy + r ) );
		long painted = 0;
		for ( int y = y0; y <= y1; y++ )
		{
			final double dy = y - cy;
			for ( int x = x0; x <= x1; x++ )
			{
				final double dx = x - cx;
				final int i = y * size + x;
				if ( covered[ i ] || dx * dx + dy * dy > r * r )
					continue;
				covered[ i ] = true;
				img[ i ] = ( float ) Math.min( 1, Math.max( 0, grey + gx * dx + gy * dy ) );
				painted++;
			}
		}
		return painted;
	}
}
