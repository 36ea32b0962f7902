package sc.fiji.restoregan.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.Device;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Intervals;
import net.imglib2.view.Views;

import sc.fiji.restoregan.TestModels;
import sc.fiji.restoregan.bridge.Planes;
import sc.fiji.restoregan.degrade.KnownDegradation;
import sc.fiji.restoregan.filter.ContextChannels;
import sc.fiji.restoregan.model.ModelSource;
import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.normalize.AffineNormalization;

class RestorerTest
{
	@TempDir
	static Path dir;

	static PlaneNetwork tiny;

	@BeforeAll
	static void openTinyModel() throws Exception
	{
		TestModels.saveTiny( dir, 11 );
		tiny = ModelStore.load( ModelSource.directory( dir ) ).open( Device.cpu() );
	}

	@AfterAll
	static void close()
	{
		tiny.close();
	}

	static Img< FloatType > noise( final long seed, final long... dims )
	{
		final Img< FloatType > img = ArrayImgs.floats( dims );
		final Random rnd = new Random( seed );
		img.forEach( t -> t.set( ( float ) ( 100 + 50 * rnd.nextGaussian() ) ) );
		return img;
	}

	static float maxAbsDifference( final RandomAccessibleInterval< FloatType > a, final RandomAccessibleInterval< FloatType > b )
	{
		final float[] max = new float[ 1 ];
		LoopBuilder.setImages( a, b ).forEachPixel( ( x, y ) -> max[ 0 ] = Math.max( max[ 0 ], Math.abs( x.get() - y.get() ) ) );
		return max[ 0 ];
	}

	/**
	 * Tiled and whole-image results agree. Tiles start at multiples of the
	 * block size and only pixels at least the receptive-field radius away
	 * from a tile border are used, so each output pixel sees exactly the
	 * same input; what remains is float32 rounding in convolutions of
	 * different sizes (about 1e-6 relative). Tolerance: 1e-4 of the image's
	 * intensity range (about 300 here), far below anything visible.
	 */
	@Test
	void tiledMatchesWholeImage()
	{
		final Img< FloatType > img = noise( 1, 203, 150 );
		final Img< FloatType > whole = new Restorer( tiny, new RestoreOptions( 1024, 64, 1, 99.8 ) ).restore( img, Progress.NONE );
		final List< String > notes = new ArrayList<>();
		final Restorer tiled = new Restorer( tiny, new RestoreOptions( 96, 8, 1, 99.8 ) ).log( notes::add );
		final Img< FloatType > tiles = tiled.restore( img, Progress.NONE );
		assertTrue( notes.get( 0 ).startsWith( "Overlap raised" ), "a too small overlap is raised and said so" );
		assertTrue( maxAbsDifference( whole, tiles ) < 1e-4 * 300, "max difference " + maxAbsDifference( whole, tiles ) );
		assertTrue( maxAbsDifference( whole, img ) > 1, "the network does change the image" );
	}

	@Test
	void receptiveFieldIsWithinTheDeclaredRadius()
	{
		final Img< FloatType > img = noise( 2, 128, 128 );
		final Img< FloatType > before = new Restorer( tiny, RestoreOptions.defaults() ).restore( img, Progress.NONE );
		img.getAt( 64, 64 ).set( 5000 );
		final Img< FloatType > after = new Restorer( tiny, RestoreOptions.defaults() ).restore( img, Progress.NONE );
		final int r = tiny.receptiveFieldRadius();
		final net.imglib2.Cursor< FloatType > a = before.localizingCursor(), b = after.cursor();
		int changed = 0;
		while ( a.hasNext() )
		{
			final float x = a.next().get(), y = b.next().get();
			if ( Math.abs( x - y ) > 1e-3 )
			{
				changed++;
				assertTrue( Math.abs( a.getIntPosition( 0 ) - 64 ) <= r && Math.abs( a.getIntPosition( 1 ) - 64 ) <= r, "changed outside the radius at " + a.getIntPosition( 0 ) + "," + a.getIntPosition( 1 ) );
			}
		}
		assertTrue( changed > 1 );
	}

	@Test
	void identityNetworkReturnsTheInputInItsUnits()
	{
		final Img< UnsignedShortType > img = ArrayImgs.unsignedShorts( 300, 170 );
		final Random rnd = new Random( 3 );
		img.forEach( t -> t.set( 500 + rnd.nextInt( 3000 ) ) );
		final Img< FloatType > out = new Restorer( FakeNetworks.identity( 1, 8, 16 ), new RestoreOptions( 64, 40, 2, 99 ) ).restore( img, Progress.NONE );
		LoopBuilder.setImages( img, out ).forEachPixel( ( a, b ) -> assertEquals( a.get(), b.get(), 2e-3 ) );
	}

	/**
	 * Context channels are computed on the whole normalised plane, then tiled
	 * with the image: a network that returns its first context channel (the
	 * background at sigma 24, wider than any tile) gives that plane's
	 * background in the input's units, whatever the tiling.
	 */
	@Test
	void contextChannelsSeeTheWholePlane()
	{
		final Img< FloatType > img = noise( 8, 150, 130 );
		final int w = 150, h = 130;
		final ContextChannels context = new ContextChannels( new double[] { 6, 24 } );
		final RestoreOptions small = new RestoreOptions( 48, 16, 1, 99.8 );
		final Img< FloatType > tiled = new Restorer( FakeNetworks.channel( context, 3, 4, 4 ), small ).restore( img, Progress.NONE );
		final Img< FloatType > whole = new Restorer( FakeNetworks.channel( context, 3, 4, 4 ), new RestoreOptions( 1024, 16, 1, 99.8 ) ).restore( img, Progress.NONE );
		final AffineNormalization norm = AffineNormalization.fromPercentiles( img, 1, 99.8 );
		final float[] normalised = sc.fiji.restoregan.bridge.TensorBridge.toArray( norm.view( img ) );
		final float[] background = context.compute( normalised, w, h )[ 2 ];
		final float[] expected = new float[ background.length ];
		for ( int i = 0; i < expected.length; i++ )
			expected[ i ] = ( float ) norm.invert( background[ i ] );
		final Img< FloatType > want = ArrayImgs.floats( expected, w, h );
		assertTrue( maxAbsDifference( want, tiled ) < 1e-3, "max difference " + maxAbsDifference( want, tiled ) );
		assertTrue( maxAbsDifference( whole, tiled ) < 1e-3 );
		// the image itself is still channel 0
		final Img< FloatType > image = new Restorer( FakeNetworks.channel( context, 0, 4, 4 ), small ).restore( img, Progress.NONE );
		assertTrue( maxAbsDifference( img, image ) < 1e-3 );
	}

	/**
	 * A network whose context deconvolves with a known PSF needs that PSF:
	 * without it the restorer says so; with it, the channel is the whole
	 * normalised plane Wiener-deconvolved with it, whatever the tiling, and
	 * the same under a self-ensemble of 8 with an asymmetric PSF (the
	 * channel is computed once, then turned with the plane).
	 */
	@Test
	void wienerChannelsUseThePsfOfTheOptions()
	{
		final Img< FloatType > img = noise( 9, 150, 130 );
		final int w = 150, h = 130;
		final ContextChannels context = new ContextChannels( null, null, null, null, null, new double[] { 0.01 } );
		final sc.fiji.restoregan.degrade.Kernel psf = sc.fiji.restoregan.degrade.Blur.anisotropic( 3, 1, 30 ).kernel();
		final RestoreOptions small = new RestoreOptions( 48, 16, 1, 99.8 );
		final PlaneNetwork net = FakeNetworks.channel( context, 1, 4, 4 );
		assertMessage( "point-spread function", () -> new Restorer( net, small ).restore( img, Progress.NONE ) );
		final AffineNormalization norm = AffineNormalization.fromPercentiles( img, 1, 99.8 );
		final float[] wiener = context.compute( sc.fiji.restoregan.bridge.TensorBridge.toArray( norm.view( img ) ), w, h, KnownDegradation.NONE.withPsf( psf ) )[ 0 ];
		for ( int i = 0; i < wiener.length; i++ )
			wiener[ i ] = ( float ) norm.invert( wiener[ i ] );
		final Img< FloatType > want = ArrayImgs.floats( wiener, w, h );
		final Img< FloatType > tiled = new Restorer( net, small.withPsf( psf ) ).restore( img, Progress.NONE );
		assertTrue( maxAbsDifference( want, tiled ) < 1e-3, "max difference " + maxAbsDifference( want, tiled ) );
		final Img< FloatType > copied = new Restorer( net, small ).withKnown( KnownDegradation.NONE.withPsf( psf ) ).restore( img, Progress.NONE );
		assertTrue( maxAbsDifference( want, copied ) < 1e-3 );
		final Img< FloatType > eight = new Restorer( net, small.withEnsemble( 8 ).withPsf( psf ) ).restore( img, Progress.NONE );
		assertTrue( maxAbsDifference( want, eight ) < 1e-3, "ensemble: max difference " + maxAbsDifference( want, eight ) );
	}

	/**
	 * The self-ensemble flips and turns the context channels with the image
	 * instead of computing them again on each transformed plane (the
	 * block-averaged background is not exactly flip-symmetric, the wedge's
	 * direction estimate needs an FFT per member): a network that returns a
	 * context channel gives, under an ensemble of 8, that channel of the
	 * plane itself; for the axis wedges, whose X and Y swap under a
	 * transpose, the mean of the two.
	 */
	@Test
	void theSelfEnsembleTurnsTheContextWithTheImage()
	{
		final Img< FloatType > img = noise( 5, 150, 130 );
		final int w = 150, h = 130;
		final ContextChannels context = new ContextChannels( new double[] { 40 }, new double[] { 3 }, null, new double[] { 5 }, null );
		final RestoreOptions options = new RestoreOptions( 64, 16, 1, 99.8 ).withEnsemble( 8 );
		final AffineNormalization norm = AffineNormalization.fromPercentiles( img, 1, 99.8 );
		final float[][] channels = context.compute( sc.fiji.restoregan.bridge.TensorBridge.toArray( norm.view( img ) ), w, h );
		for ( final int c : new int[] { 1, 2, 3, 4, 5 } )
		{
			final Img< FloatType > out = new Restorer( FakeNetworks.channel( context, c, 4, 4 ), options ).restore( img, Progress.NONE );
			// the slot of the axis wedge along X holds, in the four transposed members, the plane destriped along Y
			final float[] expected = channels[ c - 1 ].clone();
			if ( c >= 4 )
				for ( int i = 0; i < expected.length; i++ )
					expected[ i ] = 0.5f * ( channels[ 3 ][ i ] + channels[ 4 ][ i ] );
			for ( int i = 0; i < expected.length; i++ )
				expected[ i ] = ( float ) norm.invert( expected[ i ] );
			final double d = maxAbsDifference( ArrayImgs.floats( expected, w, h ), out );
			assertTrue( d < 1e-3, "channel " + c + ": max difference " + d );
		}
	}

	/**
	 * A self-ensemble of 8 is the mean of the restorations of the eight
	 * flipped and turned planes, each put back in place; on a non-square
	 * plane, so the transposes change the tiling. The percentiles, and so the
	 * normalisation, are the same for every transform, and the inverse
	 * normalisation is affine, so the mean can be taken in the input's units.
	 */
	@Test
	void selfEnsembleIsTheMeanOfTheFlippedAndTurnedRestorations()
	{
		final Img< FloatType > img = noise( 12, 70, 52 );
		final RestoreOptions options = new RestoreOptions( 64, 32, 1, 99.8 );
		final Img< FloatType > ensemble = new Restorer( tiny, options.withEnsemble( 8 ) ).restore( img, Progress.NONE );
		final Img< FloatType > expected = ArrayImgs.floats( 70, 52 );
		for ( int k = 0; k < Dihedral.COUNT; k++ )
		{
			final Img< FloatType > restored = new Restorer( tiny, options ).restore( Dihedral.view( img, k ), Progress.NONE );
			LoopBuilder.setImages( Dihedral.view( expected, k ), restored ).forEachPixel( ( e, r ) -> e.set( e.get() + r.get() / Dihedral.COUNT ) );
		}
		assertTrue( maxAbsDifference( expected, ensemble ) < 1e-4 * 300, "max difference " + maxAbsDifference( expected, ensemble ) );
		final Img< FloatType > single = new Restorer( tiny, options ).restore( img, Progress.NONE );
		assertTrue( maxAbsDifference( single, ensemble ) > 0.1, "the tiny network is not symmetric, so the ensemble differs from one run" );
	}

	/** The model's self-ensemble applies at realism 0 only, unless the user sets one. */
	@Test
	void theModelsSelfEnsembleIsForTheFaithfulSetting()
	{
		final RestoreOptions left = RestoreOptions.defaults();
		assertEquals( 1, left.members(), "a restorer given no size runs one member" );
		assertEquals( 8, left.forModel( 8, 0 ).members() );
		assertEquals( 1, left.forModel( 8, 0.5 ).members() );
		assertEquals( 1, left.forModel( 3, 0 ).members(), "an invalid card value means none" );
		assertEquals( 4, left.withEnsemble( 4 ).forModel( 8, 0 ).members() );
		assertEquals( 4, left.withEnsemble( 4 ).forModel( 8, 1 ).members() );
	}

	/** Flips and turns of an enlarging network's output land where the input's do. */
	@Test
	void selfEnsembleOfAnEnlargingNetworkKeepsItsGeometry()
	{
		final Img< FloatType > img = noise( 13, 50, 37 );
		for ( final int members : new int[] { 2, 4, 8 } )
		{
			final Img< FloatType > out = new Restorer( FakeNetworks.identity( 2, 4, 4 ), new RestoreOptions( 32, 16, 1, 99.8, members ) ).restore( img, Progress.NONE );
			assertArrayEquals( new long[] { 100, 74 }, out.dimensionsAsLongArray() );
			assertEquals( img.getAt( 17, 30 ).get(), out.getAt( 35, 61 ).get(), 1e-3 );
			assertEquals( img.getAt( 49, 0 ).get(), out.getAt( 98, 1 ).get(), 1e-3 );
		}
		assertMessage( "not 3.", () -> new RestoreOptions( 32, 16, 1, 99.8, 3 ) );
	}

	@Test
	void upscalingNetworkGivesScaledOutput()
	{
		final Img< FloatType > img = noise( 4, 50, 37 );
		final Img< FloatType > out = new Restorer( FakeNetworks.identity( 2, 4, 4 ), new RestoreOptions( 32, 16, 1, 99.8 ) ).restore( img, Progress.NONE );
		assertArrayEquals( new long[] { 100, 74 }, out.dimensionsAsLongArray() );
		assertEquals( img.getAt( 17, 30 ).get(), out.getAt( 35, 61 ).get(), 1e-3 );
	}

	@Test
	void stacksAndChannelsArePlaneByPlaneAndTheInputIsUnchanged()
	{
		final Img< UnsignedByteType > img = ArrayImgs.unsignedBytes( 40, 30, 2, 3, 2 ); // X Y C Z T
		final Random rnd = new Random( 5 );
		img.forEach( t -> t.set( rnd.nextInt( 256 ) ) );
		final Img< UnsignedByteType > copy = img.copy();
		final Img< FloatType > out = new Restorer( tiny, RestoreOptions.defaults() ).restore( img, Progress.NONE );
		assertArrayEquals( img.dimensionsAsLongArray(), out.dimensionsAsLongArray() );
		LoopBuilder.setImages( img, copy ).forEachPixel( ( a, b ) -> assertEquals( b.get(), a.get(), "input unchanged" ) );
		final Img< FloatType > single = new Restorer( tiny, RestoreOptions.defaults() ).restore( Views.hyperSlice( Views.hyperSlice( Views.hyperSlice( img, 4, 1 ), 3, 2 ), 2, 1 ), Progress.NONE );
		assertTrue( maxAbsDifference( single, Planes.plane( out, 11 ) ) < 1e-3, "plane (c=1, z=2, t=1) restored on its own gives the same" );
	}

	/**
	 * A model trained without a fixed intensity scale (here one that
	 * stretches and shifts its normalised input) comes back in the input's
	 * units when its output is fitted to the input: the fit of an affine
	 * function of the input is the input itself. Without the fit the
	 * stretch stays; a network whose output does not follow the input (a
	 * constant) keeps the inverse percentile map; upsampling networks refuse
	 * the fit.
	 */
	@Test
	void outputFittedToTheInputReturnsToItsUnits()
	{
		final Img< FloatType > img = noise( 8, 60, 44 );
		final RestoreOptions options = new RestoreOptions( 32, 16, 1, 99.8 );
		final PlaneNetwork stretching = FakeNetworks.affine( 1.7f, -0.4f, 4, 4 );
		final Img< FloatType > plain = new Restorer( stretching, options ).restore( img, Progress.NONE );
		assertTrue( maxAbsDifference( plain, img ) > 20, "without the fit the output keeps the network's stretch" );
		final Img< FloatType > fitted = new Restorer( stretching, options ).fitOutputToInput( true ).restore( img, Progress.NONE );
		assertTrue( maxAbsDifference( fitted, img ) < 1e-2, "fitted: the input's units, within float rounding of values near 100" );
		final Img< FloatType > constant = new Restorer( FakeNetworks.affine( 0, 0.5f, 4, 4 ), options ).fitOutputToInput( true ).restore( img, Progress.NONE );
		final AffineNormalization norm = AffineNormalization.fromPercentiles( img, 1, 99.8 );
		constant.forEach( v -> assertEquals( norm.invert( 0.5 ), v.get(), 1e-3, "a constant output is not fitted" ) );
		assertThrows( IllegalArgumentException.class, () -> new Restorer( FakeNetworks.identity( 2, 4, 4 ), options ).fitOutputToInput( true ) );
	}

	@Test
	void badInputGivesClearErrors()
	{
		final Restorer r = new Restorer( tiny, RestoreOptions.defaults() );
		assertMessage( "empty", () -> r.restore( Views.interval( ArrayImgs.floats( 10, 10 ), new long[] { 0, 0 }, new long[] { -1, 9 } ), Progress.NONE ) );
		assertMessage( "1x1 pixels", () -> r.restore( ArrayImgs.floats( 1, 1 ), Progress.NONE ) );
		assertMessage( "1 dimension", () -> r.restore( ArrayImgs.floats( 100 ), Progress.NONE ) );
		assertMessage( "6 dimension", () -> r.restore( ArrayImgs.floats( 8, 8, 1, 1, 1, 2 ), Progress.NONE ) );
		final Img< FloatType > nan = noise( 6, 16, 16 );
		nan.getAt( 3, 3 ).set( Float.NaN );
		assertMessage( "NaN", () -> r.restore( nan, Progress.NONE ) );
		final Img< FloatType > inf = noise( 6, 16, 16 );
		inf.getAt( 3, 3 ).set( Float.NEGATIVE_INFINITY );
		assertMessage( "infinite", () -> r.restore( inf, Progress.NONE ) );
	}

	@Test
	void cancellationStopsBeforeTheNextTile()
	{
		final int[] updates = new int[ 1 ];
		final Progress cancelAfterTwo = new Progress()
		{
			@Override
			public void update( final long done, final long total, final String message )
			{
				updates[ 0 ]++;
			}

			@Override
			public boolean isCancelled()
			{
				return updates[ 0 ] >= 2;
			}
		};
		assertThrows( CancelledException.class, () -> new Restorer( FakeNetworks.identity( 1, 4, 4 ), new RestoreOptions( 32, 16, 1, 99.8 ) ).restore( noise( 7, 200, 200 ), cancelAfterTwo ) );
		assertEquals( 2, updates[ 0 ] );
	}

	static void assertMessage( final String expected, final org.junit.jupiter.api.function.Executable run )
	{
		final RestoreException e = assertThrows( RestoreException.class, run );
		assertTrue( e.getMessage().contains( expected ), "message '" + e.getMessage() + "' should mention '" + expected + "'" );
	}

	@Test
	void outputKeepsTheInputsInterval()
	{
		final Img< FloatType > img = noise( 8, 20, 20 );
		final RandomAccessibleInterval< FloatType > shifted = Views.translate( img, 5, -3 );
		final Img< FloatType > out = new Restorer( FakeNetworks.identity( 1, 4, 4 ), RestoreOptions.defaults() ).restore( shifted, Progress.NONE );
		assertTrue( Intervals.equalDimensions( img, out ) );
		assertEquals( img.getAt( 2, 2 ).get(), out.getAt( 2, 2 ).get(), 1e-3 );
	}
}
