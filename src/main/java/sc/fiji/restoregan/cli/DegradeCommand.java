package sc.fiji.restoregan.cli;

import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.Callable;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import sc.fiji.restoregan.degrade.Degradation;
import sc.fiji.restoregan.degrade.DegradationKind;
import sc.fiji.restoregan.degrade.DegradationSettings;
import sc.fiji.restoregan.degrade.ImageDegrader;
import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * {@code degrade}: applies one degradation to an image file and writes a
 * 32-bit TIFF. Options left out take the defaults of
 * {@link DegradationSettings}.
 */
@Command( name = "degrade", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Apply one simulated degradation to an image (plane by plane) and write a 32-bit TIFF.",
				"Units: pixels, degrees, and fractions of the image's bright level (its 99.9th percentile). See docs/synthetic-data.md." } )
final class DegradeCommand implements Callable< Integer >
{
	@Option( names = "--kind", required = true, description = "noise, blur, haze, streaks, stripes, drops, lighting, lowres or composite (random parameters)." )
	String kind;

	@Option( names = "--type", defaultValue = "", description = "Variant. blur: gaussian|defocus|widefield|motion|anisotropic; haze: scatter|atmospheric; streaks: lines|stripes|drops; lighting: vignette|gradient|smooth." )
	String type;

	@Option( names = "--input", required = true, description = "Image to degrade (TIFF, PNG, JPEG)." )
	Path input;

	@Option( names = "--output", required = true, description = "32-bit TIFF to write." )
	Path output;

	@Option( names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}." )
	long seed;

	@Option( names = "--random", description = "Draw all parameters from the documented ranges (seeded)." )
	boolean random;

	@Option( names = "--peak", description = "Photons at the bright level (noise 20, blur and lowres 1000, lighting 200; 0 = no noise after blur or lowres)." )
	Double peak;

	@Option( names = "--read", description = "Read-noise sigma (noise 0.01)." )
	Double read;

	@Option( names = "--offset", description = "Camera offset (noise, 0)." )
	Double offset;

	@Option( names = "--gain", description = "Camera gain (noise, 1)." )
	Double gain;

	@Option( names = "--hot", description = "Hot-pixel fraction (noise, 0)." )
	Double hot;

	@Option( names = "--read-spread", description = "Log-normal spread of the sCMOS read-noise map (noise, 0)." )
	Double readSpread;

	@Option( names = "--sigma", description = "Gaussian sigma / anisotropic major sigma, px (1.5)." )
	Double sigma;

	@Option( names = "--sigma-minor", description = "Anisotropic minor sigma, px (0.7)." )
	Double sigmaMinor;

	@Option( names = "--radius", description = "Defocus disk radius, px (3)." )
	Double radius;

	@Option( names = "--airy", description = "Widefield Airy radius, px (2)." )
	Double airy;

	@Option( names = "--defocus", description = "Widefield defocus, waves (1)." )
	Double defocus;

	@Option( names = "--length", description = "Motion trajectory length, px (20)." )
	Double length;

	@Option( names = "--expl", description = "Motion shake, 0 = straight (0.005)." )
	Double expl;

	@Option( names = "--exposure", description = "Motion exposure fraction (1)." )
	Double exposure;

	@Option( names = "--angle", description = "Direction, degrees from +X towards +Y: anisotropic axis, streaks, stripes (0)." )
	Double angle;

	@Option( names = "--haze-sigmas", split = ",", description = "Scatter-haze scales, px (10,25)." )
	double[] hazeSigmas;

	@Option( names = "--haze-weights", split = ",", description = "Scatter-haze weights (0.8,0.5)." )
	double[] hazeWeights;

	@Option( names = "--haze-offset", description = "Scatter-haze offset (0.02)." )
	Double hazeOffset;

	@Option( names = "--airlight", description = "Atmospheric airlight (0.9)." )
	Double airlight;

	@Option( names = "--transmission", description = "Smallest atmospheric transmission (0.3) or drop transmission (0.6)." )
	Double transmission;

	@Option( names = "--count", description = "Number of streaks (30), stripes (20) or drops (8)." )
	Integer count;

	@Option( names = "--width", description = "Streak sigma (0.8) or largest stripe sigma (3), px." )
	Double width;

	@Option( names = "--strength", description = "Streak strength or stripe depth (0.5)." )
	Double strength;

	@Option( names = "--dark", description = "Fraction of dark streaks (0.3)." )
	Double dark;

	@Option( names = "--drop-radius", description = "Largest drop radius, px (12)." )
	Double dropRadius;

	@Option( names = "--minimum", description = "Darkest relative illumination (0.3)." )
	Double minimum;

	@Option( names = "--dimming", description = "Global light level (0.3)." )
	Double dimming;

	@Option( names = "--gamma", description = "Response exponent (1)." )
	Double gamma;

	@Option( names = "--scale", description = "Reduction factor (lowres 2; composite 1, above 1 adds a downsampling step)." )
	Integer scale;

	@Option( names = "--anti-alias", description = "Anti-aliasing sigma, px ((scale - 1) / 2)." )
	Double antiAlias;

	@Option( names = "--jpeg", description = "JPEG quality after downsampling, 0 = none (0)." )
	Integer jpeg;

	@Override
	public Integer call() throws Exception
	{
		final DegradationSettings s = settings();
		final Img< ? extends RealType< ? > > image = ImageFiles.read( input );
		final Degradation degradation = s.build( new Random( seed ) );
		final Img< FloatType > result;
		try
		{
			result = ImageDegrader.apply( image, degradation, seed );
		}
		catch ( final IllegalArgumentException e )
		{
			throw new RestoreException( e.getMessage(), e );
		}
		ImageFiles.writeFloatTiff( result, output );
		System.out.println( "Wrote " + output + " (" + result.dimension( 0 ) + " x " + result.dimension( 1 ) + "): " + degradation.describe() );
		return 0;
	}

	private DegradationSettings settings()
	{
		final DegradationSettings s = new DegradationSettings();
		try
		{
			s.kind = DegradationKind.parse( kind );
		}
		catch ( final IllegalArgumentException e )
		{
			throw new RestoreException( e.getMessage() );
		}
		s.type = type;
		s.random = random;
		s.peak = or( peak, s.peak );
		s.read = or( read, s.read );
		s.offset = or( offset, s.offset );
		s.gain = or( gain, s.gain );
		s.hotPixels = or( hot, s.hotPixels );
		s.readSpread = or( readSpread, s.readSpread );
		s.sigma = or( sigma, s.sigma );
		s.sigmaMinor = or( sigmaMinor, s.sigmaMinor );
		s.radius = or( radius, s.radius );
		s.airy = or( airy, s.airy );
		s.defocus = or( defocus, s.defocus );
		s.length = or( length, s.length );
		s.expl = or( expl, s.expl );
		s.exposure = or( exposure, s.exposure );
		s.angle = or( angle, s.angle );
		if ( hazeSigmas != null )
			s.hazeSigmas = hazeSigmas;
		if ( hazeWeights != null )
			s.hazeWeights = hazeWeights;
		s.hazeOffset = or( hazeOffset, s.hazeOffset );
		s.airlight = or( airlight, s.airlight );
		s.transmission = or( transmission, s.transmission );
		s.count = count == null ? s.count : count;
		s.width = or( width, s.width );
		s.strength = or( strength, s.strength );
		s.darkFraction = or( dark, s.darkFraction );
		s.dropRadius = or( dropRadius, s.dropRadius );
		s.minimum = or( minimum, s.minimum );
		s.dimming = or( dimming, s.dimming );
		s.gamma = or( gamma, s.gamma );
		s.scale = scale == null ? s.scale : scale;
		s.antiAlias = or( antiAlias, s.antiAlias );
		s.jpeg = jpeg == null ? s.jpeg : jpeg;
		return s;
	}

	private static double or( final Double option, final double fallback )
	{
		return option == null ? fallback : option;
	}
}
