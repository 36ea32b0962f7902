package sc.fiji.restoregan.sisr;

import java.util.Random;

import sc.fiji.restoregan.metrics.DoublePlane;

/** Seeded test planes with structure at several scales (blobs and stripes on a gradient), values in about 0..1. */
public final class SisrTestImages
{
	private SisrTestImages()
	{}

	public static DoublePlane blobs( final int w, final int h, final long seed )
	{
		final Random r = new Random( seed );
		final double[] d = new double[ w * h ];
		final int n = 12;
		final double[][] c = new double[ n ][ 3 ];
		for ( final double[] b : c )
		{
			b[ 0 ] = r.nextDouble() * w;
			b[ 1 ] = r.nextDouble() * h;
			b[ 2 ] = 1.5 + 3 * r.nextDouble();
		}
		for ( int y = 0; y < h; y++ )
			for ( int x = 0; x < w; x++ )
			{
				double v = 0.1 + 0.2 * x / w + 0.1 * Math.sin( x * 0.9 ) * Math.sin( y * 0.7 );
				for ( final double[] b : c )
				{
					final double dx = x - b[ 0 ], dy = y - b[ 1 ];
					v += 0.6 * Math.exp( -( dx * dx + dy * dy ) / ( 2 * b[ 2 ] * b[ 2 ] ) );
				}
				d[ y * w + x ] = v;
			}
		return new DoublePlane( w, h, d );
	}
}
