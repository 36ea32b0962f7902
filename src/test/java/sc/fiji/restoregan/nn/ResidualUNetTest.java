package sc.fiji.restoregan.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import sc.fiji.restoregan.filter.ContextChannels;
import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.train.InitialWeights;

class ResidualUNetTest
{
	@Test
	void upsampleIsNearestNeighbour()
	{
		try ( NDManager m = NDManager.newBaseManager( "PyTorch" ) )
		{
			final NDArray x = m.arange( 24f ).reshape( 2, 3, 2, 2 );
			final NDArray up = ResidualUNet.upsample( x );
			assertArrayEquals( new long[] { 2, 3, 4, 4 }, up.getShape().getShape() );
			assertArrayEquals( x.repeat( 2, 2 ).repeat( 3, 2 ).toFloatArray(), up.toFloatArray() );
		}
	}

	@Test
	void shuffleInvertsUnshuffle()
	{
		try ( NDManager m = NDManager.newBaseManager( "PyTorch" ) )
		{
			final NDArray x = m.arange( 2f * 3 * 4 * 6 ).reshape( 2, 3, 4, 6 );
			final NDArray down = ResidualUNet.unshuffle( x, 2 );
			assertEquals( new Shape( 2, 12, 2, 3 ), down.getShape() );
			// channel 1 of image 0 holds the pixels at (even row, odd column) of channel 0
			assertEquals( x.getFloat( 0, 0, 2, 3 ), down.getFloat( 0, 1, 1, 1 ) );
			assertArrayEquals( x.toFloatArray(), ResidualUNet.shuffle( down, 2 ).toFloatArray() );
		}
	}

	@Test
	void configFlopsAndReceptiveField()
	{
		final UNetConfig care = new UNetConfig();
		assertEquals( 221_824, care.flopsPerPixel(), 1 ); // 2 x 110,912 multiply-adds, counted by hand in UNetConfig
		assertEquals( 28, care.receptiveFieldRadius() );
		assertEquals( 4, care.blockSize() );
		final UNetConfig shuffled = new UNetConfig();
		shuffled.shuffle = 2;
		assertEquals( 8, shuffled.blockSize() );
		assertEquals( 56, shuffled.receptiveFieldRadius() );
	}

	@Test
	void aWidenedNetworkComputesWhatTheOriginalDidWhateverItsContext()
	{
		final UNetConfig plain = new UNetConfig( 1, 4 );
		final UNetConfig wide = plain.withContext( new ContextChannels( new double[] { 4, 8 } ) );
		assertEquals( 5, wide.inChannels );
		assertEquals( 1, wide.imageChannels() );
		assertTrue( wide.toString().contains( "context background and flat-field at sigma 4, 8 px" ), wide.toString() );
		try ( NDManager m = NDManager.newBaseManager( "PyTorch" ) )
		{
			final ai.djl.nn.Block original = plain.newBlock();
			original.initialize( m, DataType.FLOAT32, new Shape( 1, 1, 16, 16 ) );
			final byte[] widened = InitialWeights.widen( ModelStore.parameters( original ), plain, wide );
			final ai.djl.nn.Block block = wide.newBlock();
			block.initialize( m, DataType.FLOAT32, new Shape( 1, 5, 16, 16 ) );
			InitialWeights.load( block, widened, m );
			m.getEngine().setRandomSeed( 5 );
			final NDArray x = m.randomUniform( 0, 1, new Shape( 2, 5, 16, 16 ) );
			final ParameterStore store = new ParameterStore( m, false );
			final NDArray expected = original.forward( store, new NDList( x.get( ":, 0:1" ) ), false ).singletonOrThrow();
			final NDArray actual = block.forward( store, new NDList( x ), false ).singletonOrThrow();
			assertEquals( new Shape( 2, 1, 16, 16 ), actual.getShape() );
			assertArrayEquals( expected.toFloatArray(), actual.toFloatArray(), 1e-5f );
		}
		// only input channels can be added
		assertThrows( RestoreException.class, () -> InitialWeights.widen( new byte[ 0 ], new UNetConfig( 1, 4 ), new UNetConfig( 1, 8 ) ) );
	}

	/**
	 * A U-Net deepened by two levels (with context channels, so the input is
	 * wider than the image) computes what the original did, to rounding.
	 */
	@Test
	void aDeepenedNetworkComputesWhatTheOriginalDid()
	{
		final UNetConfig shallow = new UNetConfig( 1, 4 ).withContext( new ContextChannels( new double[] { 4 } ) );
		final UNetConfig deep = shallow.withDepth( 3 );
		try ( NDManager m = NDManager.newBaseManager( "PyTorch" ) )
		{
			m.getEngine().setRandomSeed( 7 );
			final ai.djl.nn.Block original = shallow.newInitializedBlock( m );
			final byte[] deepened = InitialWeights.deepen( ModelStore.parameters( original ), shallow, deep );
			final ai.djl.nn.Block block = deep.newInitializedBlock( m );
			InitialWeights.load( block, deepened, m );
			final NDArray x = m.randomUniform( 0, 1, new Shape( 2, 3, 32, 32 ) );
			final ParameterStore store = new ParameterStore( m, false );
			final NDArray expected = original.forward( store, new NDList( x ), false ).singletonOrThrow();
			final NDArray actual = block.forward( store, new NDList( x ), false ).singletonOrThrow();
			assertArrayEquals( expected.toFloatArray(), actual.toFloatArray(), 1e-5f );
			// the new bottom is random (He-normal), not zero, so training can bring it in
			assertTrue( block.getParameters().get( "04bottom_01Conv2d_weight" ).getArray().abs().sum().getFloat() > 0 );
			// and the same growth every time
			assertArrayEquals( deepened, InitialWeights.deepen( ModelStore.parameters( original ), shallow, deep ) );
		}
		// only the depth may grow
		assertThrows( RestoreException.class, () -> InitialWeights.deepen( new byte[ 0 ], new UNetConfig( 1, 4 ), new UNetConfig( 2, 8 ) ) );
		assertThrows( RestoreException.class, () -> InitialWeights.deepen( new byte[ 0 ], new UNetConfig( 2, 4 ), new UNetConfig( 1, 4 ) ) );
	}

	/**
	 * A residual of another input channel (such as a Wiener deconvolution)
	 * adds that channel instead of the image: with the same weights, the two
	 * outputs differ by exactly the difference of the channels.
	 */
	@Test
	void aResidualChannelIsAddedInsteadOfTheImage()
	{
		final UNetConfig ofImage = new UNetConfig( 1, 4 ).withContext( new ContextChannels( null, null, null, null, null, new double[] { 0.01, 0.1 } ) );
		final UNetConfig ofWiener = ofImage.withContext( ofImage.context() );
		ofWiener.residualChannel = 1 + ofWiener.context().firstWienerChannel();
		ofWiener.validate();
		assertEquals( 1, ofWiener.residualChannel );
		assertTrue( ofWiener.toString().contains( "residual of channel 1" ) && ofWiener.toString().contains( "Wiener-deconvolved with the known PSF at balances 0.01, 0.1" ), ofWiener.toString() );
		try ( NDManager m = NDManager.newBaseManager( "PyTorch" ) )
		{
			final ai.djl.nn.Block a = ofImage.newBlock(), b = ofWiener.newBlock();
			a.initialize( m, DataType.FLOAT32, new Shape( 1, 3, 16, 16 ) );
			b.initialize( m, DataType.FLOAT32, new Shape( 1, 3, 16, 16 ) );
			InitialWeights.load( b, ModelStore.parameters( a ), m );
			m.getEngine().setRandomSeed( 7 );
			final NDArray x = m.randomUniform( 0, 1, new Shape( 2, 3, 16, 16 ) );
			final ParameterStore store = new ParameterStore( m, false );
			final NDArray ya = a.forward( store, new NDList( x ), false ).singletonOrThrow();
			final NDArray yb = b.forward( store, new NDList( x ), false ).singletonOrThrow();
			assertArrayEquals( ya.add( x.get( ":, 1:2" ) ).sub( x.get( ":, 0:1" ) ).toFloatArray(), yb.toFloatArray(), 1e-5f );
		}
		final UNetConfig bad = new UNetConfig( 1, 4 );
		bad.residualChannel = 1;
		assertThrows( IllegalArgumentException.class, bad::validate, "channel 1 of a one-channel input" );
		bad.residualChannel = 0;
		bad.residual = false;
		assertThrows( IllegalArgumentException.class, bad::validate, "a residual channel needs a residual network" );
	}

	/** A card names wedge centres only when they are not the default, so older cards and new ones read alike. */
	@Test
	void wedgeCentresAreWrittenOnlyWhenNotTheDefault()
	{
		final UNetConfig plain = new UNetConfig( 1, 4 );
		final UNetConfig byDefault = plain.withContext( new ContextChannels( null, new double[] { 3 } ) );
		assertEquals( 2, byDefault.inChannels );
		assertEquals( null, byDefault.contextWedgeCentres );
		assertArrayEquals( new double[] { ContextChannels.WEDGE_CENTRE }, byDefault.context().centres() );
		final UNetConfig centred = plain.withContext( new ContextChannels( null, new double[] { 3 }, new double[] { 0.03 } ) );
		assertArrayEquals( new double[] { 0.03 }, centred.contextWedgeCentres );
		assertEquals( new ContextChannels( null, new double[] { 3 }, new double[] { 0.03 } ), centred.context() );
	}

	/**
	 * Residual blocks start as the identity (their last convolution is zero),
	 * so before training a U-Net with them computes what the same U-Net
	 * without them computes with the weights they share; they count in the
	 * flops, the receptive field and the description, and a card without
	 * them reads as none.
	 */
	@Test
	void residualBlocksStartAsTheIdentity()
	{
		final UNetConfig plain = new UNetConfig( 1, 4 );
		plain.convsPerLevel = 1;
		final UNetConfig blocks = new com.google.gson.Gson().fromJson( new com.google.gson.Gson().toJson( plain ), UNetConfig.class );
		blocks.residualBlocks = 2;
		// 2 x multiply-adds counted by hand: 9 x 4 x (1 + 4 x 4) + 9 x 8 x (4 + 4 x 8) / 4 + 9 x 4 x (8 + 4 + 4 x 4) + 4
		assertEquals( 2 * ( 612 + 648 + 1008 + 4 ), blocks.flopsPerPixel(), 1e-9 );
		assertEquals( 22, blocks.receptiveFieldRadius() );
		assertTrue( blocks.receptiveFieldRadius() > plain.receptiveFieldRadius() && blocks.flopsPerPixel() > plain.flopsPerPixel() );
		assertTrue( blocks.toString().contains( "convs 1, residual blocks 2" ), blocks.toString() );
		assertEquals( null, new com.google.gson.Gson().fromJson( "{\"type\":\"residual-unet\",\"depth\":1}", UNetConfig.class ).residualBlocks );
		try ( NDManager m = NDManager.newBaseManager( "PyTorch" ) )
		{
			m.getEngine().setRandomSeed( 7 );
			final ai.djl.nn.Block withBlocks = blocks.newInitializedBlock( m ), without = plain.newInitializedBlock( m );
			int ends = 0;
			for ( final var p : withBlocks.getParameters() )
				if ( p.getKey().contains( "Residual" ) && p.getKey().endsWith( "03Conv2d_weight" ) )
				{
					ends++;
					assertEquals( 0f, p.getValue().getArray().abs().max().getFloat() );
				}
			assertEquals( 2 * 3, ends, "two blocks in each of the encoder, bottom and decoder" );
			for ( final var p : without.getParameters() )
				p.getValue().getArray().set( withBlocks.getParameters().get( p.getKey() ).getArray().toFloatArray() );
			final NDArray x = m.randomUniform( 0, 1, new Shape( 2, 1, 16, 16 ) );
			final ParameterStore store = new ParameterStore( m, false );
			final NDArray expected = without.forward( store, new NDList( x ), false ).singletonOrThrow();
			assertArrayEquals( expected.toFloatArray(), withBlocks.forward( store, new NDList( x ), false ).singletonOrThrow().toFloatArray(), 1e-6f );
		}
		blocks.residualBlocks = 9;
		assertThrows( IllegalArgumentException.class, blocks::validate );
		blocks.residualBlocks = 0;
		assertThrows( IllegalArgumentException.class, blocks::validate, "none is absent, so that one architecture has one card" );
		// a new level starts as the identity only without residual blocks
		blocks.residualBlocks = 1;
		assertThrows( RestoreException.class, () -> InitialWeights.deepen( new byte[ 0 ], blocks, blocks.withDepth( 2 ) ) );
	}

	@Test
	void contextNeedsRoomForTheImage()
	{
		final UNetConfig c = new UNetConfig( 1, 4 );
		c.context = new double[] { 4 };
		assertThrows( IllegalArgumentException.class, c::validate, "one input channel cannot hold two context channels and the image" );
		c.inChannels = 3;
		c.validate();
		assertThrows( IllegalArgumentException.class, () -> new FpnConfig().withContext( new ContextChannels( new double[] { 4 } ) ) );
	}
}
