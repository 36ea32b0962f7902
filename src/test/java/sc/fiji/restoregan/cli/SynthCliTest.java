package sc.fiji.restoregan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.restoregan.io.ImageFiles;

/** {@code simulate}, {@code degrade} and {@code pairs} through {@link Main#run(String...)}. */
class SynthCliTest
{
	@TempDir
	Path dir;

	private Path scene( final int size ) throws Exception
	{
		final Path out = dir.resolve( "scene.tif" );
		assertEquals( 0, Main.run( "simulate", "--output", out.toString(), "--size", Integer.toString( size ), "--seed", "3" ) );
		return out;
	}

	@Test
	void simulateWritesA2dAndA3dScene() throws Exception
	{
		final Path out = scene( 64 );
		assertTrue( Files.size( out ) >= 64 * 64 * 4 );
		final Path stack = dir.resolve( "stack.tif" );
		assertEquals( 0, Main.run( "simulate", "--output", stack.toString(), "--size", "32", "--depth", "5" ) );
		assertArrayEquals( new long[] { 32, 32, 1, 5, 1 }, ImageFiles.read( stack ).dimensionsAsLongArray() );
	}

	@Test
	void degradeWritesAFloatTiffOfEveryKind() throws Exception
	{
		final Path in = scene( 64 );
		for ( final String kind : new String[] { "noise", "blur", "haze", "streaks", "lighting", "composite" } )
		{
			final Path out = dir.resolve( kind + ".tif" );
			assertEquals( 0, Main.run( "degrade", "--kind", kind, "--input", in.toString(), "--output", out.toString(), "--seed", "2" ), kind );
			assertTrue( Files.size( out ) >= 64 * 64 * 4, kind );
		}
		final Path noisy = dir.resolve( "noisy.tif" );
		assertEquals( 0, Main.run( "degrade", "--kind", "noise", "--input", in.toString(), "--output", noisy.toString(), "--peak", "20", "--read", "0.01" ) );
		assertEquals( 0, Main.run( "degrade", "--kind", "blur", "--type", "motion", "--length", "15", "--input", in.toString(), "--output", noisy.toString() ) );
	}

	@Test
	void lowresDividesTheSizeByTheScale() throws Exception
	{
		final Path in = scene( 60 );
		for ( final int s : new int[] { 2, 3, 4 } )
		{
			final Path out = dir.resolve( "lowres" + s + ".tif" );
			assertEquals( 0, Main.run( "degrade", "--kind", "lowres", "--scale", Integer.toString( s ), "--input", in.toString(), "--output", out.toString() ) );
			assertArrayEquals( new long[] { 60 / s, 60 / s, 1, 1, 1 }, ImageFiles.read( out ).dimensionsAsLongArray() );
		}
	}

	@Test
	void badKindOrTypeFailsWithoutOutput() throws Exception
	{
		final Path in = scene( 32 ), out = dir.resolve( "bad.tif" );
		assertNotEquals( 0, Main.run( "degrade", "--kind", "fog", "--input", in.toString(), "--output", out.toString() ) );
		assertNotEquals( 0, Main.run( "degrade", "--kind", "blur", "--type", "wobble", "--input", in.toString(), "--output", out.toString() ) );
		assertNotEquals( 0, Main.run( "degrade", "--kind", "noise", "--peak", "-1", "--input", in.toString(), "--output", out.toString() ) );
		assertTrue( Files.notExists( out ) );
	}

	@Test
	void pairsExportsInputsAndTargets() throws Exception
	{
		final Path out = dir.resolve( "pairs" );
		assertEquals( 0, Main.run( "pairs", "--output-dir", out.toString(), "--count", "2", "--kind", "lowres", "--scale", "2", "--patch", "32", "--region", "64" ) );
		assertArrayEquals( new long[] { 16, 16, 1, 1, 1 }, ImageFiles.read( out.resolve( "0001-input.tif" ) ).dimensionsAsLongArray() );
		assertArrayEquals( new long[] { 32, 32, 1, 1, 1 }, ImageFiles.read( out.resolve( "0001-target.tif" ) ).dimensionsAsLongArray() );
	}
}
