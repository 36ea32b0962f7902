package sc.fiji.restoregan.simulate;

import java.util.Random;

import sc.fiji.restoregan.degrade.Range;

/**
 * Cell membranes: the boundaries of a Voronoi tessellation of jittered grid
 * points (cells {@link #CELL} px across), drawn as a thin Gaussian ridge
 * whose brightness varies smoothly along the network.
 */
final class Membranes
{
	/** Cell diameter, px. */
	static final Range CELL = Range.uniform( 30, 70 );

	private Membranes()
	{}

	static void paint( final Volume v, final Random rnd, final double brightness )
	{
		if ( brightness <= 0 )
			return;
		final double cell = CELL.draw( rnd ), sigma = 0.6 + 0.6 * rnd.nextDouble();
		final int gx = ( int ) Math.ceil( v.width / cell ) + 2, gy = ( int ) Math.ceil( v.height / cell ) + 2, gz = v.is3d() ? ( int ) Math.ceil( v.depth / cell ) + 2 : 1;
		// one jittered site per grid cell; cell (i, j, k) covers [(i - 1) cell, i cell)
		final double[][] sites = new double[ gx * gy * gz ][ 4 ];
		for ( final double[] s : sites )
		{
			s[ 0 ] = rnd.nextDouble();
			s[ 1 ] = rnd.nextDouble();
			s[ 2 ] = v.is3d() ? rnd.nextDouble() : 0;
			s[ 3 ] = 0.6 + 0.8 * rnd.nextDouble(); // brightness of the cell's outline
		}
		final int rz = v.is3d() ? 1 : 0;
		final double inv = 1 / ( 2 * sigma * sigma );
		for ( int z = 0; z < v.depth; z++ )
			for ( int y = 0; y < v.height; y++ )
				for ( int x = 0; x < v.width; x++ )
				{
					final int ci = ( int ) ( x / cell ) + 1, cj = ( int ) ( y / cell ) + 1, ck = v.is3d() ? ( int ) ( z / cell ) + 1 : 0;
					double d1 = Double.MAX_VALUE, d2 = Double.MAX_VALUE;
					double x1 = 0, y1 = 0, z1 = 0, x2 = 0, y2 = 0, z2 = 0;
					int s1 = 0, s2 = 0;
					for ( int k = Math.max( 0, ck - rz ); k <= Math.min( gz - 1, ck + rz ); k++ )
						for ( int j = cj - 1; j <= cj + 1; j++ )
							for ( int i = ci - 1; i <= ci + 1; i++ )
							{
								final int si = ( k * gy + j ) * gx + i;
								final double[] s = sites[ si ];
								final double px = ( i - 1 + s[ 0 ] ) * cell, py = ( j - 1 + s[ 1 ] ) * cell, pz = v.is3d() ? ( k - 1 + s[ 2 ] ) * cell : 0;
								final double d = sq( x - px ) + sq( y - py ) + sq( z - pz );
								if ( d < d1 )
								{
									d2 = d1;
									x2 = x1;
									y2 = y1;
									z2 = z1;
									s2 = s1;
									d1 = d;
									x1 = px;
									y1 = py;
									z1 = pz;
									s1 = si;
								}
								else if ( d < d2 )
								{
									d2 = d;
									x2 = px;
									y2 = py;
									z2 = pz;
									s2 = si;
								}
							}
					// distance to the bisector of the two nearest sites
					final double b = ( d2 - d1 ) / ( 2 * Math.sqrt( sq( x1 - x2 ) + sq( y1 - y2 ) + sq( z1 - z2 ) ) );
					if ( b > 4 * sigma )
						continue;
					final double level = 0.5 * ( sites[ s1 ][ 3 ] + sites[ s2 ][ 3 ] );
					v.data[ v.index( x, y, z ) ] += ( float ) ( brightness * level * Math.exp( -b * b * inv ) );
				}
	}

	private static double sq( final double v )
	{
		return v * v;
	}
}
