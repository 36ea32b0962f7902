package sc.fiji.restoregan.illumination;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import sc.fiji.restoregan.degrade.Lighting;
import sc.fiji.restoregan.train.CleanSource;

/**
 * Pairs for the gamma network: a lit {@value IlluminationInputs#SIZE} px
 * crop at full resolution, and the log of its gamma at every pixel.
 */
public final class LitGammaPairs extends LitPairs
{
	/** See {@link LitPairs#LitPairs}. */
	public LitGammaPairs( final List< CleanSource > sources, final long seed )
	{
		super( sources, seed, IlluminationInputs.PLAIN_PLANES );
	}

	@Override
	protected String fill( final Random rnd, final float[] in, final int inAt, final float[] out, final int outAt )
	{
		final int s = IlluminationInputs.SIZE;
		final float[] clean = crop( rnd, s );
		final Lighting light = Lighting.random( rnd );
		final float[] two = IlluminationInputs.of( light.apply( clean, s, s, rnd ) );
		System.arraycopy( two, 0, in, inAt, two.length );
		Arrays.fill( out, outAt, outAt + s * s, ( float ) Math.log( light.gamma() ) );
		return light.describe();
	}

	@Override
	protected String target()
	{
		return "log gamma at every pixel of a " + IlluminationInputs.SIZE + " px crop";
	}
}
