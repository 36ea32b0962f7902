package sc.fiji.restoregan.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.scijava.command.CommandModule;

import ij.ImagePlus;
import ij.process.ShortProcessor;

/** The Fiji commands run headless in a small SciJava context. */
class SimulateCommandsTest extends CommandContextTest
{
	@Test
	void commandsAreDiscoveredUnderTheirMenuPaths()
	{
		assertMenuPath( DegradeImageCommand.class, "Plugins>Restore>Simulate>Degrade..." );
		assertMenuPath( SampleImageCommand.class, "Plugins>Restore>Simulate>Sample image" );
	}

	@Test
	void sampleImageMakesASeededScene() throws Exception
	{
		final ImagePlus a = sample( 3 ), b = sample( 3 );
		assertEquals( 64, a.getWidth() );
		assertEquals( 48, a.getHeight() );
		assertEquals( 4, a.getNSlices() );
		assertEquals( ImagePlus.GRAY32, a.getType() );
		for ( int z = 1; z <= 4; z++ )
			assertTrue( Arrays.equals( ( float[] ) a.getStack().getPixels( z ), ( float[] ) b.getStack().getPixels( z ) ) );
	}

	private ImagePlus sample( final long seed ) throws Exception
	{
		final CommandModule m = commands.run( SampleImageCommand.class, true, Map.of( "width", 64, "height", 48, "depth", 4, "seed", seed ) ).get();
		return ( ImagePlus ) m.getOutput( "output" );
	}

	@Test
	void degradeMakesANewImageAndLeavesTheInput() throws Exception
	{
		final ShortProcessor ip = new ShortProcessor( 64, 64 );
		for ( int i = 0; i < 64 * 64; i++ )
			ip.set( i, 100 + ( i % 64 ) * 10 );
		final ImagePlus input = new ImagePlus( "cells", ip );
		final short[] before = ( ( short[] ) ip.getPixels() ).clone();
		final ImagePlus noisy = degrade( input, Map.of( "kind", "noise", "seed", 1L ) );
		assertEquals( 64, noisy.getWidth() );
		assertEquals( ImagePlus.GRAY32, noisy.getType() );
		assertTrue( Arrays.equals( before, ( short[] ) ip.getPixels() ), "input unchanged" );
		final ImagePlus small = degrade( input, Map.of( "kind", "lowres", "scale", 4 ) );
		assertEquals( 16, small.getWidth() );
		assertEquals( 4.0, small.getCalibration().pixelWidth / input.getCalibration().pixelWidth, 1e-9 );
		assertNotNull( degrade( input, Map.of( "kind", "blur", "type", "motion" ) ) );
	}

	private ImagePlus degrade( final ImagePlus input, final Map< String, Object > options ) throws Exception
	{
		final Map< String, Object > inputs = new HashMap<>( options );
		inputs.put( "input", input );
		final CommandModule m = commands.run( DegradeImageCommand.class, true, inputs ).get();
		assertTrue( !m.isCanceled(), m.getCancelReason() );
		return ( ImagePlus ) m.getOutput( "output" );
	}
}
