package sc.fiji.restoregan.nn;

/**
 * One single-channel tile on its way into a network.
 *
 * @param data row-major values, X fastest
 * @param height rows
 * @param width columns
 */
public record Tile( float[] data, int height, int width )
{}
