package sc.fiji.restoregan.simulate;

import java.util.Random;

import sc.fiji.restoregan.degrade.SmoothField;

/**
 * Uneven background (autofluorescence, out-of-focus cytoplasm): a smooth
 * random field between 0.5 and 1.5 times the mean level, with features half
 * the field of view across, the same in every slice.
 */
final class Background
{
	private Background()
	{}

	static void paint( final Volume v, final Random rnd, final double level )
	{
		if ( level <= 0 )
			return;
		final float[] field = SmoothField.rescale( SmoothField.generate( v.width, v.height, 0.5 * Math.max( v.width, v.height ), rnd ), 0.5 * level, 1.5 * level );
		final int plane = v.width * v.height;
		for ( int z = 0; z < v.depth; z++ )
			for ( int i = 0; i < plane; i++ )
				v.data[ z * plane + i ] += field[ i ];
	}
}
