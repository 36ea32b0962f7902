package sc.fiji.restoregan.tiling;

/**
 * How one image axis is cut into overlapping tiles, and how their outputs are
 * blended.
 * <p>
 * Tiles have size {@code tile} and start at {@code -context + i * stride}
 * with {@code stride = tile - overlap}, so every start is a multiple of the
 * network's block size (pooling networks are only shift-equivariant by such
 * multiples). The first and last {@code context} pixels of a tile (the
 * network's receptive-field radius) get weight zero: what the network
 * computes there depends on the tile's border. Inside, the weight ramps
 * linearly over the {@code overlap - 2 * context} pixels shared with the
 * neighbour, and weights are normalised to sum to one at every pixel, so the
 * blended result needs no separate weight image. Outside the image the
 * tiles read mirror-padded pixels.
 * </p>
 * <p>
 * With an output scale {@code s} (super-resolution), weights are defined on
 * the output grid: tile {@code i} covers output pixels {@code s * start} to
 * {@code s * (start + tile)}.
 * </p>
 */
public final class AxisTiling
{
	private final long length;

	private final int tile;

	private final int context;

	private final int scale;

	private final int blend;

	private final long[] starts;

	private final float[][] weights;

	/**
	 * @param length the image's size along this axis (input pixels)
	 * @param tile the wanted tile size, including context (input pixels)
	 * @param overlap pixels shared by neighbouring tiles; at least
	 *            {@code 2 * context + block}
	 * @param context the network's receptive-field radius, a multiple of
	 *            {@code block}
	 * @param block tile sizes and starts are multiples of it
	 * @param scale output pixels per input pixel
	 */
	public AxisTiling( final long length, final int tile, final int overlap, final int context, final int block, final int scale )
	{
		if ( length < 1 || block < 1 || scale < 1 || context < 0 || context % block != 0 || overlap % block != 0 || tile % block != 0 )
			throw new IllegalArgumentException( "Invalid tiling: length " + length + ", tile " + tile + ", overlap " + overlap + ", context " + context + ", block " + block );
		if ( overlap < 2 * context + block || tile <= overlap )
			throw new IllegalArgumentException( "Tile " + tile + " and overlap " + overlap + " do not fit context " + context );
		this.length = length;
		this.context = context;
		this.scale = scale;
		this.blend = overlap - 2 * context;
		final long whole = roundUp( length + 2L * context, block );
		if ( whole <= tile )
		{
			this.tile = ( int ) whole;
			this.starts = new long[] { -context };
		}
		else
		{
			this.tile = tile;
			final int stride = tile - overlap;
			final int n = ( int ) Math.max( 1, ( ( length + context ) - ( tile - context ) + stride - 1 ) / stride + 1 );
			this.starts = new long[ n ];
			for ( int i = 0; i < n; i++ )
				starts[ i ] = -context + ( long ) i * stride;
		}
		this.weights = normalisedWeights();
	}

	private static long roundUp( final long v, final int m )
	{
		return ( v + m - 1 ) / m * m;
	}

	/** Raw weight of output position {@code p} (0 to tile*scale-1) in any tile. */
	private float rawWeight( final int p )
	{
		final int size = tile * scale;
		final int c = context * scale;
		final int d = Math.min( p - c, size - c - 1 - p );
		if ( d < 0 )
			return 0;
		return Math.min( 1f, ( d + 1f ) / ( blend * scale + 1f ) );
	}

	private float[][] normalisedWeights()
	{
		final int size = tile * scale;
		final float[] raw = new float[ size ];
		for ( int p = 0; p < size; p++ )
			raw[ p ] = rawWeight( p );
		final long outLength = length * scale;
		final double[] sum = new double[ ( int ) outLength ];
		for ( final long s : starts )
			for ( int p = 0; p < size; p++ )
			{
				final long x = s * scale + p;
				if ( x >= 0 && x < outLength )
					sum[ ( int ) x ] += raw[ p ];
			}
		final float[][] w = new float[ starts.length ][ size ];
		for ( int i = 0; i < starts.length; i++ )
			for ( int p = 0; p < size; p++ )
			{
				final long x = starts[ i ] * scale + p;
				if ( x >= 0 && x < outLength && raw[ p ] > 0 )
					w[ i ][ p ] = ( float ) ( raw[ p ] / sum[ ( int ) x ] );
			}
		return w;
	}

	/** Number of tiles along this axis. */
	public int count()
	{
		return starts.length;
	}

	/** Tile size in input pixels (may be smaller than asked for a small image). */
	public int tileSize()
	{
		return tile;
	}

	/** Start of tile {@code i} in input pixels (negative: mirror padding). */
	public long start( final int i )
	{
		return starts[ i ];
	}

	/**
	 * Blending weights of tile {@code i} over its output positions; they sum
	 * to one over all tiles at each image pixel, and are zero outside the
	 * image.
	 */
	public float[] weights( final int i )
	{
		return weights[ i ];
	}

	/** First output position of tile {@code i} with a non-zero weight. */
	public int firstUsed( final int i )
	{
		final float[] w = weights[ i ];
		int p = 0;
		while ( p < w.length && w[ p ] == 0 )
			p++;
		return p;
	}

	/** One past the last output position of tile {@code i} with a non-zero weight. */
	public int endUsed( final int i )
	{
		final float[] w = weights[ i ];
		int p = w.length;
		while ( p > 0 && w[ p - 1 ] == 0 )
			p--;
		return p;
	}
}
