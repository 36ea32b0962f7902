package sc.fiji.restoregan.pipeline;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.view.Views;

/**
 * The eight flips and quarter turns of a plane (the dihedral group of the
 * square) as views, for geometric self-ensembling: a network is run on each
 * transformed plane and its result written through the same transform of the
 * output, which puts it back in place (EDSR's "self-ensemble", Lim et al.
 * 2017). Transform {@code k} transposes the plane when bit 2 is set, then
 * mirrors X when bit 0 is set and Y when bit 1 is set, so the first 1, 2, 4 or
 * 8 transforms are: none; a mirror; all mirrors; mirrors and transposes.
 */
public final class Dihedral
{
	/** Number of transforms. */
	public static final int COUNT = 8;

	private Dihedral()
	{}

	/** Whether transform {@code k} (0 to 7) swaps the axes. */
	public static boolean transposes( final int k )
	{
		return ( k & 4 ) != 0;
	}

	/**
	 * Transform {@code k} of the first two dimensions of {@code plane}, with
	 * its minimum at the origin.
	 *
	 * @param k 0 to 7; 0 is the plane itself
	 */
	public static < T > RandomAccessibleInterval< T > view( final RandomAccessibleInterval< T > plane, final int k )
	{
		if ( k < 0 || k >= COUNT )
			throw new IllegalArgumentException( "No dihedral transform " + k );
		RandomAccessibleInterval< T > v = Views.zeroMin( plane );
		if ( transposes( k ) )
			v = Views.permute( v, 0, 1 );
		if ( ( k & 1 ) != 0 )
			v = Views.zeroMin( Views.invertAxis( v, 0 ) );
		if ( ( k & 2 ) != 0 )
			v = Views.zeroMin( Views.invertAxis( v, 1 ) );
		return v;
	}
}
