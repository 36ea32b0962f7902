package sc.fiji.restoregan.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.restoregan.TestModels;
import sc.fiji.restoregan.device.DeviceChoice;
import sc.fiji.restoregan.nn.UNetConfig;
import sc.fiji.restoregan.pipeline.PlaneNetwork;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.pipeline.RestoreOptions;
import sc.fiji.restoregan.pipeline.RestoreRunner;

class RealismBlendTest
{
	@TempDir
	Path root;

	private static final float[] TILE = new float[ 32 * 32 ];
	static
	{
		final Random rnd = new Random( 5 );
		for ( int i = 0; i < TILE.length; i++ )
			TILE[ i ] = rnd.nextFloat();
	}

	/** A faithful tiny model in root/faithful naming its twin root/sharp (another seed). */
	private Path twins() throws Exception
	{
		final Path faithful = root.resolve( "faithful" );
		final ModelCard card = TestModels.saveTiny( faithful, 2 );
		card.realismTwin = "sharp";
		ModelStore.writeCard( faithful, card );
		TestModels.saveTiny( root.resolve( "sharp" ), 3 );
		return faithful;
	}

	private static float[] run( final StoredModel faithful, final StoredModel sharp, final double realism )
	{
		try ( PlaneNetwork net = RealismBlend.open( faithful, sharp, realism, Device.cpu() ) )
		{
			return net.process( TILE, 32, 32 );
		}
	}

	@Test
	void endsAreTheTwoNetworksAndTheMiddleIsNeither() throws Exception
	{
		final Path dir = twins();
		final StoredModel faithful = ModelRegistry.load( dir.toString() );
		final StoredModel sharp = ModelRegistry.loadTwin( dir.toString(), faithful );
		assertEquals( "tiny", sharp.card().name );
		final float[] a = run( faithful, sharp, 0 ), b = run( faithful, sharp, 1 ), mid = run( faithful, sharp, 0.5 );
		try ( PlaneNetwork net = faithful.open( Device.cpu() ) )
		{
			assertArrayEquals( net.process( TILE, 32, 32 ), a );
		}
		try ( PlaneNetwork net = sharp.open( Device.cpu() ) )
		{
			assertArrayEquals( net.process( TILE, 32, 32 ), b );
		}
		double da = 0, db = 0;
		for ( int i = 0; i < mid.length; i++ )
		{
			da += Math.abs( mid[ i ] - a[ i ] );
			db += Math.abs( mid[ i ] - b[ i ] );
		}
		assertTrue( da > 1e-3 && db > 1e-3, "the blend differs from both ends: " + da + ", " + db );
	}

	@Test
	void interpolatesEveryParameterLinearly() throws Exception
	{
		final Path dir = twins();
		final StoredModel faithful = ModelRegistry.load( dir.toString() );
		final StoredModel sharp = ModelRegistry.loadTwin( dir.toString(), faithful );
		try ( Model ma = Model.newInstance( "a", Device.cpu(), "PyTorch" ); Model mb = Model.newInstance( "b", Device.cpu(), "PyTorch" );
				Model mt = Model.newInstance( "t", Device.cpu(), "PyTorch" ) )
		{
			final Block a = faithful.loadInto( ma ), b = sharp.loadInto( mb ), target = faithful.loadInto( mt );
			RealismBlend.interpolate( target, b, 0.25 );
			int checked = 0;
			for ( int p = 0; p < target.getParameters().size(); p++ )
			{
				final Pair< String, Parameter > pt = target.getParameters().get( p );
				final float[] x = a.getParameters().get( pt.getKey() ).getArray().toFloatArray();
				final float[] y = b.getParameters().get( pt.getKey() ).getArray().toFloatArray();
				final float[] z = pt.getValue().getArray().toFloatArray();
				for ( int i = 0; i < z.length; i++ )
					assertEquals( 0.75 * x[ i ] + 0.25 * y[ i ], z[ i ], 1e-6, pt.getKey() );
				checked++;
			}
			assertTrue( checked > 10, "every parameter of the U-Net: " + checked );
		}
	}

	@Test
	void refusesWhatCannotBeBlended() throws Exception
	{
		final Path dir = twins();
		final StoredModel faithful = ModelRegistry.load( dir.toString() );
		assertTrue( assertThrows( RestoreException.class, () -> RealismBlend.open( faithful, null, 0.5, Device.cpu() ) ).getMessage().contains( "no GAN-trained twin" ) );
		assertTrue( assertThrows( RestoreException.class, () -> RealismBlend.check( 1.5 ) ).getMessage().contains( "between 0" ) );
		assertTrue( assertThrows( RestoreException.class, () -> RealismBlend.check( Double.NaN ) ).getMessage().contains( "between 0" ) );
		// a twin of another width
		final ModelCard other = TestModels.saveTiny( root.resolve( "wide" ), 4 );
		other.architecture = new UNetConfig( 2, 8 );
		final StoredModel wide = new StoredModel( other, ModelStore.load( ModelSource.directory( root.resolve( "wide" ) ) ).weights(), "wide" );
		assertTrue( assertThrows( RestoreException.class, () -> RealismBlend.open( faithful, wide, 0.5, Device.cpu() ) ).getMessage().contains( "architectures differ" ) );
		// a card naming a twin that is not there
		final ModelCard card = faithful.card();
		card.realismTwin = "gone";
		ModelStore.writeCard( dir, card );
		final StoredModel orphan = ModelRegistry.load( dir.toString() );
		assertTrue( assertThrows( RestoreException.class, () -> ModelRegistry.loadTwin( dir.toString(), orphan ) ).getMessage().contains( "'gone'" ) );
	}

	@Test
	void theRunnerBlendsOnlyWhenAskedAndNeedsNoTwinAtZero() throws Exception
	{
		final Path dir = twins();
		final Img< FloatType > input = ArrayImgs.floats( 40, 36 );
		final Random rnd = new Random( 2 );
		input.forEach( t -> t.set( rnd.nextFloat() ) );
		final StringBuilder log = new StringBuilder();
		RestoreRunner.restore( input, dir.toString(), 0.5, DeviceChoice.parse( "cpu" ), RestoreOptions.defaults(), Progress.NONE, log::append );
		assertTrue( log.toString().contains( "realism 0.50" ), log.toString() );
		final ModelCard card = ModelRegistry.load( dir.toString() ).card();
		card.realismTwin = null;
		ModelStore.writeCard( dir, card );
		RestoreRunner.restore( input, dir.toString(), 0, DeviceChoice.parse( "cpu" ), RestoreOptions.defaults(), Progress.NONE, s -> {} );
		assertThrows( RestoreException.class, () -> RestoreRunner.restore( input, dir.toString(), 1, DeviceChoice.parse( "cpu" ), RestoreOptions.defaults(), Progress.NONE, s -> {} ) );
	}
}
