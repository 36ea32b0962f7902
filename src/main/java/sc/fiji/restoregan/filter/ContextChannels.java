package sc.fiji.restoregan.filter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import sc.fiji.restoregan.baseline.NonLocalMeans;
import sc.fiji.restoregan.baseline.WedgeDestriping;
import sc.fiji.restoregan.baseline.WienerDeconvolution;
import sc.fiji.restoregan.degrade.KnownDegradation;

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
 * <p>
 * Light-sheet stripes run along the light sheet, which on most microscopes
 * lies along an image axis; the direction estimate, on the other hand, can be
 * drawn off by the image's own straight structures. Axis wedges therefore
 * destripe the plane along X and along Y, whatever the estimate says: two
 * channels per axis wedge, along X first. A transposed plane swaps them,
 * which {@link #channelOrder(boolean)} gives to the self-ensemble.
 * </p>
 * <p>
 * For deblurring with a known point-spread function, the channels can also
 * hold the plane Wiener-deconvolved with that PSF
 * ({@link WienerDeconvolution}), one channel per balance (noise-to-signal
 * power ratio): what the classical method gives, for the network to clean
 * up. These channels need the PSF ({@link #compute(float[], int, int, KnownDegradation)});
 * flipped and turned with the plane they are those of the flipped and turned
 * plane and PSF, so the self-ensemble keeps them.
 * </p>
 * <p>
 * For denoising, the channels can also hold the plane filtered by non-local
 * means ({@link NonLocalMeans#rooted}: on its square root, patch
 * {@value #NLM_PATCH} x {@value #NLM_PATCH}, search window
 * {@value #NLM_SEARCH} x {@value #NLM_SEARCH}), one channel per filtering
 * strength: the image's self-similarity across the search window, which a
 * few 3x3 convolutions do not see. Square patches and windows make them
 * flip- and turn-equivariant.
 * </p>
 * <p>
 * For uneven lighting, the channels can also hold, for each listed degree,
 * the plane's least-squares polynomial surface ({@link PolynomialSurface})
 * and the plane divided by it as the Gaussian background divides it (two
 * channels per degree, last): degree 1 has the shape of a linear gradient,
 * degree 2 that of a vignette, exactly, and unlike a Gaussian background
 * neither follows the content's own structures of a few tens of pixels. A
 * fit over the whole plane commutes with flips and turns.
 * </p>
 *
 * @param sigmas scales of the background, in pixels, each positive
 * @param wedges half-widths of the destriping wedges, in degrees, each
 *            positive
 * @param centres for each wedge, the radius of the spared centre, cycles
 *            per pixel, each positive
 * @param axisWedges half-widths, in degrees, of the wedges applied along X
 *            and along Y, each positive
 * @param axisCentres for each axis wedge, the radius of the spared centre,
 *            cycles per pixel, each positive
 * @param wiener balances of the Wiener deconvolutions with the known PSF,
 *            each positive
 * @param nlm strengths of the non-local means, in units of the noise sigma
 *            estimated on the plane's square root, each positive
 * @param surfaces total degrees of the polynomial surfaces, each a whole
 *            number from 1 to {@link PolynomialSurface#MAX_DEGREE}
 */
public record ContextChannels( double[] sigmas, double[] wedges, double[] centres, double[] axisWedges, double[] axisCentres, double[] wiener, double[] nlm, double[] surfaces )
{
	/** Patch side of the non-local means channels. */
	public static final int NLM_PATCH = 5;

	/** Search-window side of the non-local means channels. */
	public static final int NLM_SEARCH = 13;

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
	 * @param axisWedges half-widths of the wedges along both axes in degrees;
	 *            null means none
	 * @param axisCentres their spared centres in cycles per pixel, as many as
	 *            axis wedges; null means {@link #WEDGE_CENTRE} for each
	 * @param wiener balances of the Wiener deconvolutions with the known PSF;
	 *            null means none
	 * @param nlm strengths of the non-local means channels; null means none
	 * @param surfaces degrees of the polynomial surface channels; null means
	 *            none
	 */
	public ContextChannels
	{
		sigmas = positive( sigmas, "Context scales" );
		wedges = positive( wedges, "Destriping wedges" );
		centres = centres( centres, wedges, "" );
		axisWedges = positive( axisWedges, "Axis destriping wedges" );
		axisCentres = centres( axisCentres, axisWedges, "axis " );
		wiener = positive( wiener, "Wiener balances" );
		nlm = positive( nlm, "Non-local means strengths" );
		surfaces = positive( surfaces, "Surface degrees" );
		for ( final double d : surfaces )
			if ( d != Math.rint( d ) || d > PolynomialSurface.MAX_DEGREE )
				throw new IllegalArgumentException( "Surface degrees must be whole numbers from 1 to " + PolynomialSurface.MAX_DEGREE + ", not " + d );
	}

	/**
	 * Channels without polynomial surfaces.
	 *
	 * @param nlm strengths of the non-local means channels; null means none
	 * @see #ContextChannels(double[], double[], double[], double[], double[], double[])
	 */
	public ContextChannels( final double[] sigmas, final double[] wedges, final double[] centres, final double[] axisWedges, final double[] axisCentres, final double[] wiener, final double[] nlm )
	{
		this( sigmas, wedges, centres, axisWedges, axisCentres, wiener, nlm, null );
	}

	/**
	 * Channels without non-local means.
	 *
	 * @param wiener balances of the Wiener deconvolutions with the known PSF;
	 *            null means none
	 * @see #ContextChannels(double[], double[], double[], double[], double[])
	 */
	public ContextChannels( final double[] sigmas, final double[] wedges, final double[] centres, final double[] axisWedges, final double[] axisCentres, final double[] wiener )
	{
		this( sigmas, wedges, centres, axisWedges, axisCentres, wiener, null );
	}

	/**
	 * Channels that need no PSF.
	 *
	 * @param sigmas scales in pixels; null means none
	 * @param wedges wedge half-widths in degrees; null means none
	 * @param centres their spared centres; null means {@link #WEDGE_CENTRE}
	 *            for each
	 * @param axisWedges half-widths of the wedges along both axes in degrees;
	 *            null means none
	 * @param axisCentres their spared centres; null means
	 *            {@link #WEDGE_CENTRE} for each
	 */
	public ContextChannels( final double[] sigmas, final double[] wedges, final double[] centres, final double[] axisWedges, final double[] axisCentres )
	{
		this( sigmas, wedges, centres, axisWedges, axisCentres, null );
	}

	/** These channels with the Wiener deconvolutions at {@code balances} instead of any before. */
	public ContextChannels withWiener( final double[] balances )
	{
		return new ContextChannels( sigmas, wedges, centres, axisWedges, axisCentres, balances, nlm, surfaces );
	}

	/** These channels with non-local means at {@code strengths} instead of any before. */
	public ContextChannels withNlm( final double[] strengths )
	{
		return new ContextChannels( sigmas, wedges, centres, axisWedges, axisCentres, wiener, strengths, surfaces );
	}

	/** These channels with polynomial surfaces of {@code degrees} instead of any before. */
	public ContextChannels withSurfaces( final double[] degrees )
	{
		return new ContextChannels( sigmas, wedges, centres, axisWedges, axisCentres, wiener, nlm, degrees );
	}

	/** Index of the first polynomial surface channel among the context channels (its flat-field follows). */
	public int firstSurfaceChannel()
	{
		return firstNlmChannel() + nlm.length;
	}

	/** Index of the first non-local means channel among the context channels. */
	public int firstNlmChannel()
	{
		return firstWienerChannel() + wiener.length;
	}

	/** Whether the channels need the point-spread function of the blur (Wiener channels). */
	public boolean needsPsf()
	{
		return wiener.length > 0;
	}

	/** Index of the first Wiener channel among the context channels. */
	public int firstWienerChannel()
	{
		return firstAxisChannel() + 2 * axisWedges.length;
	}

	/**
	 * Wedges at the estimated direction only.
	 *
	 * @param sigmas scales in pixels; null means none
	 * @param wedges wedge half-widths in degrees; null means none
	 * @param centres their spared centres; null means {@link #WEDGE_CENTRE}
	 *            for each
	 */
	public ContextChannels( final double[] sigmas, final double[] wedges, final double[] centres )
	{
		this( sigmas, wedges, centres, null, null );
	}

	private static double[] centres( final double[] centres, final double[] wedges, final String kind )
	{
		if ( centres == null )
		{
			final double[] c = new double[ wedges.length ];
			Arrays.fill( c, WEDGE_CENTRE );
			return c;
		}
		final double[] c = positive( centres, "Centres of " + kind + "destriping wedges" );
		if ( c.length != wedges.length )
			throw new IllegalArgumentException( "Need one centre per " + kind + "destriping wedge, not " + c.length + " for " + wedges.length );
		return c;
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

	/** Whether every wedge at the estimated direction spares {@link #WEDGE_CENTRE}, the default. */
	public boolean defaultCentres()
	{
		return isDefault( centres );
	}

	/** Whether every axis wedge spares {@link #WEDGE_CENTRE}, the default. */
	public boolean defaultAxisCentres()
	{
		return isDefault( axisCentres );
	}

	private static boolean isDefault( final double[] centres )
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

	/**
	 * Whether these channels are the first {@link #count()} of
	 * {@code other}'s, in the same order, as far as this tells: when these
	 * are none, the same channels, or the same but for the polynomial
	 * surfaces (the last channels) that {@code other} adds. A network that
	 * sees these can then read its channels from a tile made for
	 * {@code other}.
	 */
	public boolean isPrefixOf( final ContextChannels other )
	{
		return count() == 0 || Arrays.equals( sigmas, other.sigmas ) && Arrays.equals( wedges, other.wedges ) && Arrays.equals( centres, other.centres )
				&& Arrays.equals( axisWedges, other.axisWedges ) && Arrays.equals( axisCentres, other.axisCentres ) && Arrays.equals( wiener, other.wiener )
				&& Arrays.equals( nlm, other.nlm ) && ( surfaces.length == 0 || Arrays.equals( surfaces, other.surfaces ) );
	}

	/** Number of channels added: two per scale, one per wedge, two per axis wedge, one per Wiener balance, one per non-local means strength and two per surface degree. */
	public int count()
	{
		return firstSurfaceChannel() + 2 * surfaces.length;
	}

	/**
	 * Where each channel of a flipped or turned plane comes from: the
	 * channels of a plane, flipped and turned with it, are the channels of the
	 * turned plane except that a transpose swaps each axis wedge's two
	 * channels (its X is the plane's Y). Mirrors change no channel: the
	 * background is isotropic and the estimated direction turns with the
	 * plane.
	 *
	 * @param transposed whether the plane is transposed
	 * @return for each channel, the index of the channel of the plane itself
	 *         that, flipped and turned, gives it
	 */
	public int[] channelOrder( final boolean transposed )
	{
		final int[] order = new int[ count() ];
		for ( int c = 0; c < order.length; c++ )
			order[ c ] = c;
		if ( transposed )
			for ( int c = firstAxisChannel(); c < firstWienerChannel(); c += 2 )
			{
				order[ c ] = c + 1;
				order[ c + 1 ] = c;
			}
		return order;
	}

	/** Index of the first axis wedge's channel (along X; along Y follows). */
	private int firstAxisChannel()
	{
		return firstWedgeChannel() + wedges.length;
	}

	/**
	 * Index of the flat-field at the last listed scale among the context
	 * channels (the background channels come in pairs, background then
	 * flat-field, in the order of the scales), or -1 without scales.
	 */
	public int lastFlatFieldChannel()
	{
		return 2 * sigmas.length - 1;
	}

	/** Index of the first channel destriped at the stripes' direction (known or estimated) among the context channels. */
	public int firstWedgeChannel()
	{
		return 2 * sigmas.length;
	}

	/** Whether there are no context channels. */
	public boolean isEmpty()
	{
		return count() == 0;
	}

	/**
	 * The context channels of a normalised plane when nothing is known of
	 * its degradation: wedges at the estimated direction.
	 *
	 * @throws IllegalStateException when they need a PSF ({@link #needsPsf()})
	 * @see #compute(float[], int, int, KnownDegradation)
	 */
	public float[][] compute( final float[] plane, final int width, final int height )
	{
		return compute( plane, width, height, KnownDegradation.NONE );
	}

	/**
	 * The context channels of a normalised plane.
	 *
	 * @param plane row-major values, X fastest
	 * @param known what is known of the degradation: the PSF, needed (and
	 *            only read) when {@link #needsPsf()}; the stripe direction,
	 *            which the wedges at the estimated direction take instead of
	 *            the estimate when it is known
	 * @return {@link #count()} planes of the same size: background and
	 *         flat-field for each sigma in order, then the destriped plane
	 *         for each wedge in order, then for each axis wedge in order the
	 *         plane destriped along X and along Y, then the plane
	 *         Wiener-deconvolved at each balance in order, then the plane
	 *         filtered by non-local means at each strength in order, then
	 *         the polynomial surface and the plane divided by it for each
	 *         degree in order
	 * @throws IllegalStateException when the channels need a PSF and none is
	 *             known
	 */
	public float[][] compute( final float[] plane, final int width, final int height, final KnownDegradation known )
	{
		if ( needsPsf() && known.psf() == null )
			throw new IllegalStateException( "These context channels Wiener-deconvolve the plane and need its point-spread function" );
		final float[][] out = new float[ count() ][];
		if ( needsPsf() )
			System.arraycopy( WienerDeconvolution.deconvolve( plane, width, height, known.psf(), wiener ), 0, out, firstWienerChannel(), wiener.length );
		if ( nlm.length > 0 )
			System.arraycopy( NonLocalMeans.rooted( plane, width, height, NLM_PATCH, NLM_SEARCH, nlm ), 0, out, firstNlmChannel(), nlm.length );
		for ( int i = 0; i < sigmas.length; i++ )
		{
			out[ 2 * i ] = background( plane, width, height, sigmas[ i ] );
			out[ 2 * i + 1 ] = flatField( plane, out[ 2 * i ] );
		}
		for ( int i = 0; i < surfaces.length; i++ )
		{
			final int c = firstSurfaceChannel() + 2 * i;
			out[ c ] = PolynomialSurface.fit( plane, width, height, ( int ) surfaces[ i ] );
			out[ c + 1 ] = flatField( plane, out[ c ] );
		}
		final int n = wedges.length + 2 * axisWedges.length;
		if ( n == 0 )
			return out;
		// every wedge, estimated direction and axes alike, from one transform of the plane
		final double[] directions = new double[ n ], widths = new double[ n ], spared = new double[ n ];
		if ( wedges.length > 0 )
			Arrays.fill( directions, 0, wedges.length, known.hasDirection() ? known.direction() : WedgeDestriping.estimateDirection( plane, width, height ) );
		System.arraycopy( wedges, 0, widths, 0, wedges.length );
		System.arraycopy( centres, 0, spared, 0, wedges.length );
		for ( int c = wedges.length; c < n; c++ )
		{
			final int i = ( c - wedges.length ) / 2;
			directions[ c ] = ( c - wedges.length ) % 2 == 0 ? 0 : 90;
			widths[ c ] = axisWedges[ i ];
			spared[ c ] = axisCentres[ i ];
		}
		final float[][] destriped = WedgeDestriping.filter( plane, width, height, directions, widths, spared );
		System.arraycopy( destriped, 0, out, firstWedgeChannel(), n );
		return out;
	}

	/**
	 * The plane divided by an estimate {@code b} of its illumination, scaled
	 * by b's mean {@code m} so that it keeps the plane's brightness; the
	 * divisor stays above {@link #FLOOR} times m.
	 */
	private static float[] flatField( final float[] plane, final float[] b )
	{
		double mean = 0;
		for ( final float v : b )
			mean += v;
		mean /= b.length;
		final double floor = Math.max( FLOOR * Math.abs( mean ), 1e-3 );
		final float[] flat = new float[ plane.length ];
		for ( int p = 0; p < flat.length; p++ )
			flat[ p ] = ( float ) ( plane[ p ] * Math.abs( mean ) / Math.max( b[ p ], floor ) );
		return flat;
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
		return Bilinear.upsample( GaussianBlur.blur( small, sw, sh, sigma / f ), sw, sh, f, f, width, height );
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
		final List< String > parts = new ArrayList<>();
		if ( sigmas.length > 0 )
			parts.add( "background and flat-field at sigma " + list( sigmas ) + " px" );
		if ( wedges.length > 0 )
			parts.add( "destriped by FFT wedges of " + list( wedges ) + " deg (sparing " + list( centres ) + " cycles/px) at the estimated direction" );
		if ( axisWedges.length > 0 )
			parts.add( "destriped along X and along Y by FFT wedges of " + list( axisWedges ) + " deg (sparing " + list( axisCentres ) + " cycles/px)" );
		if ( wiener.length > 0 )
			parts.add( "Wiener-deconvolved with the known PSF at balances " + list( wiener ) );
		if ( nlm.length > 0 )
			parts.add( "non-local means (" + NLM_PATCH + " px patches, " + NLM_SEARCH + " px window, on the square root) at h " + list( nlm ) + " times the noise sigma" );
		if ( surfaces.length > 0 )
			parts.add( "least-squares polynomial surface and the plane divided by it at degree " + list( surfaces ) );
		return String.join( "; ", parts );
	}

	private static String list( final double[] values )
	{
		return Arrays.stream( values ).mapToObj( v -> BigDecimal.valueOf( v ).stripTrailingZeros().toPlainString() ).collect( Collectors.joining( ", " ) );
	}

	@Override
	public boolean equals( final Object o )
	{
		return o instanceof ContextChannels c && Arrays.equals( sigmas, c.sigmas ) && Arrays.equals( wedges, c.wedges ) && Arrays.equals( centres, c.centres )
				&& Arrays.equals( axisWedges, c.axisWedges ) && Arrays.equals( axisCentres, c.axisCentres ) && Arrays.equals( wiener, c.wiener ) && Arrays.equals( nlm, c.nlm )
				&& Arrays.equals( surfaces, c.surfaces );
	}

	@Override
	public int hashCode()
	{
		return Arrays.hashCode( new int[] { Arrays.hashCode( sigmas ), Arrays.hashCode( wedges ), Arrays.hashCode( centres ), Arrays.hashCode( axisWedges ), Arrays.hashCode( axisCentres ), Arrays.hashCode( wiener ), Arrays.hashCode( nlm ), Arrays.hashCode( surfaces ) } );
	}

	@Override
	public String toString()
	{
		return "ContextChannels" + Arrays.toString( sigmas ) + ( wedges.length == 0 ? "" : " wedges " + Arrays.toString( wedges ) + " centres " + Arrays.toString( centres ) )
				+ ( axisWedges.length == 0 ? "" : " axis wedges " + Arrays.toString( axisWedges ) + " centres " + Arrays.toString( axisCentres ) )
				+ ( wiener.length == 0 ? "" : " wiener " + Arrays.toString( wiener ) ) + ( nlm.length == 0 ? "" : " nlm " + Arrays.toString( nlm ) )
				+ ( surfaces.length == 0 ? "" : " surfaces " + Arrays.toString( surfaces ) );
	}
}
