package sc.fiji.restoregan.model;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import sc.fiji.restoregan.nn.DjlPlaneNetwork;
import sc.fiji.restoregan.nn.GeneratorArchitecture;
import sc.fiji.restoregan.pipeline.PlaneNetwork;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * A model whose card and weights were read and checked against each other
 * (see {@link ModelStore#load}); it can be opened on a device as many times
 * as needed.
 *
 * @param card the parsed card
 * @param weights the parameters in DJL's float32 format: the parameter
 *            file's bytes, whose checksum matches the card, or what they
 *            decode to when the card says they are half precision
 * @param location where it was read from, for messages
 */
public record StoredModel( ModelCard card, byte[] weights, String location )
{
	/** The generator architecture described by the card. */
	public GeneratorArchitecture architecture()
	{
		return card.architecture;
	}

	/**
	 * A fresh block of the card's architecture with these weights loaded.
	 * Every parameter's shape is checked against the architecture, since DJL
	 * takes shapes from the weights file.
	 */
	public Block loadInto( final Model model )
	{
		final Block block = card.architecture.newInitializedBlock( model.getNDManager() );
		model.setBlock( block );
		final Map< String, Shape > expected = new HashMap<>();
		block.getParameters().forEach( p -> expected.put( p.getKey(), p.getValue().getArray().getShape() ) );
		try
		{
			block.loadParameters( model.getNDManager(), new DataInputStream( new ByteArrayInputStream( weights ) ) );
			for ( final Pair< String, Parameter > p : block.getParameters() )
				if ( !p.getValue().getArray().getShape().equals( expected.get( p.getKey() ) ) )
					throw new MalformedModelException( p.getKey() + " has shape " + p.getValue().getArray().getShape() + ", expected " + expected.get( p.getKey() ) );
		}
		catch ( final IOException | MalformedModelException | RuntimeException e )
		{
			throw new RestoreException( "Model '" + card.name + "' (" + location + "): its weights do not fit the architecture in its card (" + e.getMessage() + ").", e );
		}
		return block;
	}

	/**
	 * A model whose block holds this card's architecture (its weights loaded
	 * or changed, as by {@link RealismBlend}) behind the tile interface,
	 * which closes the model.
	 */
	PlaneNetwork network( final Model model )
	{
		final GeneratorArchitecture a = card.architecture;
		return new DjlPlaneNetwork( model, a.blockSize(), a.receptiveFieldRadius(), card.scale, a.context() );
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
			return network( model );
		}
		catch ( final RuntimeException e )
		{
			model.close();
			throw e;
		}
	}
}
