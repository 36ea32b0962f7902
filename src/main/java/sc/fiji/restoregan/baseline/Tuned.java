package sc.fiji.restoregan.baseline;

/**
 * A classical method's output at the setting that scored best.
 *
 * @param method the method, for example {@code gaussian}
 * @param setting the chosen setting, for example {@code sigma 1.5}
 * @param image the output, row-major, the reference's size
 * @param score the score of {@code image} (higher is better, for example
 *            PSNR against the clean image)
 */
public record Tuned( String method, String setting, float[] image, double score )
{}
