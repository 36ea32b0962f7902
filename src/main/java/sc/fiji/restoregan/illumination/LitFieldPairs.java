package sc.fiji.restoregan.illumination;

import java.util.List;
import java.util.Random;

import sc.fiji.restoregan.degrade.Lighting;
import sc.fiji.restoregan.train.CleanSource;

/**
 * Pairs for the field network: a lit crop of 128 to 256 px as the network
 * sees it ({@link IlluminationInputs#field}: averaged down to
 * {@value IlluminationInputs#SIZE} px, and with four planes also its blocks'
 * extremes), and the log of the field the plane shows, {@code gamma * log(dimming * field)} averaged alike, less its mean
 * (the brightness of a plane is not the field's to say).
 */
public final class LitFieldPairs extends LitPairs
{
	/**
	 * See {@link LitPairs#LitPairs}.
	 *
	 * @param planes {@value IlluminationInputs#PLAIN_PLANES} or
	 *            {@value IlluminationInputs#EXTREME_PLANES}
	 */
	public LitFieldPairs( final List< CleanSource > sources, final long seed, final int planes )
	{
		super( sources, seed, planes );
		IlluminationInputs.checkFieldPlanes( planes );
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
		final float[] seen = IlluminationInputs.field( lit, s, s, planes() );
		System.arraycopy( seen, 0, in, inAt, seen.length );
		return light.describe();
	}

	@Override
	protected String input()
	{
		return planes() == IlluminationInputs.PLAIN_PLANES ? super.input()
				: super.input() + ", then two more: the log of the largest and the smallest value within each of those pixels in the plane averaged to up to " + 4 * IlluminationInputs.SIZE
						+ " px, by the same percentile, plus 0.02 (four planes)";
	}

	@Override
	protected String target()
	{
		return "gamma * log(dimming * field) of the crop averaged to " + IlluminationInputs.SIZE + " px, less its mean; crops of 128 to 256 px";
	}
}
