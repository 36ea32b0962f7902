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
import sc.fiji.restoregan.pipeline.PlaneCorrection;
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
 * @param partner the model that the card's {@link ModelCard#meanWith} names,
 *            loaded and checked, or null when it names none
 * @param partnerTwin the partner's GAN-trained twin, or null when it has
 *            none (or there is no partner)
 * @param illumination the networks of the card's
 *            {@link ModelCard#illumination}, loaded and checked, or null
 *            when it has none
 */
public record StoredModel( ModelCard card, byte[] weights, String location, StoredModel partner, StoredModel partnerTwin, IlluminationModels illumination )
{
	/** A model with no partner and no illumination estimate. */
	public StoredModel( final ModelCard card, final byte[] weights, final String location )
	{
		this( card, weights, location, null, null, null );
	}

	/** This model without its partner: its own network, after its illumination estimate if it has one. */
	public StoredModel alone()
	{
		return partner == null ? this : new StoredModel( card, weights, location, null, null, illumination );
	}

	/** This model with {@code partner} (and its twin, or null) to average with. */
	StoredModel withPartner( final StoredModel partner, final StoredModel partnerTwin )
	{
		return new StoredModel( card, weights, location, partner, partnerTwin, illumination );
	}

	/** The generator architecture described by the card. */
	public GeneratorArchitecture architecture()
	{
		return card.architecture;
	}

	/**
	 * Floating-point operations per input pixel of a restoration: the
	 * architecture's, plus the partner's when the model is averaged with one,
	 * plus the illumination estimate's ({@link IlluminationModels#flopsPerPixel}).
	 */
	public double flopsPerPixel()
	{
		return card.architecture.flopsPerPixel() + ( partner == null ? 0 : partner.flopsPerPixel() ) + ( illumination == null ? 0 : illumination.flopsPerPixel() );
	}

	/**
	 * Bytes of all the weights a restoration runs: this model's (shared or
	 * not), its partner's and its illumination networks'.
	 */
	public long weightBytes()
	{
		return card.weights.bytes + ( partner == null ? 0 : partner.weightBytes() ) + ( illumination == null ? 0 : illumination.bytes() );
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
	 * which closes the model; with this model's illumination estimate, opened
	 * on the same device, as its plane correction. Closes the model when it
	 * fails.
	 */
	PlaneNetwork network( final Model model )
	{
		final GeneratorArchitecture a = card.architecture;
		PlaneCorrection correction = PlaneCorrection.NONE;
		try
		{
			correction = illumination == null ? PlaneCorrection.NONE : illumination.open( model.getNDManager().getDevice() );
			return new DjlPlaneNetwork( model, a.blockSize(), a.receptiveFieldRadius(), card.scale, a.context(), correction );
		}
		catch ( final RuntimeException e )
		{
			correction.close();
			model.close();
			throw e;
		}
	}

	/**
	 * Opens the generator for inference on {@code device}, averaged with its
	 * partner's when it has one ({@link ModelCard#meanWith}). Close the
	 * result to free its native memory.
	 */
	public PlaneNetwork open( final Device device )
	{
		final Model model = Model.newInstance( card.name, device, "PyTorch" );
		try
		{
			loadInto( model );
		}
		catch ( final RuntimeException e )
		{
			model.close();
			throw e;
		}
		return withPartner( network( model ), 0, device );
	}

	/**
	 * {@code own}, this model's network at {@code realism} (its weights
	 * blended with its twin's), averaged with equal weights with the
	 * partner's network when there is a partner: the partner blended with its
	 * own twin at the same realism when it has one, else as it is. Closes
	 * {@code own} if the partner cannot be opened.
	 */
	PlaneNetwork withPartner( final PlaneNetwork own, final double realism, final Device device )
	{
		if ( partner == null )
			return own;
		try
		{
			return new MeanNetwork( own, RealismBlend.open( partner, partnerTwin, partnerTwin != null ? realism : 0, device ) );
		}
		catch ( final RuntimeException e )
		{
			own.close();
			throw e;
		}
	}
}
