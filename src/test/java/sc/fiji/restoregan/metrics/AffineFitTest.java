package sc.fiji.restoregan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The least-squares affine fit. */
class AffineFitTest
{
	@Test
	void recoversGainAndOffset()
	{
		final Random rnd = new Random( 11 );
		final float[] ref = new float[ 500 ], out = new float[ 500 ];
		for ( int i = 0; i < ref.length; i++ )
		{
			ref[ i ] = rnd.nextFloat();
			out[ i ] = ( ref[ i ] - 0.2f ) / 3;
		}
		final AffineFit fit = AffineFit.of( out, ref );
		assertEquals( 3, fit.scale(), 1e-4 );
		assertEquals( 0.2, fit.offset(), 1e-4 );
		final float[] fitted = AffineFit.fitted( out, ref );
		for ( int i = 0; i < ref.length; i++ )
			assertEquals( ref[ i ], fitted[ i ], 1e-5 );
	}

	@Test
	void constantOutputFitsTheMean()
	{
		final AffineFit fit = AffineFit.of( new float[] { 2, 2, 2 }, new float[] { 1, 2, 6 } );
		assertEquals( 0, fit.scale() );
		assertEquals( 3, fit.offset(), 1e-12 );
	}
}
