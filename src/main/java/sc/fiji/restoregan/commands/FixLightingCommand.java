package sc.fiji.restoregan.commands;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

import sc.fiji.restoregan.model.Task;

/**
 * {@code Plugins>Restore>Fix lighting}: evens out uneven or dim illumination and the noise that comes with it, with the shipped generator (or a model of the user's).
 *
 * @param <T> the input's pixel type
 */
@Plugin( type = Command.class, menuPath = "Plugins>Restore>Fix lighting", headless = true, label = "Fix lighting", description = "Even out uneven or dim illumination (vignetting, gradients, gamma) and its noise with a trained generator." )
public class FixLightingCommand< T extends RealType< T > > extends AbstractRestoreCommand< T >
{
	@Override
	protected Task task()
	{
		return Task.LIGHTING;
	}
}
