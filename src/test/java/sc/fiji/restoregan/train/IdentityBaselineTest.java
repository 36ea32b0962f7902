package sc.fiji.restoregan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class IdentityBaselineTest
{
	@Test
	void theBaselineIsTheInputsMeanAbsoluteError()
	{
		final ScaledBatch batch = new ScaledBatch( new float[] { 0, 0.5f, 1, 1 }, new float[] { 0.25f, 0.5f, 0, 1 }, 1, 2, 2, List.of( "pair" ) );
		assertEquals( ( 0.25 + 0 + 1 + 0 ) / 4, IdentityBaseline.of( batch ).loss(), 1e-9 );
	}

	@Test
	void superResolutionHasNoBaseline()
	{
		final ScaledBatch batch = new ScaledBatch( new float[ 1 ], new float[ 4 ], 1, 1, 2, List.of( "pair" ) );
		final IdentityBaseline identity = IdentityBaseline.of( batch );
		assertFalse( identity.defined() );
		assertFalse( identity.stuck( 1, 1000, 1000 ), "no warning without a baseline" );
	}

	@Test
	void stuckOnlyAfterThePatienceAndAtTheInputsLevel()
	{
		final IdentityBaseline identity = new IdentityBaseline( 0.05 );
		assertFalse( identity.stuck( 0.0499, 100, 1000 ), "too early: 10% of the steps" );
		assertTrue( identity.stuck( 0.0499, 200, 1000 ), "at the input's level after 20%" );
		assertFalse( identity.stuck( 0.040, 900, 1000 ), "well below the input's level" );
		assertTrue( identity.warning( 0.0499, 200 ).contains( "returning its input" ) );
	}
}
