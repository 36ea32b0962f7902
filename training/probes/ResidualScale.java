/**
 * Whether a denoiser misjudges each image's noise level: its output with the
 * removed residual scaled, {@code noisy - alpha (noisy - output)}, at fixed
 * alphas. If some alpha other than 1 wins on a level or image group, the
 * blind network removes too much or too little there, and telling it the
 * noise level could pay. The restorers are measured in order on each plane
 * (as {@code ProbeScores.run} does), so the first alpha runs the network and
 * the others reuse its output. Not part of the build; from the repository root:
 *
 * <pre>
 * javac -cp "target/classes:target/lib/*" -d /tmp/probes training/probes/ProbeScores.java training/probes/ResidualScale.java
 * java -cp "/tmp/probes:target/classes:target/lib/*" ResidualScale denoise 512 1 models/denoise runs/baseline-cache.json
 * </pre>
 */
public class ResidualScale {
  static final double[] ALPHAS = {0.9, 0.95, 1.0, 1.05, 1.1};

  public static void main(String[] a) throws Exception {
    ProbeScores.runVariants(a, "alpha ", ALPHAS, (p, out, al) -> {
      float[] x = p.pixels(), o = new float[out.length];
      for (int i = 0; i < o.length; i++) o[i] = (float) (x[i] - al * (x[i] - out[i]));
      return o;
    }, false);
  }
}
