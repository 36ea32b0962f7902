import java.util.*;
import ai.djl.Device;
import sc.fiji.restoregan.bench.*;
import sc.fiji.restoregan.model.*;
import sc.fiji.restoregan.pipeline.RestoreOptions;

/**
 * Whether a second model run on a first model's output improves it: the
 * lighting model followed by the shipped denoiser (training/README.md,
 * twenty-third session). Not part of the build; from the repository root,
 * after {@code mvn -B -o package -DskipTests}:
 *
 * <pre>
 * javac -cp "target/classes:target/lib/*" -d /tmp/probes training/probes/ProbeScores.java training/probes/Cascade.java
 * java -cp "/tmp/probes:target/classes:target/lib/*" Cascade lighting 256 8 models/lighting-gradients models/denoise runs/baseline-cache.json
 * </pre>
 *
 * Arguments: the task, the crop size (as {@code quality --max-size}), the
 * self-ensemble of both models, the first model ({@code pair:} before it
 * keeps the partner its card names; without it the network runs alone), the
 * second model, a baseline cache (as {@code quality --baseline-cache}), and
 * optionally the second model's task (default denoise). The real images of
 * {@code ../shared/data/real} at the benchmark's levels and seed; blobs,
 * membranes and camera held out. Prints the gain over the best classical
 * method, over all cases, the held-out ones and each level, of the first
 * model alone, of the second run on its output, and of their means with the
 * second's correction weighed 0.5 and 0.75.
 */
public class Cascade {
  public static void main(String[] a) throws Exception {
    BenchmarkTask task = BenchmarkTask.parse(a[0]);
    int size = Integer.parseInt(a[1]), ensemble = Integer.parseInt(a[2]);
    StoredModel main = a[3].startsWith("pair:") ? ModelRegistry.load(a[3].substring(5)) : ModelRegistry.load(a[3]).alone(), pre = ModelRegistry.load(a[4]).alone();
    try (BenchmarkNetworks nets = BenchmarkNetworks.open(task, main, null, List.of(0.0), RestoreOptions.defaults().withEnsemble(ensemble), Device.cpu())) {
      nets.add(BenchmarkTask.parse(a.length > 6 ? a[6] : "denoise"), "pre", pre, Device.cpu());
      PlaneRestorer m = nets.restorers().get(RestorationBenchmark.realismKey(0)), p = nets.restorers().get("pre");
      Map<String, PlaneRestorer> measured = new LinkedHashMap<>();
      measured.put("main", ProbeScores.plane(d -> m.restore(d)));
      float[][] last = new float[2][];
      measured.put("main then pre", ProbeScores.plane(d -> { last[0] = m.restore(d); return last[1] = p.restore(last[0], d.width(), d.height()); }));
      for (double w : new double[] {0.5, 0.75})
        measured.put("main + " + w + " * (pre - main)", ProbeScores.plane(d -> ProbeScores.mix(last[0], last[1], w)));
      ProbeScores.run(task, size, a[5], measured, true);
    }
  }
}
