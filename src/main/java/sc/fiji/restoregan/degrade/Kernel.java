package sc.fiji.restoregan.degrade;

import java.util.Arrays;

/**
 * A square convolution kernel (point-spread function) of odd side
 * {@code 2 * radius + 1}, row-major, centred on its middle element.
 *
 * @param weights {@code (2 radius + 1)^2} values, row-major
 * @param radius half the side, at least 0
 */
public record Kernel( float[] weights, int radius )
{
	/** Checks the size. */
	public Kernel
	{
		if ( radius < 0 || weights.length != side( radius ) * side( radius ) )
			throw new IllegalArgumentException( "A kernel of radius " + radius + " needs " + side( radius ) * side( radius ) + " weights, not " + weights.length );
	}

	private static int side( final int radius )
	{
		return 2 * radius + 1;
	}

	/** The side length, {@code 2 * radius + 1}. */
	public int side()
	{
		return side( radius );
	}

	/** The weight at offset {@code (dx, dy)} from the centre, each in {@code [-radius, radius]}. */
	public float at( final int dx, final int dy )
	{
		return weights[ ( dy + radius ) * side() + dx + radius ];
	}

	/** The sum of the weights (1 for a normalised kernel). */
	public double sum()
	{
		double s = 0;
		for ( final float w : weights )
			s += w;
		return s;
	}

	/**
	 * This kernel scaled to sum 1, so blurring conserves total intensity.
	 *
	 * @throws IllegalArgumentException if the weights sum to zero or less
	 */
	public Kernel normalized()
	{
		final double s = sum();
		if ( !( s > 0 ) )
			throw new IllegalArgumentException( "Kernel weights sum to " + s );
		final float[] w = Arrays.copyOf( weights, weights.length );
		for ( int i = 0; i < w.length; i++ )
			w[ i ] /= s;
		return new Kernel( w, radius );
	}

	/** The one-element identity kernel. */
	public static Kernel identity()
	{
		return new Kernel( new float[] { 1 }, 0 );
	}
}
