package sc.fiji.restoregan.commands;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import sc.fiji.restoregan.metrics.NiqeModel;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * {@code Plugins>Restore>Fit NIQE Model...}: fits a NIQE pristine model to a
 * folder of clean images (for example clean microscopy of the kind to be
 * restored) with {@link NiqeModel#fit(String, Path)} and saves it in
 * {@link NiqeModel#userDirectory()}, where {@code Evaluate...} finds it by
 * name. Output: {@code file}, the saved model's path.
 */
@Plugin( type = Command.class, menuPath = "Plugins>Restore>Fit NIQE Model...", headless = true )
public class FitNiqeModelCommand extends ContextCommand
{
	@Parameter( label = "Folder of clean images", style = "directory" )
	private File folder;

	@Parameter( label = "Model name", description = "Letters, digits, '.', '_' or '-'" )
	private String name = "microscopy";

	@Parameter( type = ItemIO.OUTPUT, label = "Model file" )
	private String file;

	@Parameter
	private LogService log;

	@Override
	public void run()
	{
		try
		{
			if ( name == null || !name.matches( "[A-Za-z0-9._-]+" ) || name.equals( NiqeModel.LIVE ) )
				throw new RestoreException( "Choose a model name of letters, digits, '.', '_' or '-', other than '" + NiqeModel.LIVE + "'." );
			if ( folder == null || !folder.isDirectory() )
				throw new RestoreException( "No such folder: " + folder );
			final NiqeModel model = NiqeModel.fit( name, folder.toPath() );
			file = model.saveToUserDirectory().toString();
			log.info( "NIQE model '" + name + "' (" + model.description + ") written to " + file );
		}
		catch ( final RestoreException | IOException e )
		{
			log.error( e.getMessage() );
			cancel( e.getMessage() );
		}
	}
}
