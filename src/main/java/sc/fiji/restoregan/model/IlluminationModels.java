package sc.fiji.restoregan.model;

import ai.djl.Device;
import ai.djl.Model;

import sc.fiji.restoregan.illumination.IlluminationEstimator;

/**
 * The illumination networks of a model ({@link ModelCard#illumination}),
 * read and checked: each as a model of its own, to open on a device.
 *
 * @param field estimates the log illumination field
 * @param gamma estimates the gamma, or null
 */
public record IlluminationModels( StoredModel field, StoredModel gamma )
{
	/**
	 * Opens both networks on {@code device} as one plane correction; close
	 * it to free their native memory.
	 */
	public IlluminationEstimator open( final Device device )
	{
		final Model f = Model.newInstance( field.card().name, device, "PyTorch" );
		Model g = null;
		try
		{
			field.loadInto( f );
			if ( gamma != null )
			{
				g = Model.newInstance( gamma.card().name, device, "PyTorch" );
				gamma.loadInto( g );
			}
			return new IlluminationEstimator( f, field.card().architecture.inChannels(), g );
		}
		catch ( final RuntimeException e )
		{
			f.close();
			if ( g != null )
				g.close();
			throw e;
		}
	}

	/**
	 * Floating-point operations per input pixel: the gamma network's, which
	 * runs over the whole plane (the field network sees a
	 * {@value sc.fiji.restoregan.illumination.IlluminationInputs#SIZE} px
	 * plane whatever the image's size, so its share per pixel vanishes on
	 * large images and is not counted).
	 */
	public double flopsPerPixel()
	{
		return gamma == null ? 0 : gamma.card().architecture.flopsPerPixel();
	}

	/** The bytes of both networks' weights files. */
	public long bytes()
	{
		return field.card().weights.bytes + ( gamma == null ? 0 : gamma.card().weights.bytes );
	}
}
