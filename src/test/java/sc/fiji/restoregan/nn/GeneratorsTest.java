package sc.fiji.restoregan.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.model.ModelSource;
import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.model.StoredModel;
import sc.fiji.restoregan.pipeline.PlaneNetwork;

/** The FPN and super-resolution generators, their configurations and their model cards. */
class GeneratorsTest
{
	@TempDir
	Path dir;

	private static NDArray forward( final Block block, final NDManager manager, final NDArray x )
	{
		return block.forward( new ParameterStore( manager, false ), new NDList( x ), false ).singletonOrThrow();
	}

	/** Zeroes the parameters of the block's last convolution, so that only its residual path is left. */
	private static void silenceFinal( final Block block )
	{
		block.getParameters().forEach( p -> {
			if ( p.getKey().contains( "final" ) )
				p.getValue().getArray().muli( 0 );
		} );
	}

	private static float[] random( final int n, final long seed )
	{
		final Random rnd = new Random( seed );
		final float[] v = new float[ n ];
		for ( int i = 0; i < n; i++ )
			v[ i ] = rnd.nextFloat();
		return v;
	}

	@Test
	void fpnKeepsTheSizeAndAddsItsInput()
	{
		Engine.getEngine( "PyTorch" ).setRandomSeed( 1 );
		final FpnConfig config = FpnConfig.of( 3, 4 );
		assertEquals( 8, config.blockSize() );
		try ( NDManager m = NDManager.newBaseManager( "PyTorch" ) )
		{
			final Block fpn = config.newBlock();
			fpn.initialize( m, DataType.FLOAT32, new Shape( 2, 1, 16, 24 ) );
			final NDArray x = m.create( random( 2 * 16 * 24, 3 ), new Shape( 2, 1, 16, 24 ) );
			final NDArray y = forward( fpn, m, x );
			assertEquals( new Shape( 2, 1, 16, 24 ), y.getShape() );
			assertTrue( y.sub( x ).abs().max().getFloat() > 1e-4, "the untrained network changes its input" );
			silenceFinal( fpn );
			assertArrayEquals( x.toFloatArray(), forward( fpn, m, x ).toFloatArray(), 1e-6f, "global residual: input + net(input)" );
		}
	}

	@Test
	void fpnBackboneUsesInvertedResidualsWithDepthwiseConvolutions()
	{
		final FpnConfig config = FpnConfig.of( 2, 4 );
		try ( NDManager m = NDManager.newBaseManager( "PyTorch" ) )
		{
			final Block fpn = config.newBlock();
			fpn.initialize( m, DataType.FLOAT32, new Shape( 1, 1, 8, 8 ) );
			// stage 1: 2 blocks from 4 to 6 channels, expansion 6: depthwise kernels (hidden, 1, 3, 3)
			final long depthwise = fpn.getParameters().stream().filter( p -> p.getValue().getArray().getShape().equals( new Shape( 24, 1, 3, 3 ) ) ).count();
			assertEquals( 1, depthwise, "the first block expands 4 channels to 24" );
			assertEquals( 1, fpn.getParameters().stream().filter( p -> p.getValue().getArray().getShape().equals( new Shape( 36, 1, 3, 3 ) ) ).count(), "the second 6 to 36" );
		}
	}

	@Test
	void srUpsamplesAndAddsTheBilinearInput()
	{
		Engine.getEngine( "PyTorch" ).setRandomSeed( 2 );
		for ( final int scale : new int[] { 2, 4 } )
			try ( NDManager m = NDManager.newBaseManager( "PyTorch" ) )
			{
				final SrConfig config = new SrConfig( scale, 4, 1 );
				assertEquals( scale == 2 ? 1 : 2, config.stages() );
				final Block sr = config.newBlock();
				sr.initialize( m, DataType.FLOAT32, new Shape( 1, 1, 5, 6 ) );
				final NDArray x = m.create( random( 30, scale ), new Shape( 1, 1, 5, 6 ) );
				assertEquals( new Shape( 1, 1, 5 * scale, 6 * scale ), forward( sr, m, x ).getShape() );
				silenceFinal( sr );
				assertArrayEquals( Resampling.bilinear( x, scale ).toFloatArray(), forward( sr, m, x ).toFloatArray(), 1e-6f );
			}
	}

	/** PyTorch's interpolate(bilinear, align_corners=False), written out in plain Java. */
	private static double bilinear( final float[] img, final int h, final int w, final int s, final int oy, final int ox )
	{
		final double sy = Math.max( 0, ( oy + 0.5 ) / s - 0.5 ), sx = Math.max( 0, ( ox + 0.5 ) / s - 0.5 );
		final int y0 = ( int ) Math.floor( sy ), x0 = ( int ) Math.floor( sx );
		final int y1 = Math.min( y0 + 1, h - 1 ), x1 = Math.min( x0 + 1, w - 1 );
		final double fy = sy - y0, fx = sx - x0;
		return ( 1 - fy ) * ( ( 1 - fx ) * img[ y0 * w + x0 ] + fx * img[ y0 * w + x1 ] ) + fy * ( ( 1 - fx ) * img[ y1 * w + x0 ] + fx * img[ y1 * w + x1 ] );
	}

	@Test
	void bilinearMatchesPyTorchsConvention()
	{
		final int h = 3, w = 5;
		final float[] img = random( h * w, 7 );
		try ( NDManager m = NDManager.newBaseManager( "PyTorch" ) )
		{
			for ( final int s : new int[] { 2, 3, 4 } )
			{
				final float[] up = Resampling.bilinear( m.create( img, new Shape( 1, 1, h, w ) ), s ).toFloatArray();
				for ( int y = 0; y < h * s; y++ )
					for ( int x = 0; x < w * s; x++ )
						assertEquals( bilinear( img, h, w, s, y, x ), up[ y * w * s + x ], 1e-6, "x" + s + " at " + x + ", " + y );
			}
		}
	}

	@Test
	void flopsOfTheSrGeneratorByHand()
	{
		// head 9*1*4, block and body 3*9*4*4, one x2 stage 9*4*16, final 9*4*1 at 4 output pixels per input pixel
		assertEquals( 2 * ( 36 + 432 + 576 + 144 ), new SrConfig( 2, 4, 1 ).flopsPerPixel(), 1e-9 );
		assertEquals( 1 * ( 2 + 4 ) + 1, new SrConfig( 2, 4, 1 ).receptiveFieldRadius() );
		assertTrue( FpnConfig.of( 3, 4 ).flopsPerPixel() > 0 );
		assertEquals( 0, new FpnConfig().receptiveFieldRadius() % 32 );
	}

	/** Each kind is saved with a card naming its architecture, and loading rebuilds it with the same output. */
	@Test
	void cardsRebuildEveryKind() throws Exception
	{
		final GeneratorArchitecture[] kinds = { new UNetConfig( 1, 4 ), FpnConfig.of( 2, 4 ), new SrConfig( 2, 4, 1 ) };
		for ( final GeneratorArchitecture a : kinds )
		{
			Engine.getEngine( "PyTorch" ).setRandomSeed( 4 );
			final Path folder = dir.resolve( a.kind().label() );
			final ModelCard card = new ModelCard();
			card.name = a.kind().label();
			card.task = a.scale() > 1 ? "sr" : "denoise";
			card.architecture = a;
			card.scale = a.scale();
			final float[] tile = random( 16 * 16, 5 );
			final float[] expected;
			try ( Model model = Model.newInstance( "g", Device.cpu(), "PyTorch" ) )
			{
				final Block block = a.newBlock();
				model.setBlock( block );
				block.initialize( model.getNDManager(), DataType.FLOAT32, new Shape( 1, 1, 16, 16 ) );
				expected = forward( block, model.getNDManager(), model.getNDManager().create( tile, new Shape( 1, 1, 16, 16 ) ) ).toFloatArray();
				ModelStore.save( folder, card, block );
			}
			final StoredModel stored = ModelStore.load( ModelSource.directory( folder ) );
			assertEquals( a.getClass(), stored.architecture().getClass() );
			assertEquals( a.kind().type(), com.google.gson.JsonParser.parseString( stored.card().toJson() ).getAsJsonObject().getAsJsonObject( "architecture" ).get( "type" ).getAsString() );
			try ( PlaneNetwork net = stored.open( Device.cpu() ) )
			{
				assertEquals( a.scale(), net.scale() );
				assertArrayEquals( expected, net.process( tile, 16, 16 ), 1e-5f, a.kind().label() );
			}
		}
	}

	@Test
	void cardsWithoutATypeAreUNets()
	{
		final String json = "{ \"format\": 1, \"name\": \"old\", \"task\": \"denoise\", \"architecture\": { \"depth\": 1, \"baseFilters\": 8 }, \"weights\": { \"file\": \"generator.params\", \"sha256\": \"00\" } }";
		final ModelCard card = ModelCard.read( new StringReader( json ) );
		final UNetConfig unet = assertInstanceOf( UNetConfig.class, card.architecture );
		assertEquals( 8, unet.baseFilters );
		assertEquals( UNetConfig.TYPE, unet.type );
		assertThrows( com.google.gson.JsonParseException.class, () -> ModelCard.read( new StringReader( json.replace( "\"depth\": 1", "\"type\": \"gan-unknown\"" ) ) ) );
		assertEquals( GeneratorKind.FPN, GeneratorKind.of( "FPN" ) );
		assertThrows( IllegalArgumentException.class, () -> GeneratorKind.of( "vgg" ) );
	}
}
