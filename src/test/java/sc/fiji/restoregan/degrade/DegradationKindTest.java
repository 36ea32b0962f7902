package sc.fiji.restoregan.degrade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import sc.fiji.restoregan.pipeline.RestoreException;

/** Every kind, with random parameters: finite, seeded, and the right size. */
class DegradationKindTest
{
	private static final int SIZE = 96;

	@ParameterizedTest
	@EnumSource( DegradationKind.class )
	void randomDegradationsAreFiniteSeededAndSized( final DegradationKind kind )
	{
		final float[] clean = Images.scene( SIZE, 1 );
		final int scale = kind == DegradationKind.LOWRES || kind == DegradationKind.COMPOSITE ? 2 : 1;
		for ( long seed = 0; seed < 8; seed++ )
		{
			final float[] a = run( kind, clean, scale, seed ), b = run( kind, clean, scale, seed );
			assertArrayEquals( a, b, kind.id() + ": same seed, same output" );
			assertTrue( Images.allFinite( a ), kind.id() + " keeps the image finite" );
			assertEquals( ( SIZE / scale ) * ( SIZE / scale ), a.length );
			assertFalse( Arrays.equals( a, run( kind, clean, scale, seed + 100 ) ), kind.id() + ": different seeds differ" );
		}
		assertTrue( Arrays.equals( clean, Images.scene( SIZE, 1 ) ), "input not modified" );
	}

	private static float[] run( final DegradationKind kind, final float[] clean, final int scale, final long seed )
	{
		final Random rnd = new Random( seed );
		return kind.random( rnd, scale ).apply( clean, SIZE, SIZE, rnd );
	}

	@Test
	void compositesShuffleTheirStepsAndMultiplyScales()
	{
		final Composite c = Composite.of( new Downsample( 2, 0.5, null, null ), Blur.gaussian( 1 ), new Downsample( 2, 0.5, null, null ) );
		assertEquals( 4, c.scale() );
		assertEquals( ( SIZE / 4 ) * ( SIZE / 4 ), c.apply( Images.scene( SIZE, 2 ), SIZE, SIZE, new Random( 1 ) ).length );
		final java.util.Set< String > orders = new java.util.HashSet<>();
		for ( long seed = 0; seed < 40; seed++ )
		{
			final Composite r = Composite.random( new Random( seed ), 1 );
			assertTrue( r.steps().get( r.steps().size() - 1 ) instanceof CameraNoise || r.steps().get( r.steps().size() - 1 ) instanceof JpegCompression );
			orders.add( r.steps().stream().map( s -> s.getClass().getSimpleName() ).toList().toString() );
		}
		assertTrue( orders.size() > 5, "random subsets and orders" );
	}

	@Test
	void parseNamesTheKinds()
	{
		assertEquals( DegradationKind.LOWRES, DegradationKind.parse( "LowRes" ) );
		assertTrue( assertThrows( IllegalArgumentException.class, () -> DegradationKind.parse( "fog" ) ).getMessage().contains( "noise, blur" ) );
		assertThrows( IllegalArgumentException.class, () -> DegradationKind.NOISE.random( new Random( 1 ), 2 ) );
	}

	/**
	 * A degradation tells the PSF it blurs with, which deconvolution with a
	 * known PSF reads in training and in the benchmark: a blur's kernel, the
	 * last blur of a composite, none for what does not blur.
	 */
	@Test
	void aDegradationTellsItsPsf()
	{
		final Random rnd = new Random( 4 );
		for ( int i = 0; i < 10; i++ )
		{
			final Composite blurred = ( Composite ) DegradationKind.BLUR.random( rnd, 1 );
			assertEquals( ( ( Blur ) blurred.steps().get( 0 ) ).kernel(), blurred.psf() );
		}
		final Blur a = Blur.gaussian( 1 ), b = Blur.defocus( 3 );
		assertEquals( b.kernel(), Composite.of( a, CameraNoise.mild( rnd ), b ).psf() );
		assertEquals( null, Composite.of( CameraNoise.mild( rnd ) ).psf() );
		assertEquals( null, DegradationKind.NOISE.random( rnd, 1 ).psf() );
		// and the direction of its stripes or streaks
		assertEquals( 30, new Streaks( 5, 30, 2, 1, 0.5, 0.3 ).direction() );
		assertEquals( 90, Composite.of( a, new Stripes( 4, 90, 0.5, 3 ), CameraNoise.mild( rnd ) ).direction() );
		assertTrue( Double.isNaN( Composite.of( a, CameraNoise.mild( rnd ) ).direction() ) );
		assertEquals( KnownDegradation.of( b ), new KnownDegradation( b.kernel(), Double.NaN ) );
		// and whether its artefacts are stripes or drops, which pick the models for those alone
		assertEquals( ArtefactKind.STRIPES, KnownDegradation.of( new Stripes( 4, 90, 0.5, 3 ) ).artefacts() );
		assertEquals( ArtefactKind.DROPS, KnownDegradation.of( new Drops( 4, 10, 0.5, 3 ) ).artefacts() );
		assertEquals( ArtefactKind.ANY, KnownDegradation.of( new Streaks( 5, 30, 2, 1, 0.5, 0.3 ) ).artefacts() );
		for ( int i = 0; i < 5; i++ )
		{
			assertTrue( DegradationKind.STRIPES.random( rnd, 1 ) instanceof Stripes );
			assertTrue( DegradationKind.DROPS.random( rnd, 1 ) instanceof Drops );
		}
		for ( final ArtefactKind k : ArtefactKind.values() )
			assertEquals( k, ArtefactKind.ofLabel( k.label() ) );
		assertEquals( ArtefactKind.ANY, ArtefactKind.ofLabel( null ) );
		assertTrue( assertThrows( RestoreException.class, () -> ArtefactKind.ofLabel( "rain" ) ).getMessage().contains( "drops or dust" ) );
	}
}
