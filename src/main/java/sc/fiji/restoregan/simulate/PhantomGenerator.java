package sc.fiji.restoregan.simulate;

import java.util.Random;

/**
 * Simple seeded fluorescence-like scenes for training: a smooth dim
 * background, nuclei-like textured ellipses with soft edges, small Gaussian
 * blobs and thin smooth filaments. Values are in [0, 1] with the brightest
 * pixel at 1. The same seed always gives the same image.
 */
public final class PhantomGenerator
{
	private final int width;

	private final int height;

	/**
	 * @param width image width in pixels
	 * @param height image height in pixels
	 */
	public PhantomGenerator( final int width, final int height )
	{
		this.width = width;
		this.height = height;
	}

	/** A new phantom, row-major, for the given seed. */
	public float[] generate( final long seed )
	{
		final Random rnd = new Random( seed );
		final float[] img = new float[ width * height ];
		background( img, rnd );
		final int nuclei = rnd.nextInt( 12 );
		for ( int i = 0; i < nuclei; i++ )
			nucleus( img, rnd );
		final int blobs = rnd.nextInt( 40 );
		for ( int i = 0; i < blobs; i++ )
			blob( img, rnd );
		final int filaments = rnd.nextInt( 10 );
		for ( int i = 0; i < filaments; i++ )
			filament( img, rnd );
		float max = 0;
		for ( final float v : img )
			max = Math.max( max, v );
		if ( max > 0 )
			for ( int i = 0; i < img.length; i++ )
				img[ i ] /= max;
		return img;
	}

	private void background( final float[] img, final Random rnd )
	{
		final double level = 0.15 * rnd.nextDouble();
		final double gx = ( rnd.nextDouble() - 0.5 ) * 0.1 / width, gy = ( rnd.nextDouble() - 0.5 ) * 0.1 / height;
		for ( int y = 0; y < height; y++ )
			for ( int x = 0; x < width; x++ )
				img[ y * width + x ] = ( float ) Math.max( 0, level + gx * x + gy * y );
	}

	private void nucleus( final float[] img, final Random rnd )
	{
		final double cx = rnd.nextDouble() * width, cy = rnd.nextDouble() * height;
		final double a = 5 + 20 * rnd.nextDouble(), b = a * ( 0.5 + 0.5 * rnd.nextDouble() );
		final double angle = Math.PI * rnd.nextDouble(), cos = Math.cos( angle ), sin = Math.sin( angle );
		final double amp = 0.2 + 0.8 * rnd.nextDouble();
		final double fx = 0.1 + 0.5 * rnd.nextDouble(), fy = 0.1 + 0.5 * rnd.nextDouble(), phase = 2 * Math.PI * rnd.nextDouble();
		final double texture = 0.4 * rnd.nextDouble();
		final int r = ( int ) Math.ceil( a + 2 );
		for ( int y = Math.max( 0, ( int ) cy - r ); y < Math.min( height, ( int ) cy + r + 1 ); y++ )
			for ( int x = Math.max( 0, ( int ) cx - r ); x < Math.min( width, ( int ) cx + r + 1 ); x++ )
			{
				final double u = ( ( x - cx ) * cos + ( y - cy ) * sin ) / a;
				final double v = ( -( x - cx ) * sin + ( y - cy ) * cos ) / b;
				final double d = ( Math.sqrt( u * u + v * v ) - 1 ) * Math.min( a, b ); // signed distance, px
				final double edge = 1 / ( 1 + Math.exp( d / 0.8 ) );
				final double tex = 1 - texture * 0.5 * ( 1 + Math.sin( fx * x + phase ) * Math.sin( fy * y + phase * 0.7 ) );
				img[ y * width + x ] += ( float ) ( amp * edge * tex );
			}
	}

	private void blob( final float[] img, final Random rnd )
	{
		final double cx = rnd.nextDouble() * width, cy = rnd.nextDouble() * height;
		final double sigma = 0.7 + 3 * rnd.nextDouble(), amp = 0.2 + 0.8 * rnd.nextDouble();
		stamp( img, cx, cy, sigma, amp );
	}

	private void stamp( final float[] img, final double cx, final double cy, final double sigma, final double amp )
	{
		final int r = ( int ) Math.ceil( 3 * sigma );
		final double inv = 1 / ( 2 * sigma * sigma );
		for ( int y = Math.max( 0, ( int ) cy - r ); y < Math.min( height, ( int ) cy + r + 1 ); y++ )
			for ( int x = Math.max( 0, ( int ) cx - r ); x < Math.min( width, ( int ) cx + r + 1 ); x++ )
			{
				final double dx = x - cx, dy = y - cy;
				img[ y * width + x ] += ( float ) ( amp * Math.exp( -( dx * dx + dy * dy ) * inv ) );
			}
	}

	private void filament( final float[] img, final Random rnd )
	{
		double x = rnd.nextDouble() * width, y = rnd.nextDouble() * height;
		double angle = 2 * Math.PI * rnd.nextDouble();
		final double curvature = 0.15 * rnd.nextDouble();
		final double amp = 0.1 + 0.4 * rnd.nextDouble(), sigma = 0.6 + 0.8 * rnd.nextDouble();
		final int steps = ( int ) ( ( width + height ) * ( 0.3 + rnd.nextDouble() ) );
		for ( int s = 0; s < steps; s++ )
		{
			// stamps 0.5 px apart: a continuous line of about 2 * amp peak
			stamp( img, x, y, sigma, amp * 0.5 );
			angle += curvature * rnd.nextGaussian();
			x += 0.5 * Math.cos( angle );
			y += 0.5 * Math.sin( angle );
			if ( x < -5 || y < -5 || x > width + 5 || y > height + 5 )
				break;
		}
	}
}
