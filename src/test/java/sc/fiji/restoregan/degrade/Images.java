package sc.fiji.restoregan.degrade;

import java.util.Arrays;

import sc.fiji.restoregan.simulate.MicroscopyScene;

/** Small helpers shared by the degradation tests. */
final class Images
{
	private Images()
	{}

	/** A constant image. */
	static float[] flat( final int n, final float value )
	{
		final float[] a = new float[ n ];
		Arrays.fill( a, value );
		return a;
	}

	/** A simulated 2D scene of the default content. */
	static float[] scene( final int size, final long seed )
	{
		return MicroscopyScene.of2d( size, size ).generate( seed );
	}

	static double mean( final float[] a )
	{
		double s = 0;
		for ( final float v : a )
			s += v;
		return s / a.length;
	}

	static double variance( final float[] a )
	{
		final double m = mean( a );
		double s = 0;
		for ( final float v : a )
			s += ( v - m ) * ( v - m );
		return s / ( a.length - 1 );
	}

	static double sum( final float[] a )
	{
		double s = 0;
		for ( final float v : a )
			s += v;
		return s;
	}

	static boolean allFinite( final float[] a )
	{
		for ( final float v : a )
			if ( !Float.isFinite( v ) )
				return false;
		return true;
	}
}
