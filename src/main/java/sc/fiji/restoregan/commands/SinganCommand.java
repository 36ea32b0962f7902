package sc.fiji.restoregan.commands;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import sc.fiji.restoregan.sisr.SisrMethod;
import sc.fiji.restoregan.sisr.SisrSettings;

/**
 * {@code Plugins>Restore>Single image>SinGAN...}: SinGAN's super-resolution
 * mode, plus random samples like the image.
 */
@Plugin( type = Command.class, menuPath = "Plugins>Restore>Single image>SinGAN...", headless = true, label = "SinGAN", description = "Super-resolution and random samples from a GAN pyramid learnt from the image itself." )
public class SinganCommand extends AbstractSingleImageCommand
{
	@Parameter( label = "Number of scales (0 = from the image size)", min = "0" )
	private int scales = 0;

	@Parameter( label = "Reconstruction weight (0 = preset)", min = "0" )
	private double reconstructionWeight = 0;

	@Parameter( label = "Detail (-1 = preset)", min = "-1", max = "1", stepSize = "0.05", description = "Share of the generator's added detail kept at each upscaling pass: 1 = SinGAN (sharpest), 0 = bicubic (most faithful)." )
	private double detail = -1;

	@Parameter( label = "Random samples", min = "0", description = "Samples like the image drawn after training (0: none)." )
	private int randomSamples = 0;

	@Override
	protected SisrMethod method()
	{
		return SisrMethod.SINGAN;
	}

	@Override
	protected void customise( final SisrSettings settings )
	{
		settings.scales = scales;
		settings.reconstructionWeight = orPreset( reconstructionWeight, settings.reconstructionWeight, false );
		settings.detail = orPreset( detail, settings.detail, true );
	}

	@Override
	protected int sampleCount()
	{
		return randomSamples;
	}
}
