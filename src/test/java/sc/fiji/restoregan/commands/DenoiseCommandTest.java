package sc.fiji.restoregan.commands;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.restoregan.TestModels;

class DenoiseCommandTest
{
	@TempDir
	Path modelDir;

	private Context context;

	@BeforeEach
	void createContext()
	{
		context = new Context( CommandService.class, LogService.class );
	}

	@AfterEach
	void disposeContext()
	{
		context.dispose();
	}

	@Test
	void isDiscoveredUnderItsMenuPath()
	{
		final CommandInfo info = context.service( CommandService.class ).getCommand( DenoiseCommand.class );
		assertNotNull( info );
		assertEquals( "Plugins > Restore > Denoise", info.getMenuPath().getMenuString() );
		assertTrue( info.canRunHeadless() );
		for ( final String name : new String[] { "model", "tile", "overlap", "device", "percentileLow", "percentileHigh" } )
			assertNotNull( info.getInput( name ), name );
	}

	@Test
	void runsOnAnArrayImgWithoutChangingIt() throws Exception
	{
		TestModels.saveTiny( modelDir, 2 );
		final Img< UnsignedShortType > input = ArrayImgs.unsignedShorts( 70, 50, 2 );
		final Random rnd = new Random( 1 );
		input.forEach( t -> t.set( 100 + rnd.nextInt( 1000 ) ) );
		final Img< UnsignedShortType > copy = input.copy();
		final CommandModule module = context.service( CommandService.class ).run( DenoiseCommand.class, true,
				"input", input, "model", modelDir.toString(), "tile", 64, "overlap", 48, "device", "cpu" ).get();
		assertNull( module.getCancelReason() );
		@SuppressWarnings( "unchecked" )
		final Img< FloatType > output = ( Img< FloatType > ) module.getOutput( "output" );
		assertArrayEquals( input.dimensionsAsLongArray(), output.dimensionsAsLongArray() );
		LoopBuilder.setImages( input, copy ).forEachPixel( ( a, b ) -> assertEquals( b.get(), a.get() ) );
		final double[] mean = new double[ 1 ];
		output.forEach( t -> mean[ 0 ] += t.get() / ( 70 * 50 * 2 ) );
		assertEquals( 600, mean[ 0 ], 150, "the output is in the input's intensity units" );
	}

	@Test
	void badInputCancelsWithAClearReason() throws Exception
	{
		final Img< FloatType > input = ArrayImgs.floats( 1, 1 );
		final CommandModule module = context.service( CommandService.class ).run( DenoiseCommand.class, true, "input", input, "model", modelDir.toString() ).get();
		assertTrue( module.getCancelReason().contains( "1x1" ), module.getCancelReason() );
		final Img< FloatType > ok = ArrayImgs.floats( 32, 32 );
		final CommandModule missing = context.service( CommandService.class ).run( DenoiseCommand.class, true, "input", ok, "model", modelDir.resolve( "nothing" ).toString() ).get();
		assertTrue( missing.getCancelReason().contains( "No model folder or shipped model" ), missing.getCancelReason() );
	}
}
