package sc.fiji.restoregan.pipeline;

/**
 * Settings of a restoration run, with the defaults the commands use.
 *
 * @param tile tile size in input pixels, including the overlap (rounded up to
 *            the network's block size, raised above the overlap if needed)
 * @param overlap pixels shared by neighbouring tiles; raised to at least twice
 *            the network's receptive-field radius plus one block when smaller
 * @param lowPercentile input percentile mapped to 0 before the network
 * @param highPercentile input percentile mapped to 1 before the network
 */
public record RestoreOptions( int tile, int overlap, double lowPercentile, double highPercentile )
{
	/** Default tile size. */
	public static final int DEFAULT_TILE = 1024;

	/** Default overlap. */
	public static final int DEFAULT_OVERLAP = 128;

	/** Default lower percentile (as in CARE: 1 to 3). */
	public static final double DEFAULT_LOW = 1;

	/** Default upper percentile (as in CARE). */
	public static final double DEFAULT_HIGH = 99.8;

	/** Checks the values, with a message for the user. */
	public RestoreOptions
	{
		if ( tile < 16 )
			throw new RestoreException( "Tile size must be at least 16 pixels, not " + tile + "." );
		if ( overlap < 0 )
			throw new RestoreException( "Overlap must be at least 0, not " + overlap + "." );
		if ( !( lowPercentile >= 0 && lowPercentile < highPercentile && highPercentile <= 100 ) )
			throw new RestoreException( "Percentiles must satisfy 0 <= low < high <= 100, not " + lowPercentile + " and " + highPercentile + "." );
	}

	/** The defaults: tile 1024, overlap 128, percentiles 1 and 99.8. */
	public static RestoreOptions defaults()
	{
		return new RestoreOptions( DEFAULT_TILE, DEFAULT_OVERLAP, DEFAULT_LOW, DEFAULT_HIGH );
	}

	/** The same options with another tile size and overlap. */
	public RestoreOptions withTiling( final int newTile, final int newOverlap )
	{
		return new RestoreOptions( newTile, newOverlap, lowPercentile, highPercentile );
	}
}
