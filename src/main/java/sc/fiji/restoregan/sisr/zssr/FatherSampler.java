package sc.fiji.restoregan.sisr.zssr;

import java.util.List;
import java.util.Random;

import sc.fiji.restoregan.metrics.DoublePlane;
import sc.fiji.restoregan.sisr.Geometry;
import sc.fiji.restoregan.sisr.Resampling;

/**
 * ZSSR's training examples from the image itself: an "HR father" is a random
 * crop of one of the sources (the image, and in gradual mode the previous
 * stage's output), in 55% of draws first shrunk by a random factor in
 * [0.5, 1] (bicubic), then turned by one of the 8 square symmetries. Its
 * "LR son" is the father downscaled by the stage's factor, optionally with
 * Gaussian noise; the network's input is the son upscaled bicubically back to
 * the father's size. ZSSR's shear and independent x/y scaling are left out.
 */
final class FatherSampler
{
	private static final double SCALE_PROBABILITY = 0.55, MIN_SCALE = 0.5;

	private final List< DoublePlane > sources;

	private final double factor;

	private final int crop;

	private final double noise;

	/**
	 * @param sources planes to draw fathers from
	 * @param factor the stage's upscaling factor
	 * @param crop requested father size (reduced to fit the smallest source, and to a multiple of an integer factor)
	 * @param noise standard deviation of the noise added to sons
	 */
	FatherSampler( final List< DoublePlane > sources, final double factor, final int crop, final double noise )
	{
		this.sources = sources;
		this.factor = factor;
		int c = crop;
		for ( final DoublePlane s : sources )
			c = Math.min( c, Math.min( s.width, s.height ) );
		if ( Resampling.isInteger( factor ) )
			c -= c % ( int ) Math.rint( factor );
		if ( c < 2 * factor )
			throw new IllegalArgumentException( "The image is too small for ZSSR x" + factor + ": at least " + ( int ) Math.ceil( 2 * factor ) + " pixels per side are needed" );
		this.crop = c;
		this.noise = noise;
	}

	/** The father size actually used. */
	int crop()
	{
		return crop;
	}

	/** A father and its upscaled son: {input, target}. */
	DoublePlane[] sample( final Random random )
	{
		final DoublePlane source = sources.get( random.nextInt( sources.size() ) );
		DoublePlane father;
		if ( random.nextDouble() < SCALE_PROBABILITY )
		{
			final double u = MIN_SCALE + ( 1 - MIN_SCALE ) * random.nextDouble();
			final int region = Math.min( Math.min( source.width, source.height ), ( int ) Math.ceil( crop / u ) );
			father = Resampling.resize( randomCrop( source, region, random ), crop, crop );
		}
		else
			father = randomCrop( source, crop, random );
		father = Geometry.apply( father, random.nextInt( Geometry.COUNT ) );
		DoublePlane son = Resampling.down( father, factor );
		if ( noise > 0 )
		{
			final double[] d = son.data.clone();
			for ( int i = 0; i < d.length; i++ )
				d[ i ] += noise * random.nextGaussian();
			son = new DoublePlane( son.width, son.height, d );
		}
		return new DoublePlane[] { Resampling.resize( son, father.width, father.height ), father };
	}

	/** The input for reconstructing a whole plane from its own son: {upscaled son, plane}. */
	DoublePlane[] reconstructionPair( final DoublePlane plane )
	{
		final int w = Resampling.isInteger( factor ) ? plane.width - plane.width % ( int ) Math.rint( factor ) : plane.width;
		final int h = Resampling.isInteger( factor ) ? plane.height - plane.height % ( int ) Math.rint( factor ) : plane.height;
		final DoublePlane father = Resampling.crop( plane, 0, 0, w, h );
		return new DoublePlane[] { Resampling.resize( Resampling.down( father, factor ), w, h ), father };
	}

	private static DoublePlane randomCrop( final DoublePlane p, final int size, final Random random )
	{
		final int x = random.nextInt( p.width - size + 1 ), y = random.nextInt( p.height - size + 1 );
		return Resampling.crop( p, x, y, size, size );
	}
}
