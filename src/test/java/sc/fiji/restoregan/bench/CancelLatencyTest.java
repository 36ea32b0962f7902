package sc.fiji.restoregan.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import sc.fiji.restoregan.metrics.DoublePlane;
import sc.fiji.restoregan.sisr.SingleImageModel;
import sc.fiji.restoregan.sisr.SisrMethod;
import sc.fiji.restoregan.sisr.SisrPreset;
import sc.fiji.restoregan.sisr.SisrSettings;
import sc.fiji.restoregan.sisr.SisrTestImages;

class CancelLatencyTest
{
	private static SisrSettings tinyZssr()
	{
		final SisrSettings s = SisrSettings.of( SisrMethod.ZSSR, SisrPreset.FAST, 2 );
		s.width = 4;
		s.crop = 16;
		s.batch = 1;
		s.iterations = 1_000_000;
		s.seed = 3;
		return s;
	}

	@Test
	void trainingStopsPartWayAndApplyingThrowsOnCancel()
	{
		final DoublePlane input = SisrTestImages.blobs( 32, 32, 5 );
		// this tiny ZSSR ends by its own learning-rate policy after about 2000 updates (1.9 to 3.8 s
		// on the development machine), so the engine is warmed up first and the stop asked for well
		// before that: at 0.5 s, a few hundred updates in
		try ( CancelLatency.StoppedTraining warmUp = CancelLatency.training( input, tinyZssr(), 0 ) )
		{
			assertFalse( warmUp.result().finishedFirst(), warmUp.result().toString() );
		}
		try ( CancelLatency.StoppedTraining stopped = CancelLatency.training( input, tinyZssr(), 0.5 ) )
		{
			final CancelLatency.Result training = stopped.result();
			final SingleImageModel m = stopped.model();
			assertFalse( training.finishedFirst(), training.toString() );
			assertTrue( training.latency() >= 0, training.toString() );
			assertTrue( training.updates() > 0 && training.updates() < training.total(), training.toString() );

			final CancelLatency.Result cancelledAtOnce = CancelLatency.applying( m, input, 0 );
			assertFalse( cancelledAtOnce.finishedFirst(), cancelledAtOnce.toString() );
			assertTrue( cancelledAtOnce.latency() >= 0 );

			final CancelLatency.Result neverCancelled = CancelLatency.applying( m, input, 3600 );
			assertTrue( neverCancelled.finishedFirst(), neverCancelled.toString() );
		}
	}
}
