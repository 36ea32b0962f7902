package sc.fiji.restoregan.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

import ai.djl.Device;

import sc.fiji.restoregan.pipeline.RestoreException;

class DeviceChoiceTest
{
	@Test
	void parsesNamesAndRejectsOthers()
	{
		assertEquals( DeviceChoice.AUTO, DeviceChoice.parse( "Auto" ) );
		assertEquals( DeviceChoice.GPU, DeviceChoice.parse( " gpu " ) );
		assertTrue( assertThrows( RestoreException.class, () -> DeviceChoice.parse( "tpu" ) ).getMessage().contains( "auto, cpu or gpu" ) );
	}

	@Test
	void cpuIsAlwaysCpu()
	{
		assertEquals( Device.cpu(), DeviceChoice.CPU.resolve() );
		assertTrue( DeviceChoice.describe( Device.cpu() ).startsWith( "PyTorch 2.7.1 on cpu" ) );
	}

	@Test
	void withoutGpuAutoFallsBackAndGpuFailsClearly()
	{
		assumeTrue( DeviceChoice.gpuCount() == 0, "this machine has a GPU" );
		assertEquals( Device.cpu(), DeviceChoice.AUTO.resolve() );
		final RestoreException e = assertThrows( RestoreException.class, DeviceChoice.GPU::resolve );
		assertTrue( e.getMessage().startsWith( "No GPU is available" ), e.getMessage() );
	}

	@Test
	void withGpuAutoPicksIt()
	{
		assumeTrue( DeviceChoice.gpuCount() > 0, "no GPU here" );
		assertEquals( Device.gpu(), DeviceChoice.AUTO.resolve() );
	}
}
