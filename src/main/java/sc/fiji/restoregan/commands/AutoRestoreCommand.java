package sc.fiji.restoregan.commands;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

import sc.fiji.restoregan.model.Task;

/**
 * {@code Plugins>Restore>Auto (multi-task)}: restores any mix of noise, blur, haze, streaks and bad lighting with the one multi-task generator, trained on composite degradations.
 *
 * @param <T> the input's pixel type
 */
@Plugin( type = Command.class, menuPath = "Plugins>Restore>Auto (multi-task)", headless = true, label = "Auto (multi-task)", description = "Restore an image with any mix of noise, blur, haze, streaks and bad lighting with one multi-task generator." )
public class AutoRestoreCommand< T extends RealType< T > > extends AbstractRestoreCommand< T >
{
	@Override
	protected Task task()
	{
		return Task.AUTO;
	}
}
