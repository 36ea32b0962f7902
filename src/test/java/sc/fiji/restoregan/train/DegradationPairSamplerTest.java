package sc.fiji.restoregan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.restoregan.degrade.DegradationKind;
import sc.fiji.restoregan.degrade.IlluminationField;
import sc.fiji.restoregan.filter.ContextChannels;
import sc.fiji.restoregan.io.ImageFiles;

/** Shapes, determinism and export of degradation pairs. */
class DegradationPairSamplerTest
{
	private static final double[] PERCENTILES = { 1, 99.8 };

	private static DegradationPairSampler sampler( final DegradationKind kind, final int scale )
	{
		return new DegradationPairSampler( List.of( new MicroscopySceneSource() ), kind, scale, 42, 96, 64, PERCENTILES );
	}

	@Test
	void sameSizePairsHaveBatchShapesAndAreSeededPerStep()
	{
		final DegradationPairSampler s = sampler( DegradationKind.BLUR, 1 );
		final Batch b = s.batch( 3, 2 );
		assertEquals( 2, b.count() );
		assertEquals( 64, b.size() );
		assertEquals( 2 * 64 * 64, b.inputs().length );
		assertEquals( 2 * 64 * 64, b.targets().length );
		assertArrayEquals( b.inputs(), s.batch( 3, 2 ).inputs() );
		assertArrayEquals( b.targets(), s.batch( 3, 2 ).targets() );
		assertFalse( Arrays.equals( b.inputs(), s.batch( 4, 2 ).inputs() ) );
		assertFalse( Arrays.equals( b.inputs(), b.targets() ) );
	}

	/**
	 * Context channels follow each input's image plane; the image planes and
	 * targets are those of a sampler without context, and the background
	 * channel is smooth: neighbouring pixels differ far less than the image's.
	 */
	@Test
	void contextChannelsFollowEachInput()
	{
		final ContextChannels context = new ContextChannels( new double[] { 4, 32 } );
		final ScaledBatch plain = sampler( DegradationKind.LIGHTING, 1 ).pairs( 5, 3 );
		final ScaledBatch b = sampler( DegradationKind.LIGHTING, 1 ).context( context ).pairs( 5, 3 );
		final int px = 64 * 64;
		assertEquals( 5, b.inputChannels() );
		assertEquals( 3 * 5 * px, b.inputs().length );
		assertArrayEquals( plain.inputs(), b.imageInputs() );
		assertArrayEquals( plain.targets(), b.targets() );
		for ( int i = 0; i < 3; i++ )
		{
			final float[] image = Arrays.copyOfRange( b.inputs(), i * 5 * px, ( i * 5 + 1 ) * px );
			final float[] background = Arrays.copyOfRange( b.inputs(), ( i * 5 + 3 ) * px, ( i * 5 + 4 ) * px );
			assertTrue( roughness( background ) < 0.2 * roughness( image ), "pair " + i );
		}
		assertThrows( IllegalStateException.class, b::toBatch );
		assertTrue( sampler( DegradationKind.LIGHTING, 1 ).context( context ).recipe().get( "context" ).getAsString().contains( "sigma 4, 32 px" ) );
	}

	/**
	 * Wiener channels deconvolve each pair with its own blur's PSF: on
	 * average over a batch they are closer to the targets than the blurred
	 * inputs are.
	 */
	@Test
	void wienerChannelsDeconvolveEachPairWithItsPsf()
	{
		final ScaledBatch b = sampler( DegradationKind.BLUR, 1 ).context( new ContextChannels( null, null, null, null, null, new double[] { 0.03 } ) ).pairs( 7, 8 );
		final int px = 64 * 64;
		double blurred = 0, deconvolved = 0;
		for ( int i = 0; i < 8; i++ )
		{
			final float[] target = Arrays.copyOfRange( b.targets(), i * px, ( i + 1 ) * px );
			blurred += rms( Arrays.copyOfRange( b.inputs(), 2 * i * px, ( 2 * i + 1 ) * px ), target );
			deconvolved += rms( Arrays.copyOfRange( b.inputs(), ( 2 * i + 1 ) * px, ( 2 * i + 2 ) * px ), target );
		}
		assertTrue( deconvolved < 0.9 * blurred, "rms to the targets: " + deconvolved / 8 + " deconvolved, " + blurred / 8 + " blurred" );
	}

	/**
	 * With the direction known, the wedge channels of striped and streaked
	 * pairs destripe along the true direction instead of the estimate; the
	 * images, targets and the drops' channels are those of the sampler that
	 * estimates it, and the recipe says so.
	 */
	@Test
	void aKnownDirectionChangesOnlyTheWedgesOfDirectedPairs()
	{
		final ContextChannels wedge = new ContextChannels( null, new double[] { 3 } );
		final ScaledBatch estimated = sampler( DegradationKind.STREAKS, 1 ).context( wedge ).pairs( 2, 8 );
		final DegradationPairSampler knowing = sampler( DegradationKind.STREAKS, 1 ).context( wedge ).knownDirection( true );
		final ScaledBatch known = knowing.pairs( 2, 8 );
		assertArrayEquals( estimated.imageInputs(), known.imageInputs() );
		assertArrayEquals( estimated.targets(), known.targets() );
		final int px = 64 * 64;
		int changed = 0;
		for ( int i = 0; i < 8; i++ )
		{
			final boolean same = Arrays.equals( Arrays.copyOfRange( estimated.inputs(), ( 2 * i + 1 ) * px, ( 2 * i + 2 ) * px ),
					Arrays.copyOfRange( known.inputs(), ( 2 * i + 1 ) * px, ( 2 * i + 2 ) * px ) );
			if ( known.descriptions().get( i ).contains( "drops" ) )
				assertTrue( same, known.descriptions().get( i ) );
			else if ( !same )
				changed++;
		}
		assertTrue( changed > 0, "no wedge channel changed: " + known.descriptions() );
		assertTrue( knowing.recipe().get( "direction" ).getAsString().contains( "given to the context channels" ) );
	}

	private static double rms( final float[] a, final float[] b )
	{
		double s = 0;
		for ( int i = 0; i < a.length; i++ )
			s += ( a[ i ] - b[ i ] ) * ( a[ i ] - b[ i ] );
		return Math.sqrt( s / a.length );
	}

	/** Mean absolute difference between horizontal neighbours of a 64 x 64 patch. */
	private static double roughness( final float[] v )
	{
		double s = 0;
		for ( int y = 0; y < 64; y++ )
			for ( int x = 1; x < 64; x++ )
				s += Math.abs( v[ y * 64 + x ] - v[ y * 64 + x - 1 ] );
		return s / ( 64 * 63 );
	}

	@Test
	void anUntouchedFractionLeavesThatShareOfPairsUndegraded()
	{
		final int n = 40, px = 64 * 64;
		for ( final DegradationKind kind : new DegradationKind[] { DegradationKind.STREAKS, DegradationKind.HAZE } )
		{
			final ScaledBatch b = sampler( kind, 1 ).untouched( 0.5 ).pairs( 2, n );
			int same = 0;
			for ( int i = 0; i < n; i++ )
				if ( Arrays.equals( Arrays.copyOfRange( b.inputs(), i * px, ( i + 1 ) * px ), Arrays.copyOfRange( b.targets(), i * px, ( i + 1 ) * px ) ) )
				{
					same++;
					assertEquals( "undegraded", b.descriptions().get( i ).replaceAll( "source \\d+: ", "" ) );
				}
			assertTrue( same >= 12 && same <= 28, kind + ": " + same + " of " + n );
			assertTrue( sampler( kind, 1 ).untouched( 0.5 ).recipe().has( "untouched" ) );
		}
		// 0 keeps the pairs of earlier versions, so runs resume unchanged
		assertArrayEquals( sampler( DegradationKind.BLUR, 1 ).batch( 5, 3 ).inputs(), sampler( DegradationKind.BLUR, 1 ).untouched( 0 ).batch( 5, 3 ).inputs() );
		assertThrows( IllegalArgumentException.class, () -> sampler( DegradationKind.LOWRES, 2 ).untouched( 0.2 ) );
		assertThrows( IllegalArgumentException.class, () -> sampler( DegradationKind.BLUR, 1 ).untouched( 1 ) );
	}

	/**
	 * Lighting pairs restricted to some fields draw only those; all three in
	 * their declared order give the unrestricted pairs, and a single field
	 * the pairs {@code Lighting.random(rnd, field)} gives at the same point of
	 * the seeded sequence (no draw picks it).
	 */
	@Test
	void fieldsRestrictLightingPairsToTheChosenIlluminationFields()
	{
		final ScaledBatch gradients = sampler( DegradationKind.LIGHTING, 1 ).fields( List.of( IlluminationField.GRADIENT ) ).pairs( 3, 12 );
		for ( final String d : gradients.descriptions() )
			assertTrue( d.contains( "lighting gradient field" ), d );
		final ScaledBatch parametric = sampler( DegradationKind.LIGHTING, 1 ).fields( List.of( IlluminationField.VIGNETTE, IlluminationField.GRADIENT ) ).pairs( 3, 24 );
		assertTrue( parametric.descriptions().stream().anyMatch( d -> d.contains( "vignette field" ) ) );
		assertTrue( parametric.descriptions().stream().anyMatch( d -> d.contains( "gradient field" ) ) );
		assertTrue( parametric.descriptions().stream().noneMatch( d -> d.contains( "smooth field" ) ) );
		final ScaledBatch all = sampler( DegradationKind.LIGHTING, 1 ).fields( List.of( IlluminationField.values() ) ).pairs( 3, 6 );
		final ScaledBatch unrestricted = sampler( DegradationKind.LIGHTING, 1 ).pairs( 3, 6 );
		assertArrayEquals( unrestricted.inputs(), all.inputs() );
		assertEquals( unrestricted.descriptions(), all.descriptions() );
		assertTrue( sampler( DegradationKind.LIGHTING, 1 ).fields( List.of( IlluminationField.GRADIENT ) ).recipe().get( "degradation" ).getAsString().startsWith( "lighting (gradient fields only)" ) );
		assertThrows( IllegalArgumentException.class, () -> sampler( DegradationKind.HAZE, 1 ).fields( List.of( IlluminationField.GRADIENT ) ) );
		assertThrows( IllegalArgumentException.class, () -> sampler( DegradationKind.LIGHTING, 1 ).fields( List.of() ) );
		assertThrows( IllegalArgumentException.class, () -> sampler( DegradationKind.LIGHTING, 1 ).fields( List.of( IlluminationField.SMOOTH, IlluminationField.SMOOTH ) ) );
	}

	@Test
	void targetsKeepTheInputsMapExactlyForIntensityKeepingKinds()
	{
		for ( final DegradationKind kind : DegradationKind.values() )
			assertEquals( kind.sharedNormalization(), sampler( kind, kind == DegradationKind.LOWRES ? 2 : 1 ).targetsUnderInputMap(), kind.toString() );
		assertFalse( sampler( DegradationKind.HAZE, 1 ).targetsUnderInputMap() );
		assertTrue( sampler( DegradationKind.BLUR, 1 ).targetsUnderInputMap() );
	}

	@Test
	void lowResolutionInputsAreSmallerByTheScale()
	{
		final DegradationPairSampler s = sampler( DegradationKind.LOWRES, 2 );
		final ScaledBatch b = s.pairs( 0, 3 );
		assertEquals( 32, b.inputSize() );
		assertEquals( 64, b.targetSize() );
		assertEquals( 2, b.scale() );
		assertEquals( 3 * 32 * 32, b.inputs().length );
		assertEquals( 3 * 64 * 64, b.targets().length );
		assertEquals( 3, b.descriptions().size() );
		assertTrue( b.descriptions().get( 0 ).contains( "downsample x2" ) );
		assertThrows( IllegalStateException.class, () -> s.batch( 0, 1 ) );
		final ScaledBatch c = sampler( DegradationKind.COMPOSITE, 2 ).pairs( 1, 2 );
		assertEquals( 32, c.inputSize() );
	}

	@Test
	void everyKindGivesFinitePairs()
	{
		for ( final DegradationKind kind : DegradationKind.values() )
		{
			final ScaledBatch b = sampler( kind, kind == DegradationKind.LOWRES ? 4 : 1 ).pairs( 7, 2 );
			for ( final float v : b.inputs() )
				assertTrue( Float.isFinite( v ), kind.id() );
			for ( final float v : b.targets() )
				assertTrue( Float.isFinite( v ), kind.id() );
		}
	}

	@Test
	void rejectsInconsistentSizes()
	{
		final List< CleanSource > src = List.of( new MicroscopySceneSource() );
		assertThrows( IllegalArgumentException.class, () -> new DegradationPairSampler( src, DegradationKind.LOWRES, 1, 1, 96, 64, PERCENTILES ) );
		assertThrows( IllegalArgumentException.class, () -> new DegradationPairSampler( src, DegradationKind.LOWRES, 3, 1, 96, 64, PERCENTILES ) );
		assertThrows( IllegalArgumentException.class, () -> new DegradationPairSampler( src, DegradationKind.NOISE, 2, 1, 96, 64, PERCENTILES ) );
	}

	@Test
	void exportWritesInspectableTiffs( @TempDir final Path dir ) throws Exception
	{
		final List< Path > files = PairExport.write( sampler( DegradationKind.LOWRES, 2 ), 3, dir );
		assertEquals( 8, files.size() );
		assertArrayEquals( new long[] { 32, 32, 1, 1, 1 }, ImageFiles.read( dir.resolve( "0002-input.tif" ) ).dimensionsAsLongArray() );
		assertArrayEquals( new long[] { 64, 64, 1, 1, 1 }, ImageFiles.read( dir.resolve( "0002-target.tif" ) ).dimensionsAsLongArray() );
		assertEquals( 4, Files.readAllLines( dir.resolve( "pairs.tsv" ) ).size() );
		assertTrue( Files.readString( dir.resolve( "recipe.json" ) ).contains( "lowres" ) );
	}

	/**
	 * Each pair's range maps its target back to its source's clean units,
	 * whether the target shares the input's normalisation (blur) or has its
	 * own (lighting), at the input's size or larger.
	 */
	@Test
	void rangesMapTargetsBackToCleanUnits()
	{
		DenoisePairSamplerTest.assertRangesMapTargetsToUnitInterval( sampler( DegradationKind.BLUR, 1 ).pairs( 2, 4 ) );
		DenoisePairSamplerTest.assertRangesMapTargetsToUnitInterval( sampler( DegradationKind.LIGHTING, 1 ).pairs( 2, 4 ) );
		DenoisePairSamplerTest.assertRangesMapTargetsToUnitInterval( sampler( DegradationKind.LOWRES, 2 ).pairs( 2, 4 ) );
	}
}
