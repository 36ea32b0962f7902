package sc.fiji.restoregan.sisr.zssr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class LearningRatePolicyTest
{
	/**
	 * Golden values from numpy 2.4.6: {@code np.polyfit(x, y, 1, cov=True)}
	 * gives slope -3.7e-05 and standard error 1.0816653826392051e-05 with its
	 * current scaling (residuals / (n - 2)); ZSSR ran with the scaling numpy
	 * had before 1.16, residuals / (n - 4), which multiplies the error by
	 * sqrt(3): 1.8734993995195256e-05 (same numpy, lstsq residuals, by hand).
	 */
	@Test
	void slopeAndStandardErrorMatchNumpysPolyfit()
	{
		final double[] fit = LearningRatePolicy.slopeAndStandardError( List.of( new double[] { 0, 0.05 }, new double[] { 50, 0.045 }, new double[] { 100, 0.043 }, new double[] { 150, 0.0425 }, new double[] { 200, 0.042 } ) );
		assertEquals( -3.7e-05, fit[ 0 ], 1e-15 );
		assertEquals( 1.8734993995195256e-05, fit[ 1 ], 1e-15 );
		assertEquals( 1.0816653826392051e-05 * Math.sqrt( 3 ), fit[ 1 ], 1e-15 );
	}

	@Test
	void keepsTheRateWhileTheErrorFallsAndDividesItByTenOnAPlateau()
	{
		final LearningRatePolicy falling = new LearningRatePolicy( 1e-3 );
		final LearningRatePolicy flat = new LearningRatePolicy( 1e-3 );
		boolean changed = false;
		for ( int it = 0; it < 420; it++ )
		{
			if ( LearningRatePolicy.testDue( it ) )
			{
				falling.record( it, 1.0 - it * 1e-3 );
				flat.record( it, 0.5 + ( ( it / 50 ) % 2 ) * 1e-3 );
			}
			assertFalse( falling.update( it ) );
			changed |= flat.update( it );
		}
		assertEquals( 1e-3, falling.rate(), 0 );
		assertTrue( changed );
		assertEquals( 1e-4, flat.rate(), 1e-12 );
		assertFalse( flat.finished() );
	}
}
