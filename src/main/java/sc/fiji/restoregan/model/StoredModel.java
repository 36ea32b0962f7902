package sc.fiji.restoregan.model;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;

import sc.fiji.restoregan.nn.DjlPlaneNetwork;
import sc.fiji.restoregan.nn.ResidualUNet;
import sc.fiji.restoregan.nn.UNetConfig;
import sc.fiji.restoregan.pipeline.PlaneNetwork;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * A model whose card and weights were read and checked against each other
 * (see {@link ModelStore#load}); it can be opened on a device as many times
 * as needed.
 *
 * @param card the parsed card
 * @param weights the parameter file's bytes, whose checksum matches the card
 * @param location where it was read from, for messages
 */
public record StoredModel( ModelCard card, byte[] weights, String location )
{
	/** The generator architecture described by the card. */
	public UNetConfig architecture()
	{
		return card.architecture;
	}

	/** A fresh block of the card's architecture with these weights loaded. */
	public ResidualUNet loadInto( final Model model )
	{
		final ResidualUNet block = new ResidualUNet( card.architecture );
		model.setBlock( block );
		try
		{
			block.loadParameters( model.getNDManager(), new DataInputStream( new ByteArrayInputStream( weights ) ) );
		}
		catch ( final IOException | MalformedModelException | RuntimeException e )
		{
			throw new RestoreException( "Model '" + card.name + "' (" + location + "): its weights do not fit the architecture in its card (" + e.getMessage() + ").", e );
		}
		return block;
	}

	/**
	 * Opens the generator for inference on {@code device}. Close the result
	 * to free its native memory.
	 */
	public PlaneNetwork open( final Device device )
	{
		final Model model = Model.newInstance( card.name, device, "PyTorch" );
		try
		{
			loadInto( model );
			final UNetConfig a = card.architecture;
			return new DjlPlaneNetwork( model, a.blockSize(), a.receptiveFieldRadius(), card.scale );
		}
		catch ( final RuntimeException e )
		{
			model.close();
			throw e;
		}
	}
}
