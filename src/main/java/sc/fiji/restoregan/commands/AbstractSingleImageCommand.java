package sc.fiji.restoregan.commands;

import java.io.File;
import java.util.List;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;

import ij.ImagePlus;

import sc.fiji.restoregan.pipeline.CancelledException;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.sisr.SisrMethod;
import sc.fiji.restoregan.sisr.SisrPreset;
import sc.fiji.restoregan.sisr.SisrSettings;
import sc.fiji.restoregan.ui.SisrJob;

/**
 * The single-image training commands ({@code Plugins>Restore>Single image>}):
 * train a method on the current plane of the current image (its current
 * channel, slice and frame), then apply the model to every plane. Knobs left
 * at 0 take the preset's value. With a display the training window opens and
 * the command returns at once (Stop, Save model... and Apply to image are in
 * the window); headless or from a macro it trains, saves the model if a
 * folder is given, and returns the result. The input is never modified.
 */
public abstract class AbstractSingleImageCommand extends ContextCommand
{
	@Parameter
	private LogService log;

	@Parameter( required = false )
	private StatusService status;

	@Parameter( label = "Image", description = "Trained on its current plane (channel, slice, frame); applied to all planes." )
	private ImagePlus input;

	@Parameter( label = "Preset", choices = { "fast", "balanced", "quality" }, description = "fast: minutes on a laptop CPU; quality: closest to the paper, long on a CPU." )
	private String preset = "fast";

	@Parameter( label = "Scale factor", min = "1", max = "8", stepSize = "0.5" )
	private double scale = 2;

	@Parameter( label = "Iterations (0 = preset)", min = "0" )
	private int iterations = 0;

	@Parameter( label = "Network width (0 = preset)", min = "0" )
	private int width = 0;

	@Parameter( label = "Learning rate (0 = preset)", min = "0", stepSize = "0.0001" )
	private double learningRate = 0;

	@Parameter( label = "Noise amplitude (-1 = preset)", min = "-1", stepSize = "0.01" )
	private double noiseAmplitude = -1;

	@Parameter( label = "Seed" )
	private long seed = 42;

	@Parameter( label = "Save the model to (optional)", style = "directory", required = false, persist = false, description = "Headless and macros: the folder the model is written to. In the window: use Save model..." )
	private File modelFolder;

	@Parameter( label = "Show the training window", description = "Off, headless and in macros: train, then return the result." )
	private boolean window = true;

	@Parameter( type = ItemIO.OUTPUT, required = false )
	private ImagePlus output;

	@Parameter( type = ItemIO.OUTPUT, required = false )
	private ImagePlus samples;

	/** The method this command trains. */
	protected abstract SisrMethod method();

	/** Sets the method's own knobs (called after the common ones). */
	protected abstract void customise( SisrSettings settings );

	/** Random samples to draw after training (SinGAN). */
	protected int sampleCount()
	{
		return 0;
	}

	/** A knob's value, or the preset's when it is 0 (or below). */
	protected static int orPreset( final int value, final int preset )
	{
		return value > 0 ? value : preset;
	}

	/** A knob's value, or the preset's when it is below 0, or also when it is 0 unless {@code zeroAllowed}. */
	protected static double orPreset( final double value, final double preset, final boolean zeroAllowed )
	{
		return value > 0 || zeroAllowed && value == 0 ? value : preset;
	}

	/** The settings from the preset and the knobs. */
	SisrSettings settings()
	{
		final SisrSettings s = SisrSettings.of( method(), SisrPreset.parse( preset ), scale );
		s.seed = seed;
		s.iterations = orPreset( iterations, s.iterations );
		s.width = orPreset( width, s.width );
		s.learningRate = orPreset( learningRate, s.learningRate, false );
		s.noiseAmplitude = orPreset( noiseAmplitude, s.noiseAmplitude, true );
		customise( s );
		return s;
	}

	@Override
	public void run()
	{
		if ( input == null )
		{
			cancel( "Open an image first." );
			return;
		}
		try
		{
			final SisrJob job = SisrJob.train( input, settings(), sampleCount(), log::info );
			if ( TrainingRuns.windowed( window ) )
			{
				TrainingRuns.inWindow( job, log );
				return;
			}
			final List< ImagePlus > results = TrainingRuns.headless( job, modelFolder, status, log, this::isCanceled );
			output = results.get( 0 );
			samples = results.size() > 1 ? results.get( 1 ) : null;
		}
		catch ( final CancelledException e )
		{
			cancel( e.getMessage() );
		}
		catch ( final RestoreException | IllegalArgumentException e )
		{
			log.error( "RestoreGAN " + method().name() + ": " + e.getMessage() );
			cancel( e.getMessage() );
		}
	}

	/** The image to train on and restore. */
	public void setInput( final ImagePlus input )
	{
		this.input = input;
	}

	/** The restored image, after a run without the window. */
	public ImagePlus getOutput()
	{
		return output;
	}

	/** The random samples (SinGAN), after a run without the window, or null. */
	public ImagePlus getSamples()
	{
		return samples;
	}
}
