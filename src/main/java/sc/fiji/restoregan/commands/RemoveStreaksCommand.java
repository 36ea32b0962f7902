package sc.fiji.restoregan.commands;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

import sc.fiji.restoregan.model.Task;

/**
 * {@code Plugins>Restore>Remove streaks and drops}: removes streaks, light-sheet stripes, drops and dust with the shipped generator (or a model of the user's).
 *
 * @param <T> the input's pixel type
 */
@Plugin( type = Command.class, menuPath = "Plugins>Restore>Remove streaks and drops", headless = true, label = "Remove streaks and drops", description = "Remove streaks, light-sheet stripes, drops and dust with a trained generator." )
public class RemoveStreaksCommand< T extends RealType< T > > extends AbstractRestoreCommand< T >
{
	@Override
	protected Task task()
	{
		return Task.DERAIN;
	}
}
