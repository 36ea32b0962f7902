package sc.fiji.restoregan.commands;

import java.io.File;
import java.util.List;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

import sc.fiji.restoregan.pipeline.CancelledException;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.sisr.SingleImageModel;
import sc.fiji.restoregan.sisr.SingleImageSr;
import sc.fiji.restoregan.ui.SisrJob;

/**
 * {@code Plugins>Restore>Single image>Apply saved model...}: applies a saved
 * single-image model (ZSSR, SinGAN, InGAN) to every plane of the current
 * image. With "continue training first" the model first trains further on
 * the current plane (its saved number of updates more), in the training
 * window when there is a display, else on the command's thread. The input
 * and the saved folder are not modified (save the continued model from the
 * window, or name a folder).
 */
@Plugin( type = Command.class, menuPath = "Plugins>Restore>Single image>Apply saved model...", headless = true, label = "Apply saved single-image model" )
public class ApplySingleImageModelCommand extends ContextCommand
{
	@Parameter
	private LogService log;

	@Parameter( required = false )
	private StatusService status;

	@Parameter( label = "Image" )
	private ImagePlus input;

	@Parameter( label = "Model folder", style = "directory", description = "A folder written by Save model... (holds sisr.json)." )
	private File model;

	@Parameter( label = "Continue training first", description = "Train further on the current plane before applying." )
	private boolean continueTraining = false;

	@Parameter( label = "Save the continued model to (optional)", style = "directory", required = false, persist = false )
	private File saveTo;

	@Parameter( label = "Show the training window", description = "With continued training; off, headless and in macros: train, then return the result." )
	private boolean window = true;

	@Parameter( type = ItemIO.OUTPUT, required = false )
	private ImagePlus output;

	@Override
	public void run()
	{
		if ( input == null || model == null )
		{
			cancel( input == null ? "Open an image first." : "Choose a model folder." );
			return;
		}
		try
		{
			final SingleImageModel loaded = SingleImageSr.load( model.toPath() );
			if ( continueTraining )
			{
				final SisrJob job = SisrJob.resume( input, loaded, log::info );
				if ( TrainingRuns.windowed( window ) )
					TrainingRuns.inWindow( job, log );
				else
					output = TrainingRuns.headless( job, saveTo, status, log, this::isCanceled ).get( 0 );
				return;
			}
			try ( loaded )
			{
				final List< ImagePlus > results = SisrJob.apply( loaded, input, 0, new StatusProgress( status, this::isCanceled ) );
				output = results.get( 0 );
			}
		}
		catch ( final CancelledException e )
		{
			cancel( e.getMessage() );
		}
		catch ( final RestoreException | IllegalArgumentException e )
		{
			log.error( "RestoreGAN: " + e.getMessage() );
			cancel( e.getMessage() );
		}
		finally
		{
			if ( status != null )
				status.clearStatus();
		}
	}

	/** The restored image, after a run without the window. */
	public ImagePlus getOutput()
	{
		return output;
	}
}
