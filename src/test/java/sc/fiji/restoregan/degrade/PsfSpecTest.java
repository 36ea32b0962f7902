package sc.fiji.restoregan.degrade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class PsfSpecTest
{
	@Test
	void namedPsfsAreTheBlursOfTheDegradationModel()
	{
		assertArrayEquals( Blur.gaussian( 2 ).kernel().weights(), PsfSpec.parse( "gaussian:2" ).weights(), 0 );
		assertArrayEquals( Blur.defocus( 4 ).kernel().weights(), PsfSpec.parse( " Defocus:4 " ).weights(), 0 );
		assertArrayEquals( Blur.widefield( 3, 1 ).kernel().weights(), PsfSpec.parse( "widefield:3,1" ).weights(), 0 );
		assertArrayEquals( Blur.widefield( 3, 0 ).kernel().weights(), PsfSpec.parse( "widefield:3" ).weights(), 0 );
		assertArrayEquals( Blur.anisotropic( 3, 1, 30 ).kernel().weights(), PsfSpec.parse( "anisotropic:3,1,30" ).weights(), 0 );
		assertArrayEquals( PsfSpec.parse( "widefield:3,1" ).weights(), PsfSpec.of( "widefield", 3, 1 ).weights(), 0 );
		// optics: 0.61 x 520 nm / NA 1.3 / 61 nm pixels = an Airy radius of 4 px
		assertArrayEquals( Blur.widefield( 0.61 * 520 / 1.3 / 61, 0 ).kernel().weights(), PsfSpec.parse( "optics:1.3,520,61" ).weights(), 0 );
		assertArrayEquals( Blur.widefield( 0.61 * 520 / 1.3 / 61, 1 ).kernel().weights(), PsfSpec.parse( "optics:1.3,520,61,1" ).weights(), 0 );
		assertEquals( 4.0, WidefieldPsf.airyRadius( 1.3, 520, 61 ), 1e-12 );
		final IllegalArgumentException coarse = assertThrows( IllegalArgumentException.class, () -> PsfSpec.parse( "optics:0.3,520,1000" ) );
		assertTrue( coarse.getMessage().contains( "Airy radius is 1.06 px" ), coarse.getMessage() );
		for ( final String bad : new String[] { "optics:1.4,520", "optics:0,520,65", "optics:1.4,50,65", "optics:1.4,520,0", "optics:2,520,65", "optics:1.4,520,65,-1" } )
			assertThrows( IllegalArgumentException.class, () -> PsfSpec.parse( bad ), bad );
		assertThrows( IllegalArgumentException.class, () -> PsfSpec.of( "defocus", 0 ) );
		for ( final String bad : new String[] { "gaussian", "gaussian:", "gaussian:-1", "gaussian:1,2", "disk:3", "widefield:3,-1", "gaussian:x", "anisotropic:3,1" } )
			assertThrows( IllegalArgumentException.class, () -> PsfSpec.parse( bad ), bad );
	}

	/**
	 * A PSF image is centred on its centroid, so deconvolving with it shifts
	 * nothing: an off-centre, even-sized spot becomes a centred kernel; its
	 * negative values (background subtraction) are dropped and it sums to 1.
	 */
	@Test
	void aPsfImageIsCentredOnItsCentroidAndNormalised()
	{
		final int w = 10, h = 8;
		final float[] img = new float[ w * h ];
		final Random rnd = new Random( 3 );
		for ( int i = 0; i < img.length; i++ )
			img[ i ] = -0.01f * rnd.nextFloat();
		img[ 5 * w + 6 ] = 4;
		img[ 5 * w + 7 ] = 1;
		img[ 4 * w + 6 ] = 1;
		final Kernel k = PsfSpec.fromImage( img, w, h );
		assertEquals( 1, k.sum(), 1e-6 );
		assertEquals( 4 / 6.0, k.at( 0, 0 ), 1e-6 );
		assertEquals( 1 / 6.0, k.at( 1, 0 ), 1e-6 );
		assertEquals( 1 / 6.0, k.at( 0, -1 ), 1e-6 );
		for ( final float v : k.weights() )
			assertTrue( v >= 0 );
		assertEquals( 6, k.radius(), "the farthest image corner from the centre (6, 5) is 6 px away" );
		assertThrows( IllegalArgumentException.class, () -> PsfSpec.fromImage( new float[ 4 ], 2, 2 ) );
	}
}
