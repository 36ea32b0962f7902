package sc.fiji.restoregan.simulate;

import java.util.Random;

import sc.fiji.restoregan.degrade.Range;

/**
 * What a simulated scene contains. Densities are expected counts per
 * 256 x 256 pixels (per 256 x 256 x 32 voxels in 3D); actual counts are
 * Poisson. Intensities are relative to bright structure (about 1) before the
 * scene is scaled so its brightest pixel is 1.
 *
 * @param nuclei nuclei (documented range 1 to 8)
 * @param membranes brightness of the cell-boundary network, 0 for none
 *            (documented range 0.1 to 0.5)
 * @param filaments filaments (documented range 2 to 20)
 * @param puncta diffraction-limited spots (documented range 10 to 150)
 * @param vesicles ring-like vesicles (documented range 0 to 30)
 * @param background mean background level (documented range 0.005 to 0.1)
 */
public record SceneContent( double nuclei, double membranes, double filaments, double puncta, double vesicles, double background )
{
	/** A cell-like mixture of everything. */
	public static final SceneContent DEFAULT = new SceneContent( 6, 0.15, 10, 40, 10, 0.03 );

	/** Nuclei per field. */
	public static final Range NUCLEI = Range.uniform( 1, 8 );

	/** Membrane brightness. */
	public static final Range MEMBRANES = Range.uniform( 0.1, 0.5 );

	/** Filaments per field. */
	public static final Range FILAMENTS = Range.uniform( 2, 20 );

	/** Puncta per field. */
	public static final Range PUNCTA = Range.uniform( 10, 150 );

	/** Vesicles per field. */
	public static final Range VESICLES = Range.uniform( 0, 30 );

	/** Background level. */
	public static final Range BACKGROUND = Range.logUniform( 0.005, 0.1 );

	/** Probability that a random scene contains a given kind of structure. */
	public static final double PRESENCE = 0.6;

	/** Checks the values. */
	public SceneContent
	{
		if ( !( nuclei >= 0 && membranes >= 0 && filaments >= 0 && puncta >= 0 && vesicles >= 0 && background >= 0 ) )
			throw new IllegalArgumentException( "Scene densities and levels must be at least 0" );
	}

	/**
	 * Random content for training: each kind of structure is present with
	 * probability {@value #PRESENCE} (puncta when nothing else is), with a
	 * density drawn from its documented range.
	 */
	public static SceneContent random( final Random rnd )
	{
		final double n = present( rnd ) ? NUCLEI.draw( rnd ) : 0;
		final double m = present( rnd ) ? MEMBRANES.draw( rnd ) : 0;
		final double f = present( rnd ) ? FILAMENTS.draw( rnd ) : 0;
		double p = present( rnd ) ? PUNCTA.draw( rnd ) : 0;
		final double v = present( rnd ) ? VESICLES.draw( rnd ) : 0;
		if ( n + m + f + p + v == 0 )
			p = PUNCTA.draw( rnd );
		return new SceneContent( n, m, f, p, v, BACKGROUND.draw( rnd ) );
	}

	private static boolean present( final Random rnd )
	{
		return rnd.nextDouble() < PRESENCE;
	}
}
