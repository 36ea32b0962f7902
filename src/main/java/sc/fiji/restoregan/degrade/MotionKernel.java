package sc.fiji.restoregan.degrade;

/**
 * The blur kernel of a {@link MotionTrajectory}: the first
 * {@code exposure * steps} positions splatted bilinearly onto the pixel
 * grid (DeblurGAN's "triangle" splatting), normalised to sum 1.
 * <p>
 * Two decisions differ from DeblurGAN's {@code generate_PSF.py} and
 * {@code blur_image.py}: the kernel sums to 1 (DeblurGAN min-max normalises
 * kernel and result, which changes the brightness), and its centre of mass
 * lies at the kernel centre (DeblurGAN centres the bounding box), so a blurred
 * image is not shifted against its sharp target.
 * </p>
 */
public final class MotionKernel
{
	/** Documented exposure fractions (DeblurGAN keeps the PSFs at 1/10, 1/2 and 1 of the exposure). */
	public static final Range EXPOSURE = Range.uniform( 0.1, 1 );

	private MotionKernel()
	{}

	/**
	 * The kernel of the first part of a trajectory.
	 *
	 * @param trajectory camera positions, px
	 * @param exposure fraction of the trajectory the shutter is open for, in
	 *            (0, 1]
	 */
	public static Kernel of( final MotionTrajectory trajectory, final double exposure )
	{
		if ( !( exposure > 0 && exposure <= 1 ) )
			throw new IllegalArgumentException( "Exposure must be in (0, 1], not " + exposure );
		final int n = Math.max( 1, ( int ) Math.round( exposure * trajectory.length() ) );
		final double[] x = trajectory.x(), y = trajectory.y();
		double cx = 0, cy = 0;
		for ( int t = 0; t < n; t++ )
		{
			cx += x[ t ];
			cy += y[ t ];
		}
		cx /= n;
		cy /= n;
		double extent = 0;
		for ( int t = 0; t < n; t++ )
			extent = Math.max( extent, Math.max( Math.abs( x[ t ] - cx ), Math.abs( y[ t ] - cy ) ) );
		final int r = ( int ) Math.ceil( extent ) + 1, side = 2 * r + 1;
		final float[] w = new float[ side * side ];
		for ( int t = 0; t < n; t++ )
		{
			final double px = x[ t ] - cx + r, py = y[ t ] - cy + r;
			final int x0 = ( int ) Math.floor( px ), y0 = ( int ) Math.floor( py );
			final double fx = px - x0, fy = py - y0;
			w[ y0 * side + x0 ] += ( float ) ( ( 1 - fx ) * ( 1 - fy ) );
			w[ y0 * side + x0 + 1 ] += ( float ) ( fx * ( 1 - fy ) );
			w[ ( y0 + 1 ) * side + x0 ] += ( float ) ( ( 1 - fx ) * fy );
			w[ ( y0 + 1 ) * side + x0 + 1 ] += ( float ) ( fx * fy );
		}
		return new Kernel( w, r ).normalized();
	}
}
