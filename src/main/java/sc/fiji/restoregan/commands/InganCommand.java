package sc.fiji.restoregan.commands;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import sc.fiji.restoregan.sisr.SisrMethod;
import sc.fiji.restoregan.sisr.SisrSettings;

/**
 * {@code Plugins>Restore>Single image>InGAN...}: super-resolution or
 * retargeting (any output width and height) by a GAN learnt from the image
 * itself.
 */
@Plugin( type = Command.class, menuPath = "Plugins>Restore>Single image>InGAN...", headless = true, label = "InGAN", description = "Super-resolution or retargeting by an internal GAN learnt from the image itself." )
public class InganCommand extends AbstractSingleImageCommand
{
	@Parameter( label = "Discriminator scales (0 = from the crop)", min = "0" )
	private int scales = 0;

	@Parameter( label = "Reconstruction weight (0 = preset)", min = "0" )
	private double reconstructionWeight = 0;

	@Parameter( label = "Output width (0 = width x scale)", min = "0" )
	private int outWidth = 0;

	@Parameter( label = "Output height (0 = height x scale)", min = "0" )
	private int outHeight = 0;

	@Override
	protected SisrMethod method()
	{
		return SisrMethod.INGAN;
	}

	@Override
	protected void customise( final SisrSettings settings )
	{
		settings.scales = scales;
		settings.reconstructionWeight = orPreset( reconstructionWeight, settings.reconstructionWeight, false );
		settings.outWidth = outWidth;
		settings.outHeight = outHeight;
	}
}
