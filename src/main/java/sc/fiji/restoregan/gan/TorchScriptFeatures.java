package sc.fiji.restoregan.gan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * A user-supplied feature network for the perceptual and contextual losses:
 * a TorchScript file ({@code torch.jit.save} of a module whose
 * {@code forward} takes an (N, C, H, W) float tensor and returns one feature
 * map or a tuple of them, for example VGG19's layers up to conv3_3 traced on
 * a one-channel input), loaded with DJL's PyTorch engine. Its weights are
 * frozen. Close it to free the model.
 */
public final class TorchScriptFeatures implements FeatureNetwork, AutoCloseable
{
	private final Model model;

	private final Block block;

	private final ParameterStore store;

	/**
	 * Loads {@code file}.
	 *
	 * @throws RestoreException when it is missing or not a TorchScript module
	 */
	public TorchScriptFeatures( final Path file )
	{
		if ( !Files.isRegularFile( file ) )
			throw new RestoreException( "No feature network at " + file + " (a TorchScript .pt file is expected)." );
		model = Model.newInstance( "features", Device.cpu(), "PyTorch" );
		try
		{
			model.load( file.toAbsolutePath().getParent(), file.getFileName().toString() );
		}
		catch ( final IOException | MalformedModelException | RuntimeException e )
		{
			model.close();
			throw new RestoreException( "Cannot load the feature network " + file + " as a TorchScript module: " + e.getMessage(), e );
		}
		block = model.getBlock();
		Gradients.track( block.getParameters(), false );
		store = new ParameterStore( model.getNDManager(), false );
	}

	@Override
	public NDList features( final NDArray images )
	{
		return block.forward( store, new NDList( images ), false );
	}

	@Override
	public void close()
	{
		model.close();
	}
}
