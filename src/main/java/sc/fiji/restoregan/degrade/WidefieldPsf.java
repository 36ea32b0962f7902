package sc.fiji.restoregan.degrade;

/**
 * A widefield (scalar diffraction) PSF: the squared modulus of the Fourier
 * transform of a circular pupil with a quadratic defocus phase,
 * {@code |F{ circ(rho) exp(2 pi i W rho^2) }|^2}. In focus this is the Airy
 * pattern; with defocus it spreads into rings, as a widefield microscope
 * does above and below the focal plane.
 */
public final class WidefieldPsf
{
	/** Grid on which the pupil is transformed (power of two). */
	private static final int GRID = 128;

	/** Largest kernel radius kept, px. */
	public static final int MAX_RADIUS = 31;

	/** Fraction of the PSF's energy the cropped kernel keeps (before renormalising). */
	private static final double ENERGY = 0.995;

	private WidefieldPsf()
	{}

	/** Smallest Airy radius {@link #kernel} takes, px. */
	public static final double MIN_AIRY_RADIUS = 1.3;

	/**
	 * The radius of the first dark ring of the Airy pattern in pixels,
	 * {@code 0.61 lambda / NA} over the pixel size.
	 *
	 * @param numericalAperture the objective's NA, in (0, 1.7]
	 * @param wavelengthNm emission wavelength, nm, in [200, 2000]
	 * @param pixelSizeNm pixel size in the sample, nm, positive
	 * @throws IllegalArgumentException naming the value out of range
	 */
	public static double airyRadius( final double numericalAperture, final double wavelengthNm, final double pixelSizeNm )
	{
		if ( !( numericalAperture > 0 && numericalAperture <= 1.7 ) )
			throw new IllegalArgumentException( "The numerical aperture must be in (0, 1.7], not " + numericalAperture );
		if ( !( wavelengthNm >= 200 && wavelengthNm <= 2000 ) )
			throw new IllegalArgumentException( "The emission wavelength must be 200 to 2000 nm, not " + wavelengthNm );
		if ( !( pixelSizeNm > 0 ) || Double.isInfinite( pixelSizeNm ) )
			throw new IllegalArgumentException( "The pixel size must be positive, not " + pixelSizeNm + " nm" );
		return 0.61 * wavelengthNm / numericalAperture / pixelSizeNm;
	}

	/**
	 * The PSF as a kernel that sums to 1, cropped to the smallest radius
	 * (at most {@value #MAX_RADIUS}) holding 99.5% of its energy.
	 *
	 * @param airyRadius radius of the first dark Airy ring in pixels,
	 *            {@code 0.61 lambda / NA / pixel size}; at least 1.3 px so
	 *            the pupil fits the grid (documented range 1.5 to 4 px)
	 * @param defocusWaves defocus aberration at the pupil edge in waves,
	 *            0 (in focus) to 3 (documented range 0 to 2)
	 */
	public static Kernel kernel( final double airyRadius, final double defocusWaves )
	{
		final double pupil = 0.61 * GRID / airyRadius;
		if ( !( airyRadius >= MIN_AIRY_RADIUS ) || !( defocusWaves >= 0 && defocusWaves <= 3 ) )
			throw new IllegalArgumentException( "Need Airy radius >= 1.3 px and defocus in [0, 3] waves, not " + airyRadius + ", " + defocusWaves );
		final double[] re = new double[ GRID * GRID ], im = new double[ GRID * GRID ];
		for ( int v = 0; v < GRID; v++ )
			for ( int u = 0; u < GRID; u++ )
			{
				final int fu = u <= GRID / 2 ? u : u - GRID, fv = v <= GRID / 2 ? v : v - GRID;
				final double rho2 = ( fu * ( double ) fu + fv * ( double ) fv ) / ( pupil * pupil );
				if ( rho2 > 1 )
					continue;
				final double phase = 2 * Math.PI * defocusWaves * rho2;
				re[ v * GRID + u ] = Math.cos( phase );
				im[ v * GRID + u ] = Math.sin( phase );
			}
		Fft.inverse2d( re, im, GRID );
		final double[] intensity = new double[ GRID * GRID ];
		double total = 0;
		for ( int y = 0; y < GRID; y++ )
			for ( int x = 0; x < GRID; x++ )
			{
				// shift the origin to the centre of the grid
				final int s = ( ( y + GRID / 2 ) % GRID ) * GRID + ( x + GRID / 2 ) % GRID;
				total += intensity[ y * GRID + x ] = re[ s ] * re[ s ] + im[ s ] * im[ s ];
			}
		final int radius = energyRadius( intensity, total );
		final int side = 2 * radius + 1, c = GRID / 2;
		final float[] w = new float[ side * side ];
		for ( int y = -radius; y <= radius; y++ )
			for ( int x = -radius; x <= radius; x++ )
				w[ ( y + radius ) * side + x + radius ] = ( float ) intensity[ ( c + y ) * GRID + c + x ];
		return new Kernel( w, radius ).normalized();
	}

	private static int energyRadius( final double[] intensity, final double total )
	{
		final int c = GRID / 2;
		for ( int r = 1; r < MAX_RADIUS; r++ )
		{
			double s = 0;
			for ( int y = -r; y <= r; y++ )
				for ( int x = -r; x <= r; x++ )
					s += intensity[ ( c + y ) * GRID + c + x ];
			if ( s >= ENERGY * total )
				return r;
		}
		return MAX_RADIUS;
	}
}
