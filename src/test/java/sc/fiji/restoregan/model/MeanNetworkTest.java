package sc.fiji.restoregan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.Device;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.restoregan.TestModels;
import sc.fiji.restoregan.device.DeviceChoice;
import sc.fiji.restoregan.filter.ContextChannels;
import sc.fiji.restoregan.nn.UNetConfig;
import sc.fiji.restoregan.pipeline.PlaneNetwork;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.pipeline.RestoreOptions;
import sc.fiji.restoregan.pipeline.Restorer;
import sc.fiji.restoregan.pipeline.RestoreRunner;

class MeanNetworkTest
{
	@TempDir
	Path root;

	private static final int SIDE = 32;

	private static final ContextChannels BACKGROUNDS = new ContextChannels( new double[] { 4, 16 } );

	/** Backgrounds and their flat-fields, then a fitted plane and its flat-field: the partner sees two channels more. */
	private static final ContextChannels WITH_SURFACES = BACKGROUNDS.withSurfaces( new double[] { 1 } );

	private static UNetConfig seeing( final ContextChannels context )
	{
		return TestModels.tinyArchitecture().withContext( context );
	}

	/** A tiny lighting model in root/main naming root/partner, which sees the fitted surfaces too (another seed). */
	private Path pair() throws Exception
	{
		final Path main = root.resolve( "main" );
		final ModelCard card = TestModels.save( main, 2, "lighting", seeing( BACKGROUNDS ) );
		card.meanWith = "partner";
		ModelStore.writeCard( main, card );
		TestModels.save( root.resolve( "partner" ), 3, "lighting", seeing( WITH_SURFACES ) );
		return main;
	}

	private static float[] tile( final int channels )
	{
		final Random rnd = new Random( 5 );
		final float[] t = new float[ channels * SIDE * SIDE ];
		for ( int i = 0; i < t.length; i++ )
			t[ i ] = rnd.nextFloat();
		return t;
	}

	/** One network alone, without its partner, run on the channels it sees. */
	private static float[] alone( final StoredModel model, final float[] tile )
	{
		return alone( model.alone(), null, 0, tile );
	}

	@Test
	void aModelWithAPartnerReturnsTheMeanOfTheTwoOnTheSameTile() throws Exception
	{
		final StoredModel model = ModelRegistry.load( pair().toString() );
		assertNotNull( model.partner() );
		final float[] tile = tile( 1 + WITH_SURFACES.count() );
		final float[] a = alone( model, tile ), b = alone( model.partner(), tile );
		try ( PlaneNetwork mean = model.open( Device.cpu() ) )
		{
			assertEquals( WITH_SURFACES.count(), mean.context().count(), "the tile carries the partner's channels" );
			final float[] m = mean.process( tile, SIDE, SIDE );
			double apart = 0;
			for ( int i = 0; i < m.length; i++ )
			{
				assertEquals( 0.5 * ( a[ i ] + b[ i ] ), m[ i ], 1e-6 );
				apart += Math.abs( a[ i ] - b[ i ] );
			}
			assertTrue( apart / m.length > 1e-3, "the two networks differ, so the mean is neither" );
		}
	}

	@Test
	void theWholePipelineRestoresTheMeanOfTheTwoRestorations() throws Exception
	{
		// percentile normalisation and tile blending are linear in the network's output, so the mean passes through them
		final StoredModel model = ModelRegistry.load( pair().toString() );
		final Random rnd = new Random( 7 );
		final float[] pixels = new float[ 80 * 72 ];
		for ( int i = 0; i < pixels.length; i++ )
			pixels[ i ] = 100 + 50 * ( i % 80 ) / 80f + 10 * rnd.nextFloat();
		final float[] backing = pixels.clone();
		final Img< FloatType > img = ArrayImgs.floats( backing, 80, 72 );
		final RestoreOptions options = new RestoreOptions( 48, 16, 1, 99.8 );
		final float[] m = restore( model.open( Device.cpu() ), img, options );
		final float[] a = restore( model.alone().open( Device.cpu() ), img, options );
		final float[] b = restore( model.partner().open( Device.cpu() ), img, options );
		for ( int i = 0; i < m.length; i++ )
			assertEquals( 0.5 * ( a[ i ] + b[ i ] ), m[ i ], 1e-3 * Math.max( 1, Math.abs( m[ i ] ) ) );
		assertArrayEquals( pixels, backing, "the input is not changed" );
		// the commands' log names the partner
		final StringBuilder log = new StringBuilder();
		RestoreRunner.restore( img, pair().toString(), 0, DeviceChoice.parse( "cpu" ), options, Progress.NONE, log::append );
		assertTrue( log.toString().contains( "Model 'tiny' (" + root.resolve( "main" ) + "), averaged with its partner 'tiny', running on " ), log.toString() );
	}

	private static float[] restore( final PlaneNetwork network, final Img< FloatType > img, final RestoreOptions options )
	{
		try ( network )
		{
			final Img< FloatType > out = new Restorer( network, options ).restore( img, Progress.NONE );
			final float[] v = new float[ ( int ) ( out.dimension( 0 ) * out.dimension( 1 ) ) ];
			int i = 0;
			for ( final FloatType t : out )
				v[ i++ ] = t.get();
			return v;
		}
	}

	/** {@link #pair()}, the model naming root/twin as its GAN-trained twin (another seed). */
	private Path pairWithTwin() throws Exception
	{
		final Path main = pair();
		final ModelCard card = ModelStore.readCard( ModelSource.directory( main ) );
		card.realismTwin = "twin";
		ModelStore.writeCard( main, card );
		TestModels.save( root.resolve( "twin" ), 4, "lighting", seeing( BACKGROUNDS ) );
		return main;
	}

	/**
	 * At realism 0.5 and 1 the model and its partner weigh the same: the
	 * model blended with its twin, the partner with its own twin when it has
	 * one, else as it is.
	 */
	private static void assertEqualWeightsAlongTheCurve( final Path main ) throws Exception
	{
		final StoredModel model = ModelRegistry.load( main.toString() );
		final StoredModel twin = ModelRegistry.loadTwin( main.toString(), model );
		assertNull( twin.partner() );
		final float[] tile = tile( 1 + WITH_SURFACES.count() );
		for ( final double r : new double[] { 0.5, 1 } )
		{
			final float[] a = alone( model.alone(), twin, r, tile ), b = alone( model.partner(), model.partnerTwin(), model.partnerTwin() == null ? 0 : r, tile );
			try ( PlaneNetwork mean = RealismBlend.open( model, twin, r, Device.cpu() ) )
			{
				final float[] m = mean.process( tile, SIDE, SIDE );
				for ( int i = 0; i < m.length; i++ )
					assertEquals( 0.5 * ( a[ i ] + b[ i ] ), m[ i ], 1e-6, "realism " + r );
			}
		}
	}

	@Test
	void aPartnerWithoutATwinStaysAsItIsAtEveryRealism() throws Exception
	{
		final Path main = pairWithTwin();
		assertNull( ModelRegistry.load( main.toString() ).partnerTwin() );
		assertEqualWeightsAlongTheCurve( main );
	}

	@Test
	void aPartnerWithATwinMovesAlongTheCurveToo() throws Exception
	{
		final Path main = pairWithTwin();
		final ModelCard partner = ModelStore.readCard( ModelSource.directory( root.resolve( "partner" ) ) );
		partner.realismTwin = "partner-twin";
		ModelStore.writeCard( root.resolve( "partner" ), partner );
		TestModels.save( root.resolve( "partner-twin" ), 6, "lighting", seeing( WITH_SURFACES ) );
		assertNotNull( ModelRegistry.load( main.toString() ).partnerTwin() );
		assertEqualWeightsAlongTheCurve( main );
		// a partner whose twin is missing is an error, not a silent fallback
		partner.realismTwin = "gone";
		ModelStore.writeCard( root.resolve( "partner" ), partner );
		assertTrue( message( main ).contains( "names its GAN-trained twin 'gone', which cannot be loaded" ), message( main ) );
	}

	/** One model blended with its twin at {@code realism}, run on the channels it sees. */
	private static float[] alone( final StoredModel model, final StoredModel twin, final double realism, final float[] tile )
	{
		try ( PlaneNetwork net = RealismBlend.open( model, twin, realism, Device.cpu() ) )
		{
			return net.process( java.util.Arrays.copyOf( tile, ( 1 + net.context().count() ) * SIDE * SIDE ), SIDE, SIDE );
		}
	}

	@Test
	void refusesAPartnerThatCannotBeAveraged() throws Exception
	{
		final Path main = pair();
		assertTrue( message( main ).isEmpty() );
		TestModels.save( root.resolve( "partner" ), 3, "dehaze", seeing( WITH_SURFACES ) );
		assertTrue( message( main ).contains( "it restores dehaze, not lighting" ), message( main ) );
		TestModels.save( root.resolve( "partner" ), 3, "lighting", seeing( new ContextChannels( new double[] { 4, 32 } ) ) );
		assertTrue( message( main ).contains( "other context channels" ), message( main ) );
		final ModelCard own = TestModels.save( root.resolve( "partner" ), 3, "lighting", seeing( WITH_SURFACES ) );
		own.meanWith = "main";
		ModelStore.writeCard( root.resolve( "partner" ), own );
		assertTrue( message( main ).contains( "a partner of its own" ), message( main ) );
		final ModelCard card = ModelStore.readCard( ModelSource.directory( main ) );
		card.meanWith = "gone";
		ModelStore.writeCard( main, card );
		assertTrue( message( main ).contains( "named 'gone', which cannot be loaded: No model card" ), message( main ) );
	}

	private static String message( final Path dir )
	{
		try
		{
			ModelRegistry.load( dir.toString() );
			return "";
		}
		catch ( final RestoreException e )
		{
			return e.getMessage();
		}
	}

	@Test
	void surfacesAddedLastKeepTheOtherChannelsFirst()
	{
		assertTrue( BACKGROUNDS.isPrefixOf( WITH_SURFACES ) );
		assertTrue( BACKGROUNDS.isPrefixOf( BACKGROUNDS ) );
		assertTrue( WITH_SURFACES.isPrefixOf( WITH_SURFACES ) );
		assertTrue( !WITH_SURFACES.isPrefixOf( BACKGROUNDS ) );
		assertTrue( !BACKGROUNDS.isPrefixOf( new ContextChannels( new double[] { 4 } ) ) );
		assertTrue( ContextChannels.NONE.isPrefixOf( ContextChannels.NONE ) );
		assertTrue( ContextChannels.NONE.isPrefixOf( BACKGROUNDS ), "no context: the image alone, the first channel of every tile" );
	}
}
