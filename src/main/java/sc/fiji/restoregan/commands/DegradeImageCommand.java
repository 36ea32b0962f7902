package sc.fiji.restoregan.commands;

import java.util.Random;

import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.measure.Calibration;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.restoregan.degrade.Degradation;
import sc.fiji.restoregan.degrade.DegradationKind;
import sc.fiji.restoregan.degrade.DegradationSettings;
import sc.fiji.restoregan.degrade.ImageDegrader;
import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * {@code Plugins>Restore>Simulate>Degrade...}: applies one simulated
 * degradation to the open image (every plane, any bit depth) and shows the
 * result as a new 32-bit image; the input is left unchanged. Every parameter
 * has a default, so a macro naming none runs without a dialog. Parameters
 * not used by the chosen kind and type are ignored; see
 * {@link DegradationSettings} and {@code docs/synthetic-data.md}.
 */
@Plugin( type = Command.class, menuPath = "Plugins>Restore>Simulate>Degrade...", headless = true )
public final class DegradeImageCommand extends ContextCommand
{
	@Parameter
	private LogService log;

	@Parameter
	private StatusService status;

	@Parameter( label = "Image" )
	private ImagePlus input;

	@Parameter( label = "Degradation", choices = { "noise", "blur", "haze", "streaks", "lighting", "lowres", "composite" } )
	private String kind = "noise";

	@Parameter( label = "Type", description = "blur: gaussian, defocus, widefield, motion, anisotropic; haze: scatter, atmospheric; streaks: lines, stripes, drops; lighting: vignette, gradient, smooth. Default: the first.", required = false )
	private String type = "default";

	@Parameter( label = "Random parameters", description = "Draw every parameter from the documented ranges (seeded)." )
	private boolean random = false;

	@Parameter( label = "Seed" )
	private long seed = 1;

	@Parameter( label = "Noise: photons at bright level", min = "0.01" )
	private double peak = 20;

	@Parameter( label = "Noise: read noise", min = "0" )
	private double read = 0.01;

	@Parameter( label = "Blur, lowres: photons of the noise after (0 = none)", min = "0" )
	private double afterPeak = 1000;

	@Parameter( label = "Lighting: photons at full light", min = "0.01" )
	private double lightingPeak = 200;

	@Parameter( label = "Blur sigma (px)", min = "0.1" )
	private double sigma = 1.5;

	@Parameter( label = "Defocus disk radius (px)", min = "0.1" )
	private double radius = 3;

	@Parameter( label = "Motion length (px)", min = "0.1" )
	private double length = 20;

	@Parameter( label = "Direction (degrees)" )
	private double angle = 0;

	@Parameter( label = "Haze sigma (px)", min = "0.1" )
	private double hazeSigma = 15;

	@Parameter( label = "Haze weight", min = "0" )
	private double hazeWeight = 1;

	@Parameter( label = "Streak or stripe count", min = "0" )
	private int count = 30;

	@Parameter( label = "Darkest illumination", min = "0.01", max = "1" )
	private double minimum = 0.3;

	@Parameter( label = "Dimming", min = "0.01", max = "1" )
	private double dimming = 0.3;

	@Parameter( label = "Gamma", min = "0.1" )
	private double gamma = 1;

	@Parameter( label = "Downsampling factor (lowres)", min = "1", max = "8" )
	private int scale = 2;

	@Parameter( label = "JPEG quality (0 = none)", min = "0", max = "100" )
	private int jpeg = 0;

	@Parameter( type = ItemIO.OUTPUT )
	private ImagePlus output;

	/** The image to degrade. */
	public void setInput( final ImagePlus input )
	{
		this.input = input;
	}

	/** The degraded image, after {@link #run()}. */
	public ImagePlus getOutput()
	{
		return output;
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
			final DegradationSettings s = settings();
			final Degradation degradation = s.build( new Random( seed ) );
			status.showStatus( "Degrading " + input.getTitle() + ": " + degradation.describe() );
			final Img< FloatType > result = ImageDegrader.apply( ImageFiles.wrap( input ), degradation, seed );
			output = ImageFiles.toImagePlus( result, input.getShortTitle() + "-" + s.kind.id() );
			final Calibration cal = input.getCalibration().copy();
			cal.pixelWidth *= degradation.scale();
			cal.pixelHeight *= degradation.scale();
			output.setCalibration( cal );
			log.info( "Degrade: " + input.getTitle() + " -> " + output.getTitle() + ": " + degradation.describe() );
			status.clearStatus();
		}
		catch ( final RestoreException | IllegalArgumentException e )
		{
			log.error( "Degrade: " + e.getMessage() );
			cancel( e.getMessage() );
		}
	}

	private DegradationSettings settings()
	{
		final DegradationSettings s = new DegradationSettings();
		s.kind = DegradationKind.parse( kind );
		s.type = type == null || type.equalsIgnoreCase( "default" ) ? "" : type;
		s.random = random;
		if ( s.kind == DegradationKind.NOISE )
		{
			s.peak = peak;
			s.read = read;
		}
		else
			s.peak = s.kind == DegradationKind.LIGHTING ? lightingPeak : afterPeak;
		s.sigma = sigma;
		s.radius = radius;
		s.length = length;
		s.angle = angle;
		s.hazeSigmas = new double[] { hazeSigma };
		s.hazeWeights = new double[] { hazeWeight };
		s.count = count;
		s.minimum = minimum;
		s.dimming = dimming;
		s.gamma = gamma;
		s.scale = s.kind == DegradationKind.LOWRES ? scale : 1;
		s.jpeg = jpeg;
		return s;
	}
}
