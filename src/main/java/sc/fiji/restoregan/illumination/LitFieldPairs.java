package sc.fiji.restoregan.illumination;

import java.util.List;
import java.util.Random;

import sc.fiji.restoregan.degrade.Lighting;
import sc.fiji.restoregan.train.CleanSource;

/**
 * Pairs for the field network: a lit crop of 128 to 256 px averaged down to
 * {@value IlluminationInputs#SIZE} px, and the log of the field the plane
 * shows, {@code gamma * log(dimming * field)} averaged alike, less its mean
 * (the brightness of a plane is not the field's to say).
 */
public final class LitFieldPairs extends LitPairs
{
	/** See {@link LitPairs#LitPairs}. */
	public LitFieldPairs( final List< CleanSource > sources, final long seed )
	{
		super( sources, seed );
	}

	@Override
	protected String fill( final Random rnd, final float[] in, final int inAt, final float[] out, final int outAt )
	{
		final int s = 128 + rnd.nextInt( 129 );
		final float[] clean = crop( rnd, s );
		final Lighting light = Lighting.random( rnd );
		final long fieldSeed = rnd.nextLong();
		final float[] field = light.field().generate( s, s, light.minimum(), new Random( fieldSeed ) );
		final float[] lit = light.apply( clean, s, s, new Random( fieldSeed ) );
		final float[] small = IlluminationInputs.areaMean( field, s, s );
		double mean = 0;
		for ( int j = 0; j < small.length; j++ )
			mean += out[ outAt + j ] = ( float ) ( light.gamma() * Math.log( light.dimming() * small[ j ] ) );
		mean /= small.length;
		for ( int j = 0; j < small.length; j++ )
			out[ outAt + j ] -= mean;
		final float[] two = IlluminationInputs.of( IlluminationInputs.areaMean( lit, s, s ) );
		System.arraycopy( two, 0, in, inAt, two.length );
		return light.describe();
	}

	@Override
	protected String target()
	{
		return "gamma * log(dimming * field) of the crop averaged to " + IlluminationInputs.SIZE + " px, less its mean; crops of 128 to 256 px";
	}
}
