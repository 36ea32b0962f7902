package sc.fiji.restoregan.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import sc.fiji.restoregan.pipeline.PlaneNetwork;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * The perception-distortion knob: a generator whose weights are
 * {@code (1 - realism) * faithful + realism * sharp}, where the faithful
 * network was trained with a pixel (L1) loss and its sharp twin was
 * fine-tuned from it with an adversarial loss (ESRGAN's network
 * interpolation). Realism 0 gives the faithful network, 1 the GAN one, and
 * values between move along the perception-distortion curve. A faithful
 * model averaged with a partner ({@link ModelCard#meanWith}) is averaged
 * with it at every realism, with equal weights: the partner blended with its
 * own twin at the same realism when it has one, else as it is.
 */
public final class RealismBlend
{
	private RealismBlend()
	{}

	/**
	 * Checks a realism value.
	 *
	 * @throws RestoreException unless it is a number in [0, 1]
	 */
	public static double check( final double realism )
	{
		if ( !( realism >= 0 && realism <= 1 ) )
			throw new RestoreException( "Realism must be between 0 (faithful) and 1 (sharp, the GAN model), not " + realism + "." );
		return realism;
	}

	/**
	 * Opens the blend of two models for inference.
	 *
	 * @param faithful the L1-trained model
	 * @param sharp its GAN-trained twin, or null when {@code realism} is 0
	 * @param realism 0 to 1
	 * @param device where to run
	 * @throws RestoreException if realism is above 0 without a twin, or the
	 *             twin's architecture differs
	 */
	public static PlaneNetwork open( final StoredModel faithful, final StoredModel sharp, final double realism, final Device device )
	{
		check( realism );
		if ( realism == 0 )
			return faithful.open( device );
		if ( sharp == null )
			throw new RestoreException( "Model '" + faithful.card().name + "' has no GAN-trained twin, so realism must be 0 (it is " + realism + ")." );
		if ( !faithful.card().sameArchitecture( sharp.card() ) || faithful.card().scale != sharp.card().scale )
			throw new RestoreException( "Model '" + sharp.card().name + "' cannot be blended with '" + faithful.card().name + "': their architectures differ." );
		final Model model = Model.newInstance( faithful.card().name + String.format( Locale.ROOT, "@realism%.2f", realism ), device, "PyTorch" );
		try
		{
			if ( realism == 1 )
				sharp.loadInto( model );
			else
				try ( Model other = Model.newInstance( sharp.card().name, device, "PyTorch" ) )
				{
					interpolate( faithful.loadInto( model ), sharp.loadInto( other ), realism );
				}
		}
		catch ( final RuntimeException e )
		{
			model.close();
			throw e;
		}
		// the faithful model's network: its context, and its illumination estimate if it has one
		return faithful.withPartner( faithful.network( model ), realism, device );
	}

	/** Replaces every parameter {@code a} of {@code target} by {@code (1 - t) a + t b}, {@code b} the same parameter of {@code source}. */
	static void interpolate( final Block target, final Block source, final double t )
	{
		final Map< String, NDArray > other = new HashMap<>();
		for ( final Pair< String, Parameter > p : source.getParameters() )
			other.put( p.getKey(), p.getValue().getArray() );
		for ( final Pair< String, Parameter > p : target.getParameters() )
		{
			final NDArray a = p.getValue().getArray();
			final NDArray b = other.get( p.getKey() );
			if ( b == null || !b.getShape().equals( a.getShape() ) )
				throw new RestoreException( "Cannot blend parameter " + p.getKey() + ": the twin's differs." );
			try ( NDArray scaled = b.mul( t ) )
			{
				a.muli( 1 - t ).addi( scaled );
			}
		}
	}
}
