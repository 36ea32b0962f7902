package sc.fiji.restoregan.pipeline;

import java.util.Locale;
import java.util.function.Consumer;

import ai.djl.Device;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.restoregan.device.DeviceChoice;
import sc.fiji.restoregan.model.ModelRegistry;
import sc.fiji.restoregan.model.RealismBlend;
import sc.fiji.restoregan.model.StoredModel;

/**
 * Restores an image with a model given by name or folder: loads and checks
 * the model, opens it on the chosen device, logs which engine and device
 * run it, tiles through the image and closes everything. Used by the Fiji
 * commands and the command-line tool alike.
 */
public final class RestoreRunner
{
	private RestoreRunner()
	{}

	/**
	 * @param input any real image of 2 to 5 dimensions (X, Y first); only read
	 * @param model a shipped model's name or a model folder
	 * @param realism 0 (the faithful model) to 1 (its GAN-trained twin): see
	 *            {@link RealismBlend}
	 * @param device where to run
	 * @param options tiling and normalisation
	 * @param progress progress and cancellation
	 * @param log receives human-readable notes (device, timing)
	 * @return the restored image, 32-bit, in the input's intensity units
	 */
	public static < T extends RealType< T > > Img< FloatType > restore( final RandomAccessibleInterval< T > input, final String model, final double realism, final DeviceChoice device, final RestoreOptions options, final Progress progress, final Consumer< String > log )
	{
		Restorer.validate( input );
		RealismBlend.check( realism );
		final StoredModel stored = ModelRegistry.load( model );
		final StoredModel twin = realism > 0 ? ModelRegistry.loadTwin( model, stored ) : null;
		final Device target = device.resolve();
		final long t0 = System.nanoTime();
		try ( PlaneNetwork network = RealismBlend.open( stored, twin, realism, target ) )
		{
			final String blend = twin == null ? "" : String.format( Locale.ROOT, " at realism %.2f (blended with '%s')", realism, twin.card().name );
			final String partner = stored.partner() == null ? "" : ", averaged with its partner '" + stored.partner().card().name + "',";
			log.accept( "Model '" + stored.card().name + "' (" + stored.location() + ")" + blend + partner + " running on " + network.describeDevice() );
			if ( network.correction() != PlaneCorrection.NONE )
				log.accept( "Before the network, each plane's " + network.correction().describe() );
			if ( options.psf() != null )
				log.accept( network.context().needsPsf() ? "Deconvolving with the given PSF (" + options.psf().side() + "x" + options.psf().side() + " px)"
						: "The PSF given is not used: model '" + stored.card().name + "' restores without one." );
			if ( options.known().hasDirection() )
				log.accept( network.context().wedges().length > 0 ? "Destriping along the given direction (" + options.known().direction() + " deg)"
						: "The stripe direction given is not used: model '" + stored.card().name + "' does not destripe at a direction." );
			final Restorer restorer = Restorer.forModel( network, options, stored.card(), realism ).log( log );
			final Img< FloatType > out = restorer.restore( input, progress );
			log.accept( String.format( Locale.ROOT, "Restored %s%s in %.1f s", describe( input ), restorer.members() > 1 ? " (self-ensemble of " + restorer.members() + ")" : "",
					( System.nanoTime() - t0 ) / 1e9 ) );
			return out;
		}
	}

	private static String describe( final RandomAccessibleInterval< ? > img )
	{
		final StringBuilder s = new StringBuilder();
		for ( int d = 0; d < img.numDimensions(); d++ )
			s.append( d == 0 ? "" : "x" ).append( img.dimension( d ) );
		return s.toString();
	}
}
