package sc.fiji.restoregan.degrade;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Point-spread functions as a user names them: a model of the blur with its
 * size in pixels ({@link #parse}), or a measured PSF image
 * ({@link #fromImage}), for deconvolution with a known PSF.
 */
public final class PsfSpec
{
	/** The forms {@link #parse} accepts, for messages and help texts. */
	public static final String FORMS = "gaussian:SIGMA, defocus:RADIUS, widefield:AIRY_RADIUS[,DEFOCUS_WAVES] or anisotropic:SIGMA_MAJOR,SIGMA_MINOR,ANGLE_DEG (sizes in pixels), "
			+ "or optics:NA,WAVELENGTH_NM,PIXEL_NM[,DEFOCUS_WAVES] (a widefield PSF from the objective's numerical aperture, the emission wavelength and the pixel size)";

	private PsfSpec()
	{}

	/**
	 * The PSF a specification names.
	 *
	 * @param spec for example {@code gaussian:2}, {@code defocus:4},
	 *            {@code widefield:3,1} or {@code anisotropic:3,1,30}
	 *            (see {@link #FORMS}); case-insensitive
	 * @return the kernel, normalised to sum 1
	 * @throws IllegalArgumentException naming the problem
	 */
	public static Kernel parse( final String spec )
	{
		final String[] parts = spec.trim().toLowerCase( Locale.ROOT ).split( ":", 2 );
		if ( parts.length != 2 )
			throw new IllegalArgumentException( "PSF '" + spec + "' is not one of " + FORMS );
		return of( parts[ 0 ], numbers( parts[ 1 ], spec ) );
	}

	/**
	 * The PSF of a kind with its sizes, as {@link #parse} reads them from
	 * {@code kind:v,v,...}.
	 *
	 * @param kind gaussian, defocus, widefield, anisotropic or optics
	 * @param v the kind's sizes (see {@link #FORMS})
	 * @return the kernel, normalised to sum 1
	 * @throws IllegalArgumentException naming the problem
	 */
	public static Kernel of( final String kind, final double... v )
	{
		final String spec = kind + ":" + Arrays.stream( v ).mapToObj( Double::toString ).collect( Collectors.joining( "," ) );
		switch ( kind )
		{
		case "gaussian":
			return v.length == 1 ? Blur.gaussian( positive( v[ 0 ], spec ) ).kernel() : invalid( spec );
		case "defocus":
			return v.length == 1 ? Blur.defocus( positive( v[ 0 ], spec ) ).kernel() : invalid( spec );
		case "widefield":
			if ( v.length == 1 || v.length == 2 )
				return Blur.widefield( positive( v[ 0 ], spec ), v.length == 2 ? nonNegative( v[ 1 ], spec ) : 0 ).kernel();
			return invalid( spec );
		case "optics":
			if ( v.length == 3 || v.length == 4 )
				return Blur.widefield( opticsAiryRadius( v, spec ), v.length == 4 ? nonNegative( v[ 3 ], spec ) : 0 ).kernel();
			return invalid( spec );
		case "anisotropic":
			if ( v.length == 3 )
				return Blur.anisotropic( positive( v[ 0 ], spec ), positive( v[ 1 ], spec ), v[ 2 ] ).kernel();
			return invalid( spec );
		default:
			return invalid( spec );
		}
	}

	/**
	 * A measured PSF image as a kernel: negative values (left by background
	 * subtraction) set to 0, centred on the pixel nearest the image's
	 * intensity centroid (so deconvolving with it shifts nothing), padded
	 * with zeros to an odd square, normalised to sum 1.
	 *
	 * @param pixels row-major {@code width x height}, not modified
	 * @throws IllegalArgumentException when no value is positive
	 */
	public static Kernel fromImage( final float[] pixels, final int width, final int height )
	{
		if ( width < 1 || height < 1 || pixels.length != width * height )
			throw new IllegalArgumentException( "A " + width + " x " + height + " PSF image needs " + width * height + " values, not " + pixels.length );
		double sum = 0, sx = 0, sy = 0;
		for ( int y = 0; y < height; y++ )
			for ( int x = 0; x < width; x++ )
			{
				final double v = Math.max( 0, pixels[ y * width + x ] );
				sum += v;
				sx += v * x;
				sy += v * y;
			}
		if ( !( sum > 0 ) )
			throw new IllegalArgumentException( "The PSF image has no positive value." );
		final int cx = ( int ) Math.round( sx / sum ), cy = ( int ) Math.round( sy / sum );
		final int radius = Math.max( Math.max( cx, width - 1 - cx ), Math.max( cy, height - 1 - cy ) );
		final int side = 2 * radius + 1;
		final float[] w = new float[ side * side ];
		for ( int y = 0; y < height; y++ )
			for ( int x = 0; x < width; x++ )
				w[ ( y - cy + radius ) * side + x - cx + radius ] = ( float ) ( Math.max( 0, pixels[ y * width + x ] ) / sum );
		return new Kernel( w, radius );
	}

	/** The Airy radius in pixels of NA, wavelength and pixel size, checked against what a widefield kernel takes. */
	private static double opticsAiryRadius( final double[] v, final String spec )
	{
		final double r;
		try
		{
			r = WidefieldPsf.airyRadius( v[ 0 ], v[ 1 ], v[ 2 ] );
		}
		catch ( final IllegalArgumentException e )
		{
			throw new IllegalArgumentException( "PSF '" + spec + "': " + e.getMessage() );
		}
		if ( r < WidefieldPsf.MIN_AIRY_RADIUS )
			throw new IllegalArgumentException( String.format( Locale.ROOT,
					"PSF '%s': the Airy radius is %.2f px, below %.1f: the pixels are too coarse for this objective to deconvolve with its PSF (deblur blind instead)", spec, r,
					WidefieldPsf.MIN_AIRY_RADIUS ) );
		return r;
	}

	private static double[] numbers( final String list, final String spec )
	{
		final String[] items = list.split( "," );
		final double[] v = new double[ items.length ];
		for ( int i = 0; i < items.length; i++ )
			try
			{
				v[ i ] = Double.parseDouble( items[ i ].trim() );
			}
			catch ( final NumberFormatException e )
			{
				throw new IllegalArgumentException( "PSF '" + spec + "': '" + items[ i ].trim() + "' is not a number" );
			}
		return v;
	}

	private static double positive( final double v, final String spec )
	{
		if ( !( v > 0 ) || Double.isInfinite( v ) )
			throw new IllegalArgumentException( "PSF '" + spec + "': sizes must be positive, not " + v );
		return v;
	}

	private static double nonNegative( final double v, final String spec )
	{
		if ( !( v >= 0 ) || Double.isInfinite( v ) )
			throw new IllegalArgumentException( "PSF '" + spec + "': the defocus must be at least 0, not " + v );
		return v;
	}

	private static Kernel invalid( final String spec )
	{
		throw new IllegalArgumentException( "PSF '" + spec + "' is not one of " + FORMS );
	}
}
