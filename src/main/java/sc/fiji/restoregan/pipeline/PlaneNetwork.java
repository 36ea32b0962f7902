package sc.fiji.restoregan.pipeline;

import sc.fiji.restoregan.filter.ContextChannels;

/**
 * A network that maps one normalised single-channel 2D tile to its restored
 * version. Implementations own their native resources; tiles go in and come
 * out as row-major float arrays, so no tensor escapes the inference layer.
 */
public interface PlaneNetwork extends AutoCloseable
{
	/**
	 * Restores a tile.
	 *
	 * @param tile row-major values (X fastest), {@code height * width} of
	 *            them, followed by as many for each of the {@link #context()}
	 *            channels
	 * @param height rows, a multiple of {@link #blockSize()}
	 * @param width columns, a multiple of {@link #blockSize()}
	 * @return row-major output of {@code height * scale()} rows and
	 *         {@code width * scale()} columns
	 */
	float[] process( float[] tile, int height, int width );

	/**
	 * The context channels the network expects after the image in each tile,
	 * computed by the caller on the whole normalised plane; none by default.
	 */
	default ContextChannels context()
	{
		return ContextChannels.NONE;
	}

	/**
	 * The correction each whole plane gets before it is normalised and
	 * tiled for this network; {@link PlaneCorrection#NONE} by default.
	 */
	default PlaneCorrection correction()
	{
		return PlaneCorrection.NONE;
	}

	/** Output pixels per input pixel along X and Y (1 unless super-resolution). */
	default int scale()
	{
		return 1;
	}

	/** Tile sizes must be multiples of this (2 to the number of poolings). */
	int blockSize();

	/**
	 * Radius in input pixels beyond which an input pixel cannot change an
	 * output pixel (the receptive field's half-width, rounded up).
	 */
	int receptiveFieldRadius();

	/** The engine and device that run the network, for the log. */
	String describeDevice();

	@Override
	void close();
}
