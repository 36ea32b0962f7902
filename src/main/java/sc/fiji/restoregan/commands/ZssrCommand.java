package sc.fiji.restoregan.commands;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import sc.fiji.restoregan.sisr.SisrMethod;
import sc.fiji.restoregan.sisr.SisrSettings;

/**
 * {@code Plugins>Restore>Single image>ZSSR...}: zero-shot super-resolution,
 * a small network trained on the image's own downscaled copies.
 */
@Plugin( type = Command.class, menuPath = "Plugins>Restore>Single image>ZSSR...", headless = true, label = "ZSSR", description = "Super-resolution learnt from the image itself (zero-shot SR)." )
public class ZssrCommand extends AbstractSingleImageCommand
{
	@Override
	protected SisrMethod method()
	{
		return SisrMethod.ZSSR;
	}

	@Override
	protected void customise( final SisrSettings settings )
	{}
}
