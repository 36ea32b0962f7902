package sc.fiji.restoregan;

import java.io.IOException;
import java.nio.file.Path;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.nn.ResidualUNet;
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
		Engine.getEngine( "PyTorch" ).setRandomSeed( seed );
		final ModelCard card = new ModelCard();
		card.name = "tiny";
		card.task = "denoise";
		card.description = "random weights, for tests";
		card.architecture = tinyArchitecture();
		try ( Model model = Model.newInstance( "tiny", Device.cpu(), "PyTorch" ) )
		{
			final ResidualUNet net = new ResidualUNet( tinyArchitecture() );
			model.setBlock( net );
			net.initialize( model.getNDManager(), DataType.FLOAT32, new Shape( 1, 1, 16, 16 ) );
			ModelStore.save( dir, card, net );
		}
		return card;
	}
}
