package sc.fiji.restoregan.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Directional destriping in the Fourier domain: stripes that run along a
 * direction {@code theta} put their energy on the line through the origin of
 * the spectrum perpendicular to them, so that line is suppressed by a wedge
 * notch, {@code 1 - exp(-dphi^2 / (2 w^2)) (1 - exp(-f^2 / (2 c^2)))} wide
 * {@code w} degrees (the angle {@code dphi} of a frequency from the line)
 * and sparing the low frequencies within about {@code c} cycles per pixel of
 * the centre, which carry the image's coarse shading. The image is mirror
 * extended ({@link MirrorFft}).
 * <p>
 * The stripe direction is either known (from the degradation) or estimated
 * from the spectrum with {@link #estimateDirection}; {@link #best} tries
 * both when the direction is known.
 * </p>
 */
public final class WedgeDestriping
{
	/** Wedge half-widths tried by {@link #best}, in degrees. */
	public static final double[] WIDTHS = { 1, 3, 8, 15, 25 };

	/** Radii of the spared centre tried by {@link #best}, in cycles per pixel. */
	public static final double[] CENTRES = { 0.01, 0.03, 0.08 };

	/** Frequencies below this (cycles per pixel) are ignored when estimating the direction. */
	public static final double ESTIMATE_MIN_FREQUENCY = 0.02;

	private static final int MARGIN = 32;

	private WedgeDestriping()
	{}

	/**
	 * The destriped image.
	 *
	 * @param direction the stripes' direction, degrees from +X towards +Y
	 * @param width half-width {@code w} of the wedge, degrees, positive
	 * @param centre radius {@code c} of the spared centre, cycles per pixel
	 */
	public static float[] filter( final float[] img, final int imgWidth, final int imgHeight, final double direction, final double width, final double centre )
	{
		return filter( img, imgWidth, imgHeight, direction, new double[] { width }, new double[] { centre } )[ 0 ];
	}

	/**
	 * The image destriped with each of several wedges, transforming it once.
	 *
	 * @param widths half-widths {@code w} of the wedges, degrees, each positive
	 * @param centres radius {@code c} of each wedge's spared centre, cycles
	 *            per pixel, as many as widths
	 * @return one destriped image per wedge, in order
	 * @see #filter(float[], int, int, double, double, double)
	 */
	public static float[][] filter( final float[] img, final int imgWidth, final int imgHeight, final double direction, final double[] widths, final double[] centres )
	{
		final double[] directions = new double[ widths.length ];
		Arrays.fill( directions, direction );
		return filter( img, imgWidth, imgHeight, directions, widths, centres );
	}

	/**
	 * The image destriped with each of several wedges, each at its own
	 * direction, transforming it once.
	 *
	 * @param directions the direction of each wedge's stripes, degrees from
	 *            +X towards +Y
	 * @param widths half-widths {@code w} of the wedges, degrees, each positive
	 * @param centres radius {@code c} of each wedge's spared centre, cycles
	 *            per pixel
	 * @return one destriped image per wedge, in order
	 */
	public static float[][] filter( final float[] img, final int imgWidth, final int imgHeight, final double[] directions, final double[] widths, final double[] centres )
	{
		if ( widths.length != centres.length || widths.length != directions.length )
			throw new IllegalArgumentException( "Need one direction and one centre per wedge" );
		final float[][] out = new float[ widths.length ][];
		if ( widths.length == 0 )
			return out;
		final MirrorFft fft = new MirrorFft( imgWidth, imgHeight, MARGIN );
		final MirrorFft.Spectrum spectrum = fft.forward( fft.extend( img ) );
		for ( int i = 0; i < widths.length; i++ )
			out[ i ] = apply( fft, spectrum, directions[ i ], widths[ i ], centres[ i ] );
		return out;
	}

	private static float[] apply( final MirrorFft fft, final MirrorFft.Spectrum spectrum, final double direction, final double width, final double centre )
	{
		if ( !( width > 0 ) || !( centre >= 0 ) )
			throw new IllegalArgumentException( "Need a positive wedge width and a centre radius of at least 0" );
		final MirrorFft.Spectrum s = spectrum.copy();
		final double line = direction + 90;
		for ( int y = 0; y < fft.gridHeight; y++ )
			for ( int x = 0; x < fft.gridWidth; x++ )
			{
				final double fx = fft.frequencyX( x ), fy = fft.frequencyY( y ), f2 = fx * fx + fy * fy;
				if ( f2 == 0 )
					continue;
				final double dphi = angleBetween( Math.toDegrees( Math.atan2( fy, fx ) ), line );
				final double notch = Math.exp( -dphi * dphi / ( 2 * width * width ) ) * ( 1 - Math.exp( -f2 / ( 2 * centre * centre ) ) );
				final int i = y * fft.gridWidth + x;
				s.re()[ i ] *= 1 - notch;
				s.im()[ i ] *= 1 - notch;
			}
		return fft.crop( fft.inverse( s ) );
	}

	/** The difference of two undirected angles, degrees in [-90, 90). */
	static double angleBetween( final double a, final double b )
	{
		final double d = ( ( a - b ) % 180 + 180 ) % 180;
		return d >= 90 ? d - 180 : d;
	}

	/**
	 * The direction of the strongest stripes, degrees in [0, 180): stripes
	 * run perpendicular to the fullest bin of {@link #angularPower}.
	 */
	public static double estimateDirection( final float[] img, final int width, final int height )
	{
		final double[] bins = angularPower( img, width, height );
		int best = 0;
		for ( int b = 1; b < bins.length; b++ )
			if ( bins[ b ] > bins[ best ] )
				best = b;
		return Math.floorMod( best - 90, 180 );
	}

	/**
	 * The image's power by frequency angle: the power spectrum of the image
	 * times a Hann window (so the borders add no cross) is whitened, each
	 * frequency divided by the mean power of its ring, so that the image's own
	 * fall-off with frequency does not count; then averaged in 1-degree bins
	 * of frequency angle above {@link #ESTIMATE_MIN_FREQUENCY}.
	 *
	 * @return 180 bins, bin {@code b} for frequencies at {@code b} degrees
	 *         from +X towards +Y (stripes along {@code b - 90}); 0 for a bin
	 *         without frequencies
	 */
	public static double[] angularPower( final float[] img, final int width, final int height )
	{
		final MirrorFft fft = new MirrorFft( width, height, 0 );
		final double[] g = new double[ fft.gridWidth * fft.gridHeight ];
		double mean = 0;
		for ( final float v : img )
			mean += v;
		mean /= img.length;
		for ( int y = 0; y < height; y++ )
			for ( int x = 0; x < width; x++ )
				g[ y * fft.gridWidth + x ] = ( img[ y * width + x ] - mean ) * hann( x, width ) * hann( y, height );
		final MirrorFft.Spectrum s = fft.forward( g );
		final int rings = Math.max( fft.gridWidth, fft.gridHeight );
		final double[] ringPower = new double[ rings ];
		final int[] ringCount = new int[ rings ];
		final double[] power = new double[ g.length ];
		final int[] ring = new int[ g.length ];
		for ( int y = 0; y < fft.gridHeight; y++ )
			for ( int x = 0; x < fft.gridWidth; x++ )
			{
				final int i = y * fft.gridWidth + x;
				power[ i ] = s.re()[ i ] * s.re()[ i ] + s.im()[ i ] * s.im()[ i ];
				ring[ i ] = ( int ) Math.round( Math.hypot( fft.frequencyX( x ), fft.frequencyY( y ) ) * rings );
				ringPower[ ring[ i ] ] += power[ i ];
				ringCount[ ring[ i ] ]++;
			}
		final double[] bins = new double[ 180 ];
		final int[] counts = new int[ 180 ];
		for ( int y = 0; y < fft.gridHeight; y++ )
			for ( int x = 0; x < fft.gridWidth; x++ )
			{
				final double fx = fft.frequencyX( x ), fy = fft.frequencyY( y );
				final int i = y * fft.gridWidth + x;
				if ( fx * fx + fy * fy < ESTIMATE_MIN_FREQUENCY * ESTIMATE_MIN_FREQUENCY || ringPower[ ring[ i ] ] <= 0 )
					continue;
				final int bin = ( int ) Math.floorMod( Math.round( Math.toDegrees( Math.atan2( fy, fx ) ) ), 180L );
				bins[ bin ] += power[ i ] * ringCount[ ring[ i ] ] / ringPower[ ring[ i ] ];
				counts[ bin ]++;
			}
		for ( int b = 0; b < bins.length; b++ )
			bins[ b ] = counts[ b ] > 0 ? bins[ b ] / counts[ b ] : 0;
		return bins;
	}

	private static double hann( final int i, final int n )
	{
		return n < 2 ? 1 : 0.5 - 0.5 * Math.cos( 2 * Math.PI * i / ( n - 1 ) );
	}

	/**
	 * The best of {@link #WIDTHS} x {@link #CENTRES}, with the estimated
	 * direction and, if given, the known one.
	 *
	 * @param knownDirection the stripes' direction in degrees, or NaN if
	 *            unknown
	 * @param score higher is better, for example PSNR against the clean image
	 */
	public static Tuned best( final float[] img, final int width, final int height, final double knownDirection, final ToDoubleFunction< float[] > score )
	{
		final List< double[] > settings = new ArrayList<>();
		final double estimated = estimateDirection( img, width, height );
		final double[] directions = Double.isNaN( knownDirection ) ? new double[] { estimated } : new double[] { estimated, knownDirection };
		for ( int d = 0; d < directions.length; d++ )
			for ( final double w : WIDTHS )
				for ( final double c : CENTRES )
					settings.add( new double[] { directions[ d ], w, c, d } );
		final MirrorFft fft = new MirrorFft( width, height, MARGIN );
		final MirrorFft.Spectrum spectrum = fft.forward( fft.extend( img ) );
		return Oracle.best( "fft-wedge", settings,
				s -> String.format( Locale.ROOT, "%s direction %.0f deg, width %.0f deg, centre %.2f", s[ 3 ] == 0 ? "estimated" : "known", s[ 0 ], s[ 1 ], s[ 2 ] ),
				s -> apply( fft, spectrum, s[ 0 ], s[ 1 ], s[ 2 ] ), score );
	}
}
