package sc.fiji.restoregan.train;

import java.util.Random;

import sc.fiji.restoregan.simulate.PhantomGenerator;

/** Clean regions from {@link PhantomGenerator}, a fresh phantom per region. */
public final class PhantomSource implements CleanSource
{
	@Override
	public float[] next( final Random rnd, final int size )
	{
		return new PhantomGenerator( size, size ).generate( rnd.nextLong() );
	}

	@Override
	public String describe()
	{
		return "built-in phantoms (nuclei-like ellipses, blobs, filaments)";
	}
}
