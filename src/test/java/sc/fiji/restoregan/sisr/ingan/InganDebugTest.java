package sc.fiji.restoregan.sisr.ingan;

import java.util.Map;

import org.junit.jupiter.api.Test;

import sc.fiji.restoregan.metrics.DoublePlane;
import sc.fiji.restoregan.sisr.SisrMethod;
import sc.fiji.restoregan.sisr.SisrPreset;
import sc.fiji.restoregan.sisr.SisrSettings;
import sc.fiji.restoregan.sisr.SisrTestImages;
import sc.fiji.restoregan.sisr.TrainingMonitor;

class InganDebugTest
{
	@Test
	void debug()
	{
		final SisrSettings s = SisrSettings.of( SisrMethod.INGAN, SisrPreset.FAST, 2 );
		s.iterations = Integer.parseInt( System.getenv().getOrDefault( "INGAN_IT", "20" ) );
		final DoublePlane img = SisrTestImages.blobs( 128, 128, 3 );
		final long[] t = { 0 };
		try ( InganModel m = InganTrainer.train( img, s, new TrainingMonitor()
		{
			@Override
			public void losses( final long step, final Map< String, Double > values )
			{
				final long now = ( ( com.sun.management.OperatingSystemMXBean ) java.lang.management.ManagementFactory.getOperatingSystemMXBean() ).getProcessCpuTime();
				System.out.println( step + " " + values + " cpu " + ( now - t[ 0 ] ) / 1e6 + " ms" );
				t[ 0 ] = now;
			}
		} ) )
		{
			final long a = System.nanoTime();
			m.generate( img, 256, 256 );
			System.out.println( "apply " + ( System.nanoTime() - a ) / 1e6 + " ms" );
		}
	}
}
