package sc.fiji.restoregan.sisr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import sc.fiji.restoregan.metrics.DoublePlane;

class TrainingSessionTest
{
	@Test
	void reportsStageUpdatesEtaLossesPreviewAndStop()
	{
		final long[] now = { 0 };
		final List< String > log = new ArrayList<>();
		final TrainingSession s = new TrainingSession( log::add, () -> now[ 0 ] );
		final int[] changes = { 0 };
		s.addListener( () -> changes[ 0 ]++ );
		s.stage( "SinGAN scale 2", 1, 5 );
		assertEquals( List.of( "SinGAN scale 2 [2/5]" ), log );
		s.step( 1, 101 );
		now[ 0 ] += 2_000_000_000L; // 2 s per update
		s.step( 2, 101 );
		now[ 0 ] += 2_000_000_000L;
		s.step( 3, 101 );
		assertEquals( 2 * 98, s.etaSeconds(), 1e-9 );
		assertEquals( "SinGAN scale 2 [2/5]: 3/101 updates, ETA 3 min 16 s", s.statusLine() );
		s.losses( 3, Map.of( "g", 0.5 ) );
		s.losses( 4, Map.of( "g", 0.25, "d", Double.NaN ) );
		assertEquals( List.of( "g" ), s.seriesNames() );
		assertArrayEquals( new double[] { 3, 4 }, s.series( "g" )[ 0 ], 0 );
		assertArrayEquals( new double[] { 0.5, 0.25 }, s.series( "g" )[ 1 ], 0 );
		s.preview( 4, new DoublePlane( 1, 1, new double[] { 7 } ) );
		assertEquals( 7, s.latestPreview().data[ 0 ] );
		assertFalse( s.isCancelled() );
		s.requestStop();
		assertTrue( s.isCancelled() );
		assertTrue( s.statusLine().endsWith( "(stopping)" ) );
		assertEquals( 6, changes[ 0 ] );
	}

	@Test
	void formatsDurations()
	{
		assertEquals( "45 s", TrainingSession.duration( 45.2 ) );
		assertEquals( "1 min 10 s", TrainingSession.duration( 70 ) );
		assertEquals( "2 h 3 min", TrainingSession.duration( 7380 ) );
	}
}
