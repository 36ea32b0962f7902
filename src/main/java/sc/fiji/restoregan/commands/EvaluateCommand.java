package sc.fiji.restoregan.commands;

import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.WindowManager;
import ij.macro.Interpreter;
import ij.measure.ResultsTable;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.metrics.Evaluation;
import sc.fiji.restoregan.metrics.MetricsTable;
import sc.fiji.restoregan.metrics.NiqeModel;
import sc.fiji.restoregan.metrics.PerceptionDistortionPlot;
import sc.fiji.restoregan.metrics.SsimMapStack;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * {@code Plugins>Restore>Evaluate...}: scores one or more restored images
 * against a reference (PSNR, RMSE, SSIM, MS-SSIM, NIQE) or without one (NIQE
 * only), with {@link Evaluation}.
 * <p>
 * Inputs: {@code input}, the restored image, plus optionally the window
 * titles of further restored images in {@code moreInputs} (comma-separated,
 * resolved with {@link WindowManager#getImage(String)}), so that several
 * methods or {@code realism} settings are compared in one table and plot;
 * {@code reference}, the ground truth, optional: without it (or with {@code
 * noReference}) only NIQE is computed. Outputs: {@code results}, a {@link
 * ResultsTable} (also shown as "RestoreGAN metrics" unless headless or in
 * batch mode); {@code ssimMap}, a stack of SSIM maps if {@code showSsimMap};
 * {@code plot}, the perception-distortion plot (RMSE against NIQE, one
 * labelled point per image) if {@code showPlot} and there is a reference.
 * Macro example: {@code run("Evaluate...", "input=restored.tif
 * reference=truth.tif moreinputs=[gan.tif, l1.tif]");}
 * </p>
 */
@Plugin( type = Command.class, menuPath = "Plugins>Restore>Evaluate...", headless = true )
public class EvaluateCommand extends ContextCommand
{
	/** Title of the results window. */
	public static final String TABLE_TITLE = "RestoreGAN metrics";

	@Parameter( label = "Restored image" )
	private ImagePlus input;

	@Parameter( label = "More restored images", description = "Window titles of further restored images, comma-separated (optional)", required = false, persist = false )
	private String moreInputs = "";

	@Parameter( label = "Reference (ground truth)", required = false )
	private ImagePlus reference;

	@Parameter( label = "No reference (NIQE only)", description = "Ignore the reference and compute NIQE only", required = false, persist = false )
	private boolean noReference = false;

	@Parameter( label = "Data range (0: reference max - min)", min = "0", required = false, persist = false )
	private double dataRange = 0;

	@Parameter( label = "NIQE model", description = "'live' (natural images), a fitted model's name, or a .json file", required = false )
	private String niqeModel = NiqeModel.LIVE;

	@Parameter( label = "Show SSIM map", required = false )
	private boolean showSsimMap = false;

	@Parameter( label = "Perception-distortion plot", required = false )
	private boolean showPlot = true;

	@Parameter( type = ItemIO.OUTPUT, label = TABLE_TITLE )
	private ResultsTable results;

	@Parameter( type = ItemIO.OUTPUT, label = "SSIM map", required = false )
	private ImagePlus ssimMap;

	@Parameter( type = ItemIO.OUTPUT, label = PerceptionDistortionPlot.TITLE, required = false )
	private ImagePlus plot;

	@Parameter
	private LogService log;

	@Parameter
	private StatusService status;

	@Override
	public void run()
	{
		try
		{
			final Map< String, RandomAccessibleInterval< ? extends RealType< ? > > > images = images();
			final RandomAccessibleInterval< ? extends RealType< ? > > ref = noReference || !present( reference ) ? null : ImageFiles.wrap( reference );
			final NiqeModel model = NiqeModel.resolve( niqeModel );
			final Evaluation evaluation = new Evaluation( ref, dataRange > 0 ? dataRange : Double.NaN, model );
			final List< Evaluation.Scores > scores = new ArrayList<>();
			for ( final Map.Entry< String, RandomAccessibleInterval< ? extends RealType< ? > > > e : images.entrySet() )
			{
				status.showStatus( scores.size(), images.size(), "Evaluating " + e.getKey() );
				final Evaluation.Scores s = evaluation.evaluate( e.getKey(), e.getValue() );
				s.notes().forEach( n -> log.warn( e.getKey() + ": " + n ) );
				scores.add( s );
			}
			results = MetricsTable.of( scores, evaluation.dataRange(), model.name );
			if ( ref != null && showSsimMap )
				ssimMap = SsimMapStack.of( ref, images, evaluation.dataRange() );
			if ( ref != null && showPlot )
				plot = PerceptionDistortionPlot.of( scores, evaluation.referenceNiqe() ).getImagePlus();
			if ( ref == null && showPlot )
				log.info( "The perception-distortion plot needs a reference (for the RMSE)." );
			if ( !GraphicsEnvironment.isHeadless() && !Interpreter.isBatchMode() )
				results.show( TABLE_TITLE );
			status.showStatus( "Evaluated " + scores.size() + " image(s)" );
		}
		catch ( final RestoreException e )
		{
			log.error( e.getMessage() );
			cancel( e.getMessage() );
		}
	}

	/** The restored images by title: {@code input}, then those named in {@code moreInputs}. */
	private Map< String, RandomAccessibleInterval< ? extends RealType< ? > > > images()
	{
		if ( !present( input ) )
			throw new RestoreException( "No restored image given." );
		final Map< String, RandomAccessibleInterval< ? extends RealType< ? > > > images = new LinkedHashMap<>();
		images.put( input.getTitle(), ImageFiles.wrap( input ) );
		if ( moreInputs != null )
			for ( final String t : moreInputs.split( "," ) )
			{
				final String title = t.trim();
				if ( title.isEmpty() || images.containsKey( title ) )
					continue;
				final ImagePlus imp = WindowManager.getImage( title );
				if ( imp == null )
					throw new RestoreException( "No open image is called '" + title + "'." );
				images.put( title, ImageFiles.wrap( imp ) );
			}
		return images;
	}

	/**
	 * Whether an image was given: NB, SciJava fills an optional ImagePlus left
	 * unset with an empty {@code new ImagePlus()}.
	 */
	private static boolean present( final ImagePlus imp )
	{
		return imp != null && imp.getWidth() > 0 && imp.getHeight() > 0;
	}
}
