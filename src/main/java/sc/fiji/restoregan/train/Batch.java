package sc.fiji.restoregan.train;

/**
 * A batch of training pairs as NCHW float data (one channel).
 *
 * @param inputs degraded, normalised patches, {@code count * size * size}
 * @param targets clean patches under the same normalisation
 * @param count number of pairs
 * @param size patch side in pixels
 */
public record Batch( float[] inputs, float[] targets, int count, int size )
{}
