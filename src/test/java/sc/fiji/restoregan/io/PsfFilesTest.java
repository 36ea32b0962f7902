package sc.fiji.restoregan.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imglib2.img.array.ArrayImgs;

import sc.fiji.restoregan.degrade.Blur;
import sc.fiji.restoregan.degrade.PsfSpec;
import sc.fiji.restoregan.pipeline.RestoreException;

class PsfFilesTest
{
	/**
	 * Of a PSF stack (a 3D PSF), the in-focus plane is the kernel: the one
	 * with the highest value, whether given as an image or as a file; named
	 * PSFs are parsed; anything else is one clear message.
	 */
	@Test
	void aPsfStackGivesItsInFocusPlane( @TempDir final Path dir ) throws Exception
	{
		final float[] focus = Blur.gaussian( 1.5 ).kernel().weights(), wide = Blur.gaussian( 3 ).kernel().weights();
		final int side = ( int ) Math.round( Math.sqrt( wide.length ) ), small = ( int ) Math.round( Math.sqrt( focus.length ) );
		// three planes of side x side: defocused, in focus (centred), defocused
		final float[] stack = new float[ 3 * side * side ];
		final int offset = ( side - small ) / 2;
		for ( int y = 0; y < small; y++ )
			for ( int x = 0; x < small; x++ )
				stack[ side * side + ( y + offset ) * side + x + offset ] = focus[ y * small + x ];
		System.arraycopy( wide, 0, stack, 0, wide.length );
		System.arraycopy( wide, 0, stack, 2 * side * side, wide.length );
		final float[] expected = PsfSpec.fromImage( Arrays.copyOfRange( stack, side * side, 2 * side * side ), side, side ).weights();
		assertArrayEquals( expected, PsfFiles.of( ArrayImgs.floats( stack, side, side, 3 ), "stack" ).weights(), 0 );
		final Path file = dir.resolve( "psf.tif" );
		ImageFiles.writeFloatTiff( ArrayImgs.floats( stack, side, side, 3 ), file );
		assertArrayEquals( expected, PsfFiles.resolve( file.toString() ).weights(), 1e-7f );
		assertArrayEquals( PsfSpec.parse( "defocus:3" ).weights(), PsfFiles.resolve( "defocus:3" ).weights(), 0 );
		assertTrue( assertThrows( RestoreException.class, () -> PsfFiles.resolve( "missing.tif" ) ).getMessage().startsWith( "No such PSF image file" ) );
		assertTrue( assertThrows( RestoreException.class, () -> PsfFiles.resolve( "gaussian:-2" ) ).getMessage().contains( "positive" ) );
		assertTrue( assertThrows( RestoreException.class, () -> PsfFiles.of( ArrayImgs.floats( 4, 4 ), "empty" ) ).getMessage().contains( "no positive value" ) );
	}
}
