import java.util.*;
import sc.fiji.restoregan.bench.*;
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
    BenchmarkTask task = BenchmarkTask.parse(a[0]);
    int size = Integer.parseInt(a[1]), ensemble = Integer.parseInt(a[2]);
    BenchmarkNetworks n = ProbeScores.faithful(task, a[3], ensemble);
    PlaneRestorer r = ProbeScores.restorer(n);
    float[][] last = new float[1][];
    Map<String, PlaneRestorer> measured = new LinkedHashMap<>();
    for (double s : SIGMAS)
      measured.put("s" + s, ProbeScores.plane(p -> {
        if (s == SIGMAS[0]) return last[0] = r.restore(p);
        return GaussianBlur.blur(last[0], p.width(), p.height(), s);
      }));
    List<RestorationBenchmark.Case> cases = ProbeScores.cases(task, size, a[4], measured);
    ProbeScores.byImage(task, cases, measured.keySet());
    n.close();
  }
}
