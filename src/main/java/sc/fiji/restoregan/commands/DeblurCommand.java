package sc.fiji.restoregan.commands;

import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

import sc.fiji.restoregan.model.Task;

/**
 * {@code Plugins>Restore>Deblur}: removes defocus, optical and motion blur with the shipped deblurring generator (or a model of the user's), without a PSF.
 *
 * @param <T> the input's pixel type
 */
@Plugin( type = Command.class, menuPath = "Plugins>Restore>Deblur", headless = true, label = "Deblur", description = "Remove defocus, optical (widefield) and motion blur with a trained generator; no PSF needed." )
public class DeblurCommand< T extends RealType< T > > extends AbstractRestoreCommand< T >
{
	@Override
	protected Task task()
	{
		return Task.DEBLUR;
	}
}
