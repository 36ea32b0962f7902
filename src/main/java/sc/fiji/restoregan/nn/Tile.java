package sc.fiji.restoregan.nn;

/**
 * One tile on its way into a network: the image's plane, then any context
 * planes.
 *
 * @param data row-major values, X fastest, {@code channels} planes one after the other
 * @param channels planes in {@code data}
 * @param height rows
 * @param width columns
 */
public record Tile( float[] data, int channels, int height, int width )
{}
