package sc.fiji.restoregan.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import net.imglib2.img.array.ArrayImgs;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import sc.fiji.restoregan.pipeline.RestoreException;

class PercentilesTest
{
	/** numpy's default: linear interpolation between ranks of the sorted values. */
	static double reference( final float[] values, final double q )
	{
		final double[] s = new double[ values.length ];
		for ( int i = 0; i < s.length; i++ )
			s[ i ] = values[ i ];
		Arrays.sort( s );
		final double rank = q / 100 * ( s.length - 1 );
		final int lo = ( int ) Math.floor( rank ), hi = Math.min( s.length - 1, lo + 1 );
		return s[ lo ] + ( rank - lo ) * ( s[ hi ] - s[ lo ] );
	}

	@Property( seed = "12345", tries = 60 )
	void matchesSortingOnRandomImages( @ForAll @IntRange( min = 1, max = 300 ) final int n, @ForAll @DoubleRange( min = 0, max = 100 ) final double q, @ForAll final long seed )
	{
		final Random rnd = new Random( seed );
		final float[] v = new float[ n * 7 ];
		final boolean heavyTies = rnd.nextBoolean();
		for ( int i = 0; i < v.length; i++ )
			v[ i ] = heavyTies ? rnd.nextInt( 4 ) : ( float ) ( rnd.nextGaussian() * 1000 * Math.exp( 3 * rnd.nextGaussian() ) );
		final double actual = Percentiles.of( ArrayImgs.floats( v, n, 7 ), q )[ 0 ];
		assertEquals( reference( v, q ), actual, 1e-9 * Math.max( 1, Math.abs( actual ) ) );
	}

	@Test
	void exactOnLargeImagesWithManyTies()
	{
		// 600x600 = 360000 values, far more than the collection limit, mostly zeros
		final Random rnd = new Random( 1 );
		final float[] v = new float[ 600 * 600 ];
		for ( int i = 0; i < v.length; i++ )
			v[ i ] = rnd.nextDouble() < 0.9 ? 0 : ( float ) rnd.nextDouble() * 4000;
		final double[] p = Percentiles.of( ArrayImgs.floats( v, 600, 600 ), 1, 50, 95, 99.8 );
		assertEquals( reference( v, 1 ), p[ 0 ], 0 );
		assertEquals( reference( v, 50 ), p[ 1 ], 0 );
		assertEquals( reference( v, 95 ), p[ 2 ], 1e-6 );
		assertEquals( reference( v, 99.8 ), p[ 3 ], 1e-6 );
	}

	@Test
	void rejectsNonFinitePixels()
	{
		final float[] v = new float[ 64 ];
		v[ 5 ] = Float.NaN;
		v[ 6 ] = Float.POSITIVE_INFINITY;
		final RestoreException e = assertThrows( RestoreException.class, () -> Percentiles.of( ArrayImgs.floats( v, 8, 8 ), 50 ) );
		assertTrue( e.getMessage().contains( "2 NaN or infinite" ), e.getMessage() );
	}
}
