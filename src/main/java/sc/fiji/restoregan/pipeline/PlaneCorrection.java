package sc.fiji.restoregan.pipeline;

/**
 * A stage that corrects each whole plane before it is normalised and tiled,
 * in the plane's own units: for example the illumination estimated from the
 * whole plane divided out ({@link sc.fiji.restoregan.illumination.IlluminationEstimator}).
 * Implementations may own native resources, freed by {@link #close()}.
 */
public interface PlaneCorrection extends AutoCloseable
{
	/** No correction: the plane goes to the network as it is. */
	PlaneCorrection NONE = new PlaneCorrection()
	{
		@Override
		public float[] correct( final float[] plane, final int width, final int height )
		{
			return plane;
		}

		@Override
		public String describe()
		{
			return "none";
		}

		@Override
		public void close()
		{}
	};

	/**
	 * The corrected plane.
	 *
	 * @param plane row-major values, X fastest; not changed
	 * @param width columns
	 * @param height rows
	 * @return {@code width * height} values in the plane's units
	 */
	float[] correct( float[] plane, int width, int height );

	/** What the correction does, for the log. */
	String describe();

	@Override
	void close();
}
