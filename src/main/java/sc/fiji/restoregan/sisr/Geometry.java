package sc.fiji.restoregan.sisr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;

import sc.fiji.restoregan.metrics.DoublePlane;

/**
 * The eight symmetries of the square (four rotations by 90 degrees, each
 * with and without a mirror), applied to planes: training-pair augmentation
 * and the geometric self-ensemble of ZSSR and SinGAN.
 */
public final class Geometry
{
	/** Number of variants. */
	public static final int COUNT = 8;

	private Geometry()
	{}

	/**
	 * Variant {@code k} (0 to 7) of a plane: mirrored along X when {@code k >= 4},
	 * then rotated by {@code k % 4} quarter turns. Variant 0 is the identity.
	 */
	public static DoublePlane apply( final DoublePlane in, final int k )
	{
		DoublePlane p = k >= 4 ? mirror( in ) : in;
		for ( int r = 0; r < k % 4; r++ )
			p = rotate( p );
		return p;
	}

	/** Undoes {@link #apply}: {@code invert(apply(p, k), k)} equals {@code p}. */
	public static DoublePlane invert( final DoublePlane in, final int k )
	{
		DoublePlane p = in;
		for ( int r = 0; r < ( 4 - k % 4 ) % 4; r++ )
			p = rotate( p );
		return k >= 4 ? mirror( p ) : p;
	}

	/**
	 * Geometric self-ensemble: {@code method} on every variant of the input
	 * (or on the input alone when {@code all} is false), each result turned
	 * back, and their pixel-wise median.
	 *
	 * @param afterVariant called with the variant's index after each variant
	 *            (a place to report progress and check for cancellation)
	 */
	public static DoublePlane ensemble( final DoublePlane in, final boolean all, final UnaryOperator< DoublePlane > method, final IntConsumer afterVariant )
	{
		final int variants = all ? COUNT : 1;
		final List< DoublePlane > outs = new ArrayList<>();
		for ( int k = 0; k < variants; k++ )
		{
			outs.add( invert( method.apply( apply( in, k ) ), k ) );
			afterVariant.accept( k );
		}
		return outs.size() == 1 ? outs.get( 0 ) : median( outs );
	}

	/** The pixel-wise median of planes of one size (mean of the two middle values for an even count). */
	public static DoublePlane median( final List< DoublePlane > planes )
	{
		final DoublePlane first = planes.get( 0 );
		final int n = planes.size();
		final double[] out = new double[ first.data.length ];
		final double[] v = new double[ n ];
		for ( int i = 0; i < out.length; i++ )
		{
			for ( int k = 0; k < n; k++ )
				v[ k ] = planes.get( k ).data[ i ];
			Arrays.sort( v );
			out[ i ] = n % 2 == 1 ? v[ n / 2 ] : 0.5 * ( v[ n / 2 - 1 ] + v[ n / 2 ] );
		}
		return new DoublePlane( first.width, first.height, out );
	}

	/** Mirrored along X (columns reversed). */
	static DoublePlane mirror( final DoublePlane in )
	{
		final double[] out = new double[ in.data.length ];
		for ( int y = 0; y < in.height; y++ )
			for ( int x = 0; x < in.width; x++ )
				out[ y * in.width + x ] = in.data[ y * in.width + in.width - 1 - x ];
		return new DoublePlane( in.width, in.height, out );
	}

	/** Rotated by a quarter turn: output (x, y) = input (y, W - 1 - x); width and height swap. */
	static DoublePlane rotate( final DoublePlane in )
	{
		final int w = in.height, h = in.width;
		final double[] out = new double[ in.data.length ];
		for ( int y = 0; y < h; y++ )
			for ( int x = 0; x < w; x++ )
				out[ y * w + x ] = in.data[ x * in.width + ( in.width - 1 - y ) ];
		return new DoublePlane( w, h, out );
	}
}
