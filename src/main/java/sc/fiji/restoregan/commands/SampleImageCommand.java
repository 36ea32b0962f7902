package sc.fiji.restoregan.commands;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.simulate.MicroscopyScene;
import sc.fiji.restoregan.simulate.SceneContent;

/**
 * {@code Plugins>Restore>Simulate>Sample image}: a new simulated clean
 * fluorescence scene (2D, or a Z stack when depth is above 1), values 0 to 1.
 * The same seed always gives the same image.
 */
@Plugin( type = Command.class, menuPath = "Plugins>Restore>Simulate>Sample image", headless = true )
public final class SampleImageCommand extends ContextCommand
{
	@Parameter
	private LogService log;

	@Parameter
	private StatusService status;

	@Parameter( label = "Width (px)", min = "8" )
	private int width = 512;

	@Parameter( label = "Height (px)", min = "8" )
	private int height = 512;

	@Parameter( label = "Depth (slices)", min = "1" )
	private int depth = 1;

	@Parameter( label = "Seed" )
	private long seed = 1;

	@Parameter( label = "Nuclei per 256x256 px", min = "0" )
	private double nuclei = SceneContent.DEFAULT.nuclei();

	@Parameter( label = "Membrane brightness (0 = none)", min = "0" )
	private double membranes = SceneContent.DEFAULT.membranes();

	@Parameter( label = "Filaments per 256x256 px", min = "0" )
	private double filaments = SceneContent.DEFAULT.filaments();

	@Parameter( label = "Puncta per 256x256 px", min = "0" )
	private double puncta = SceneContent.DEFAULT.puncta();

	@Parameter( label = "Vesicles per 256x256 px", min = "0" )
	private double vesicles = SceneContent.DEFAULT.vesicles();

	@Parameter( label = "Background level", min = "0" )
	private double background = SceneContent.DEFAULT.background();

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus output;

	/** The simulated image, after {@link #run()}. */
	public ImagePlus getOutput()
	{
		return output;
	}

	@Override
	public void run()
	{
		try
		{
			status.showStatus( "Simulating a " + width + " x " + height + " x " + depth + " scene" );
			final SceneContent content = new SceneContent( nuclei, membranes, filaments, puncta, vesicles, background );
			output = ImageFiles.toImagePlus( new MicroscopyScene( width, height, depth, content ).image( seed ), "Simulated scene (seed " + seed + ")" );
			log.info( "Sample image: " + output.getTitle() + ", " + content );
			status.clearStatus();
		}
		catch ( final IllegalArgumentException e )
		{
			log.error( "Sample image: " + e.getMessage() );
			cancel( e.getMessage() );
		}
	}
}
