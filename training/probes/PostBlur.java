import sc.fiji.restoregan.filter.GaussianBlur;

/**
 * Whether a denoiser leaves noise that a light Gaussian would still remove:
 * its output blurred at a few sigmas, per image. An image where a blur wins
 * is one where the network under-smooths. Not part of the build; from the
 * repository root:
 *
 * <pre>
 * javac -cp "target/classes:target/lib/*" -d /tmp/probes training/probes/ProbeScores.java training/probes/PostBlur.java
 * java -cp "/tmp/probes:target/classes:target/lib/*" PostBlur denoise 512 1 models/denoise runs/baseline-cache.json
 * </pre>
 */
public class PostBlur {
  static final double[] SIGMAS = {0, 0.5, 0.75, 1.0, 1.5};

  public static void main(String[] a) throws Exception {
    ProbeScores.runVariants(a, "s", SIGMAS, (p, o, s) -> s == 0 ? o : GaussianBlur.blur(o, p.width(), p.height(), s), true);
  }
}
