package sc.fiji.restoregan.commands;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

import sc.fiji.restoregan.model.Task;

/**
 * {@code Plugins>Restore>Super-resolution}: enlarges an image 2 or 4 times
 * in X and Y with the shipped super-resolution generator for that scale (or
 * a model of the user's, whose card sets the scale). Other dimensions
 * (channels, Z, time) keep their size.
 *
 * @param <T> the input's pixel type
 */
@Plugin( type = Command.class, menuPath = "Plugins>Restore>Super-resolution", headless = true, label = "Super-resolution",
		description = "Enlarge an image 2 or 4 times in X and Y with a trained super-resolution generator." )
public class SuperResolutionCommand< T extends RealType< T > > extends AbstractRestoreCommand< T >
{
	@Parameter( label = "Scale", choices = { "2", "4" }, description = "Output pixels per input pixel along X and Y (picks the shipped model; a model of your own sets its own scale)." )
	private String scale = "2";

	@Override
	protected Task task()
	{
		return Task.SR;
	}

	@Override
	protected int scale()
	{
		return Integer.parseInt( scale.trim() );
	}

	/** Sets the scale, 2 or 4. */
	public void setScale( final int scale )
	{
		this.scale = Integer.toString( scale );
	}
}
