package sc.fiji.restoregan.train;

import java.util.Random;

import sc.fiji.restoregan.simulate.MicroscopyScene;
import sc.fiji.restoregan.simulate.SceneContent;

/**
 * Clean regions from {@link MicroscopyScene}: a fresh 2D scene per region,
 * with content drawn by {@link SceneContent#random(Random)}.
 */
public final class MicroscopySceneSource implements CleanSource
{
	@Override
	public float[] next( final Random rnd, final int size )
	{
		return new MicroscopyScene( size, size, 1, SceneContent.random( rnd ) ).generate( rnd.nextLong() );
	}

	@Override
	public String describe()
	{
		return "simulated microscopy scenes (background, nuclei, membranes, filaments, puncta, vesicles; random content)";
	}
}
