package sc.fiji.restoregan.gan;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ai.djl.ndarray.NDArray;

/**
 * The history of generated images of Shrivastava et al. as pix2pix and
 * CycleGAN implement it ({@code ImagePool(50)}): while the pool is not full,
 * each generated image is stored and passed on; afterwards, with
 * probability ½ a random stored image is passed on instead and replaced by
 * the new one. The discriminator then also sees older generator outputs.
 * Kept as Java arrays and saved with the checkpoint, so resumed training
 * continues exactly.
 */
public final class ImagePool
{
	private final int capacity;

	private final List< float[] > images = new ArrayList<>();

	/** @param capacity the number of images kept (50 in pix2pix) */
	public ImagePool( final int capacity )
	{
		this.capacity = capacity;
	}

	/**
	 * The batch the discriminator sees in place of {@code fake}
	 * (N, C, H, W), detached, in {@code fake}'s manager.
	 *
	 * @param random the step's random numbers
	 */
	public NDArray query( final NDArray fake, final Random random )
	{
		final int n = ( int ) fake.getShape().get( 0 );
		final float[] all = fake.toFloatArray();
		final int size = all.length / n;
		final float[] out = new float[ all.length ];
		for ( int i = 0; i < n; i++ )
		{
			final float[] image = new float[ size ];
			System.arraycopy( all, i * size, image, 0, size );
			float[] chosen = image;
			if ( images.size() < capacity )
				images.add( image );
			else if ( random.nextBoolean() )
			{
				final int k = random.nextInt( capacity );
				chosen = images.get( k );
				images.set( k, image );
			}
			System.arraycopy( chosen, 0, out, i * size, size );
		}
		return fake.getManager().create( out, fake.getShape() );
	}

	/** Writes the stored images. */
	public void save( final DataOutputStream out ) throws IOException
	{
		out.writeInt( images.size() );
		for ( final float[] image : images )
		{
			out.writeInt( image.length );
			for ( final float v : image )
				out.writeFloat( v );
		}
	}

	/** Reads what {@link #save} wrote, replacing the stored images. */
	public void load( final DataInputStream in ) throws IOException
	{
		images.clear();
		final int n = in.readInt();
		for ( int i = 0; i < n; i++ )
		{
			final float[] image = new float[ in.readInt() ];
			for ( int k = 0; k < image.length; k++ )
				image[ k ] = in.readFloat();
			images.add( image );
		}
	}
}
