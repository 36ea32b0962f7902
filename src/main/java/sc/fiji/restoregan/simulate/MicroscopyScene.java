package sc.fiji.restoregan.simulate;

import java.util.Random;

import net.imglib2.img.Img;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Seeded fluorescence-microscopy scenes in 2D and 3D: an uneven background,
 * textured nuclei, a cell-membrane network, filaments with crossings,
 * puncta and vesicles, in the proportions of a {@link SceneContent}. The
 * result is sparse bright structure on a dark background with a wide
 * dynamic range (brightness drawn log-uniformly), scaled so its brightest
 * pixel is 1. The same seed always gives the same scene.
 */
public final class MicroscopyScene
{
	private final int width, height, depth;

	private final SceneContent content;

	/**
	 * @param width scene width, px
	 * @param height scene height, px
	 * @param depth number of slices (1 for a 2D scene)
	 * @param content what the scene contains
	 */
	public MicroscopyScene( final int width, final int height, final int depth, final SceneContent content )
	{
		if ( width < 1 || height < 1 || depth < 1 )
			throw new IllegalArgumentException( "Scene sides must be positive, not " + width + " x " + height + " x " + depth );
		this.width = width;
		this.height = height;
		this.depth = depth;
		this.content = content;
	}

	/** A 2D scene with the default content. */
	public static MicroscopyScene of2d( final int width, final int height )
	{
		return new MicroscopyScene( width, height, 1, SceneContent.DEFAULT );
	}

	/**
	 * The scene for {@code seed}, values in [0, 1].
	 *
	 * @return {@code width * height * depth} values, X fastest, then Y, then Z
	 */
	public float[] generate( final long seed )
	{
		final Random rnd = new Random( seed );
		final Volume v = new Volume( width, height, depth );
		Background.paint( v, rnd, content.background() );
		Membranes.paint( v, rnd, content.membranes() );
		Nuclei.paint( v, rnd, content.nuclei() );
		Filaments.paint( v, rnd, content.filaments() );
		Puncta.paintVesicles( v, rnd, content.vesicles() );
		Puncta.paintSpots( v, rnd, content.puncta() );
		float max = 0;
		for ( final float x : v.data )
			max = Math.max( max, x );
		if ( max > 0 )
			for ( int i = 0; i < v.data.length; i++ )
				v.data[ i ] /= max;
		return v.data;
	}

	/**
	 * The scene for {@code seed} as an (X, Y, C, Z, T) image with one channel,
	 * {@code depth} slices and one time point.
	 */
	public Img< FloatType > image( final long seed )
	{
		final float[] data = generate( seed );
		final PlanarImg< FloatType, FloatArray > img = PlanarImgs.floats( width, height, 1, depth, 1 );
		final int plane = width * height;
		for ( int z = 0; z < depth; z++ )
			System.arraycopy( data, z * plane, img.getPlane( z ).getCurrentStorageArray(), 0, plane );
		return img;
	}
}
