package sc.fiji.restoregan;

import java.io.IOException;
import java.nio.file.Path;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

import sc.fiji.restoregan.filter.ContextChannels;
import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.nn.GeneratorArchitecture;
import sc.fiji.restoregan.nn.SrConfig;
import sc.fiji.restoregan.nn.UNetConfig;

/** Tiny randomly initialised models for tests (seeded, a few KB). */
public final class TestModels
{
	private TestModels()
	{}

	/** A depth-2 residual U-Net with 4 base filters. */
	public static UNetConfig tinyArchitecture()
	{
		return new UNetConfig( 2, 4 );
	}

	/** Saves a seeded random tiny denoiser into {@code dir} and returns its card. */
	public static ModelCard saveTiny( final Path dir, final int seed ) throws IOException
	{
		return save( dir, seed, "denoise", tinyArchitecture() );
	}

	/** Saves a seeded random tiny U-Net that sees context channels at 4 and 16 px beside the image. */
	public static ModelCard saveTinyWithContext( final Path dir, final int seed ) throws IOException
	{
		return save( dir, seed, "dehaze", tinyArchitecture().withContext( new ContextChannels( new double[] { 4, 16 } ) ) );
	}

	/** Saves a seeded random tiny U-Net that deconvolves with a known PSF: Wiener channels at balances 0.01 and 0.1, residual of the first. */
	public static ModelCard saveTinyWithPsf( final Path dir, final int seed ) throws IOException
	{
		final UNetConfig a = tinyArchitecture().withContext( new ContextChannels( null, null, null, null, null, new double[] { 0.01, 0.1 } ) );
		a.residualChannel = 1;
		return save( dir, seed, "deblur", a.validate() );
	}

	/** Saves a seeded random tiny super-resolution generator (8 filters, 1 block) into {@code dir}. */
	public static ModelCard saveTinySr( final Path dir, final int seed, final int scale ) throws IOException
	{
		return save( dir, seed, "sr", new SrConfig( scale, 8, 1 ) );
	}

	/** Saves a seeded random model of {@code architecture} for {@code task} into {@code dir}. */
	public static ModelCard save( final Path dir, final int seed, final String task, final GeneratorArchitecture architecture ) throws IOException
	{
		Engine.getEngine( "PyTorch" ).setRandomSeed( seed );
		final ModelCard card = new ModelCard();
		card.name = "tiny";
		card.task = task;
		card.description = "random weights, for tests";
		card.architecture = architecture;
		card.scale = architecture.scale();
		try ( Model model = Model.newInstance( "tiny", Device.cpu(), "PyTorch" ) )
		{
			final Block net = architecture.newBlock();
			model.setBlock( net );
			final int b = architecture.blockSize();
			net.initialize( model.getNDManager(), DataType.FLOAT32, new Shape( 1, architecture.inChannels(), Math.max( 16, b ), Math.max( 16, b ) ) );
			ModelStore.save( dir, card, net );
		}
		return card;
	}
}
