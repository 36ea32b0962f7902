package sc.fiji.restoregan.filter;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Collectors;

import sc.fiji.restoregan.baseline.WedgeDestriping;

/**
 * Extra input channels that give a tiled network the whole plane's context:
 * for each scale sigma, the plane's Gaussian background {@code b = G_sigma * x}
 * and its flat-field {@code x m / max(b, m / 4)}, where {@code m} is the
 * plane's mean background (so the flat-field keeps the plane's brightness
 * and the divisor stays above a quarter of it). A network can subtract the
 * first (background, haze) and read the second (uneven lighting, which
 * divides), which a few 3x3 convolutions cannot estimate from one tile.
 * <p>
 * The channels are computed once on the whole normalised plane, before
 * tiling, both at inference and on each training region, so a tile sees the
 * same context wherever it lies. Large sigmas are computed on a copy
 * averaged over blocks of {@code floor(sigma / 8)} pixels and bilinearly
 * interpolated back, which costs a few operations per pixel whatever the
 * sigma; training and inference share this code, so the approximation is
 * part of the definition.
 * </p>
 * <p>
 * For stripes and streaks that cross the whole plane, the channels can also
 * hold the plane destriped by an FFT wedge ({@link WedgeDestriping}) at the
 * stripes' direction estimated on the plane, one channel per wedge, each
 * wedge with its half-width and the radius of the low frequencies it spares
 * (its centre): the global view a tiled network lacks.
 * </p>
 *
 * @param sigmas scales of the background, in pixels, each positive
 * @param wedges half-widths of the destriping wedges, in degrees, each
 *            positive
 * @param centres for each wedge, the radius of the spared centre, cycles
 *            per pixel, each positive
 */
public record ContextChannels( double[] sigmas, double[] wedges, double[] centres )
{
	/** No context: the network sees only the image. */
	public static final ContextChannels NONE = new ContextChannels( new double[ 0 ] );

	/** Radius of the spared centre of a destriping wedge unless given, cycles per pixel. */
	public static final double WEDGE_CENTRE = 0.01;

	/** Pixels per block of the averaged copy: a sigma of 8 blocks. */
	private static final double BLOCKS_PER_SIGMA = 8;

	/** The divisor of the flat-field stays above this fraction of the mean background. */
	private static final double FLOOR = 0.25;

	/**
	 * @param sigmas scales in pixels; null means none
	 * @param wedges wedge half-widths in degrees; null means none
	 * @param centres the wedges' spared centres in cycles per pixel, as many
	 *            as wedges; null means {@link #WEDGE_CENTRE} for each
	 */
	public ContextChannels
	{
		sigmas = positive( sigmas, "Context scales" );
		wedges = positive( wedges, "Destriping wedges" );
		if ( centres == null )
		{
			centres = new double[ wedges.length ];
			Arrays.fill( centres, WEDGE_CENTRE );
		}
		centres = positive( centres, "Centres of destriping wedges" );
		if ( centres.length != wedges.length )
			throw new IllegalArgumentException( "Need one centre per destriping wedge, not " + centres.length + " for " + wedges.length );
	}

	/**
	 * Wedges that each spare {@link #WEDGE_CENTRE}.
	 *
	 * @param sigmas scales in pixels; null means none
	 * @param wedges wedge half-widths in degrees; null means none
	 */
	public ContextChannels( final double[] sigmas, final double[] wedges )
	{
		this( sigmas, wedges, null );
	}

	/** Background and flat-field channels only. @param sigmas scales in pixels; null means none */
	public ContextChannels( final double[] sigmas )
	{
		this( sigmas, null );
	}

	/** Whether every wedge spares {@link #WEDGE_CENTRE}, the default. */
	public boolean defaultCentres()
	{
		return Arrays.stream( centres ).allMatch( c -> c == WEDGE_CENTRE );
	}

	private static double[] positive( final double[] values, final String what )
	{
		if ( values == null )
			return new double[ 0 ];
		for ( final double v : values )
			if ( !( v > 0 ) )
				throw new IllegalArgumentException( what + " must be positive, not " + v );
		return values.clone();
	}

	/** Number of channels added: two per scale and one per wedge. */
	public int count()
	{
		return 2 * sigmas.length + wedges.length;
	}

	/** Whether there are no context channels. */
	public boolean isEmpty()
	{
		return count() == 0;
	}

	/**
	 * The context channels of a normalised plane.
	 *
	 * @param plane row-major values, X fastest
	 * @return {@link #count()} planes of the same size: background and
	 *         flat-field for each sigma in order, then the destriped plane
	 *         for each wedge in order
	 */
	public float[][] compute( final float[] plane, final int width, final int height )
	{
		final float[][] out = new float[ count() ][];
		for ( int i = 0; i < sigmas.length; i++ )
		{
			final float[] b = background( plane, width, height, sigmas[ i ] );
			double mean = 0;
			for ( final float v : b )
				mean += v;
			mean /= b.length;
			final double floor = Math.max( FLOOR * Math.abs( mean ), 1e-3 );
			final float[] flat = new float[ plane.length ];
			for ( int p = 0; p < flat.length; p++ )
				flat[ p ] = ( float ) ( plane[ p ] * Math.abs( mean ) / Math.max( b[ p ], floor ) );
			out[ 2 * i ] = b;
			out[ 2 * i + 1 ] = flat;
		}
		if ( wedges.length > 0 )
		{
			final double direction = WedgeDestriping.estimateDirection( plane, width, height );
			final float[][] destriped = WedgeDestriping.filter( plane, width, height, direction, wedges, centres );
			System.arraycopy( destriped, 0, out, 2 * sigmas.length, wedges.length );
		}
		return out;
	}

	/**
	 * The Gaussian background of {@code sigma} px: exact for sigmas below
	 * 16, otherwise computed on block averages (see the class description).
	 */
	static float[] background( final float[] plane, final int width, final int height, final double sigma )
	{
		final int f = ( int ) Math.floor( sigma / BLOCKS_PER_SIGMA );
		if ( f < 2 )
			return GaussianBlur.blur( plane, width, height, sigma );
		final int sw = ( width + f - 1 ) / f, sh = ( height + f - 1 ) / f;
		final float[] small = new float[ sw * sh ];
		final int[] counts = new int[ sw * sh ];
		for ( int y = 0; y < height; y++ )
			for ( int x = 0; x < width; x++ )
			{
				small[ y / f * sw + x / f ] += plane[ y * width + x ];
				counts[ y / f * sw + x / f ]++;
			}
		for ( int i = 0; i < small.length; i++ )
			small[ i ] /= counts[ i ];
		final float[] blurred = GaussianBlur.blur( small, sw, sh, sigma / f );
		final float[] out = new float[ plane.length ];
		for ( int y = 0; y < height; y++ )
		{
			final double fy = Math.min( Math.max( ( y + 0.5 ) / f - 0.5, 0 ), sh - 1 );
			final int y0 = ( int ) fy, y1 = Math.min( y0 + 1, sh - 1 );
			final double ty = fy - y0;
			for ( int x = 0; x < width; x++ )
			{
				final double fx = Math.min( Math.max( ( x + 0.5 ) / f - 0.5, 0 ), sw - 1 );
				final int x0 = ( int ) fx, x1 = Math.min( x0 + 1, sw - 1 );
				final double tx = fx - x0;
				final double top = blurred[ y0 * sw + x0 ] * ( 1 - tx ) + blurred[ y0 * sw + x1 ] * tx;
				final double bottom = blurred[ y1 * sw + x0 ] * ( 1 - tx ) + blurred[ y1 * sw + x1 ] * tx;
				out[ y * width + x ] = ( float ) ( top * ( 1 - ty ) + bottom * ty );
			}
		}
		return out;
	}

	/**
	 * Words for cards and logs, for example "background and flat-field at
	 * sigma 16, 64 px" or "destriped by FFT wedges of 3, 15 deg (sparing 0.01,
	 * 0.01 cycles/px) at the estimated direction".
	 */
	public String describe()
	{
		if ( isEmpty() )
			return "none";
		final String background = "background and flat-field at sigma " + list( sigmas ) + " px";
		final String destriped = "destriped by FFT wedges of " + list( wedges ) + " deg (sparing " + list( centres ) + " cycles/px) at the estimated direction";
		if ( wedges.length == 0 )
			return background;
		return sigmas.length == 0 ? destriped : background + "; " + destriped;
	}

	private static String list( final double[] values )
	{
		return Arrays.stream( values ).mapToObj( v -> BigDecimal.valueOf( v ).stripTrailingZeros().toPlainString() ).collect( Collectors.joining( ", " ) );
	}

	@Override
	public boolean equals( final Object o )
	{
		return o instanceof ContextChannels c && Arrays.equals( sigmas, c.sigmas ) && Arrays.equals( wedges, c.wedges ) && Arrays.equals( centres, c.centres );
	}

	@Override
	public int hashCode()
	{
		return Arrays.hashCode( new int[] { Arrays.hashCode( sigmas ), Arrays.hashCode( wedges ), Arrays.hashCode( centres ) } );
	}

	@Override
	public String toString()
	{
		return "ContextChannels" + Arrays.toString( sigmas ) + ( wedges.length == 0 ? "" : " wedges " + Arrays.toString( wedges ) + " centres " + Arrays.toString( centres ) );
	}
}
