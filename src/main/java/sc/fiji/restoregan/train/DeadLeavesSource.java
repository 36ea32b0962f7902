package sc.fiji.restoregan.train;

import java.util.Random;

import sc.fiji.restoregan.simulate.DeadLeaves;

/** Clean regions from {@link DeadLeaves}: a fresh dead-leaves image per region. */
public final class DeadLeavesSource implements CleanSource
{
	@Override
	public float[] next( final Random rnd, final int size )
	{
		return DeadLeaves.generate( rnd, size );
	}

	@Override
	public String describe()
	{
		return "dead leaves (disks of random grey, radii ~ r^-3, gentle shading and blur)";
	}
}
