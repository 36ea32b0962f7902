package sc.fiji.restoregan.commands;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

import sc.fiji.restoregan.model.Task;

/**
 * {@code Plugins>Restore>Denoise}: removes photon and read noise with the
 * shipped denoising generator (or a model of the user's).
 *
 * @param <T> the input's pixel type
 */
@Plugin( type = Command.class, menuPath = "Plugins>Restore>Denoise", headless = true, label = "Denoise", description = "Remove photon (Poisson) and camera read noise with a trained generator." )
public class DenoiseCommand< T extends RealType< T > > extends AbstractRestoreCommand< T >
{
	@Override
	protected Task task()
	{
		return Task.DENOISE;
	}
}
