package sc.fiji.restoregan.commands;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.restoregan.degrade.KnownDegradation;
import sc.fiji.restoregan.device.DeviceChoice;
import sc.fiji.restoregan.model.Task;
import sc.fiji.restoregan.pipeline.CancelledException;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.pipeline.RestoreOptions;
import sc.fiji.restoregan.pipeline.RestoreRunner;

/**
 * The parameters and behaviour shared by the Restore commands: the input
 * image (filled from the active image), a 32-bit output of the same size,
 * the model, realism, tiling, device, normalisation percentiles and
 * self-ensemble, all with defaults
 * so a macro that names none runs without a dialog. The work is done by
 * {@link RestoreRunner}; the input is never modified. Problems are reported
 * with {@link #cancel(String)} and a log line, never a stack trace.
 *
 * @param <T> the input's pixel type
 */
public abstract class AbstractRestoreCommand< T extends RealType< T > > extends ContextCommand
{
	/** The self-ensemble choice that takes the model card's setting. */
	static final String MODEL_ENSEMBLE = "model default";

	@Parameter( label = "Input image" )
	private RandomAccessibleInterval< T > input;

	@Parameter( type = ItemIO.OUTPUT, label = "Restored" )
	private Img< FloatType > output;

	@Parameter( label = "Model", description = "A shipped model's name, or a folder holding card.json and its weights. Empty: the task's default model.", required = false, persist = false )
	private String model = "";

	@Parameter( label = "Realism", min = "0", max = "1", stepSize = "0.1", style = "slider,format:0.00",
			description = "0: faithful (the L1-trained network, best PSNR). 1: sharp (its GAN-trained twin, more natural texture, may invent detail). Between: the two networks' weights interpolated." )
	private double realism = 0;

	@Parameter( label = "Tile size (px)", min = "16", description = "Tiles include the overlap; smaller tiles use less memory." )
	private int tile = RestoreOptions.DEFAULT_TILE;

	@Parameter( label = "Tile overlap (px)", min = "0", description = "Raised automatically to the network's receptive field if smaller." )
	private int overlap = RestoreOptions.DEFAULT_OVERLAP;

	@Parameter( label = "Device", choices = { "auto", "cpu", "gpu" } )
	private String device = "auto";

	@Parameter( label = "Lower percentile", min = "0", max = "100", stepSize = "0.1" )
	private double percentileLow = RestoreOptions.DEFAULT_LOW;

	@Parameter( label = "Upper percentile", min = "0", max = "100", stepSize = "0.1" )
	private double percentileHigh = RestoreOptions.DEFAULT_HIGH;

	@Parameter( label = "Self-ensemble", choices = { MODEL_ENSEMBLE, "1", "2", "4", "8" },
			description = "Restore this many flips and turns of each plane and average them: more accurate, proportionally slower. 1: off. 'model default': at realism 0 the setting the model was benchmarked with (its card's ensemble), above 0 none (averaging would blur the GAN's texture)." )
	private String ensemble = MODEL_ENSEMBLE;

	@Parameter
	private LogService log;

	@Parameter( required = false )
	private StatusService status;

	/** The task this command restores. */
	protected abstract Task task();

	/**
	 * What the user told of the degradation ({@link KnownDegradation#NONE}
	 * by default): a known PSF picks the model that deconvolves with it, a
	 * known stripe direction replaces the estimate.
	 *
	 * @throws RestoreException when what was given is invalid
	 */
	protected KnownDegradation known()
	{
		return KnownDegradation.NONE;
	}

	/** Output pixels per input pixel, which picks the default model (1 unless super-resolution). */
	protected int scale()
	{
		return 1;
	}

	@Override
	public void run()
	{
		try
		{
			final KnownDegradation known = known();
			final String name = model == null || model.isBlank() ? task().defaultModel( scale(), known ) : model;
			final RestoreOptions options = new RestoreOptions( tile, overlap, percentileLow, percentileHigh, MODEL_ENSEMBLE.equals( ensemble ) ? RestoreOptions.MODEL_ENSEMBLE : Integer.parseInt( ensemble ), known );
			output = RestoreRunner.restore( input, name, realism, DeviceChoice.parse( device ), options, new StatusProgress( status, this::isCanceled ), log::info );
		}
		catch ( final CancelledException e )
		{
			cancel( e.getMessage() );
		}
		catch ( final RestoreException e )
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

	/** The restored image, after {@link #run()}. */
	public Img< FloatType > getOutput()
	{
		return output;
	}

	/** Sets the image to restore. */
	public void setInput( final RandomAccessibleInterval< T > input )
	{
		this.input = input;
	}

	/** Sets the model by name or folder. */
	public void setModel( final String model )
	{
		this.model = model;
	}

	/** Sets the realism, 0 (faithful) to 1 (the GAN-trained twin). */
	public void setRealism( final double realism )
	{
		this.realism = realism;
	}

	/** Sets the device: auto, cpu or gpu. */
	public void setDevice( final String device )
	{
		this.device = device;
	}

	/** Sets the tile size and overlap. */
	public void setTiling( final int tileSize, final int tileOverlap )
	{
		this.tile = tileSize;
		this.overlap = tileOverlap;
	}
}
