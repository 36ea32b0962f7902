package sc.fiji.restoregan.commands;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

import sc.fiji.restoregan.model.Task;

/**
 * {@code Plugins>Restore>Dehaze}: removes out-of-focus haze and scattered background light with the shipped dehazing generator (or a model of the user's).
 *
 * @param <T> the input's pixel type
 */
@Plugin( type = Command.class, menuPath = "Plugins>Restore>Dehaze", headless = true, label = "Dehaze", description = "Remove out-of-focus haze and scattered light with a trained generator." )
public class DehazeCommand< T extends RealType< T > > extends AbstractRestoreCommand< T >
{
	@Override
	protected Task task()
	{
		return Task.DEHAZE;
	}
}
