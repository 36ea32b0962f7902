import java.nio.file.Paths;
import java.util.*;
import ai.djl.Device;
import sc.fiji.restoregan.baseline.DegradedPlane;
import sc.fiji.restoregan.bench.*;
import sc.fiji.restoregan.model.*;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.pipeline.RestoreOptions;

/**
 * Whether a second model run on a first model's output improves it: the
 * lighting model followed by the shipped denoiser (training/README.md,
 * twenty-third session). Not part of the build; from the repository root,
 * after {@code mvn -B -o package -DskipTests}:
 *
 * <pre>
 * javac -cp "target/classes:target/lib/*" -d /tmp/probes training/probes/Cascade.java
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
    List<BenchmarkImages.Item> items = BenchmarkImages.load(Paths.get("../shared/data/real"), size, Set.of());
    RestorationBenchmark benchmark = new RestorationBenchmark(task, 1).cache(BaselineCache.open(Paths.get(a[5])));
    try (BenchmarkNetworks nets = BenchmarkNetworks.open(task, main, null, List.of(0.0), RestoreOptions.defaults().withEnsemble(ensemble), Device.cpu())) {
      nets.add(BenchmarkTask.parse(a.length > 6 ? a[6] : "denoise"), "pre", pre, Device.cpu());
      PlaneRestorer m = nets.restorers().get(RestorationBenchmark.realismKey(0)), p = nets.restorers().get("pre");
      Map<String, PlaneRestorer> measured = new LinkedHashMap<>();
      measured.put("main", plane(d -> m.restore(d)));
      float[][] last = new float[2][];
      measured.put("main then pre", plane(d -> { last[0] = m.restore(d); return last[1] = p.restore(last[0], d.width(), d.height()); }));
      for (double w : new double[] {0.5, 0.75})
        measured.put("main + " + w + " * (pre - main)", plane(d -> {
          float[] o = new float[last[0].length];
          for (int i = 0; i < o.length; i++) o[i] = (float) (last[0][i] + w * (last[1][i] - last[0][i]));
          return o;
        }));
      List<String> baselines = task.baselines().stream().map(b -> b.name()).toList();
      List<RestorationBenchmark.Case> cases = benchmark.run(items, List.of(), Set.of("blobs.tif", "membranes.tif", "camera.png"), measured, Progress.NONE);
      for (String k : measured.keySet()) {
        Map<String, double[]> lv = new TreeMap<>();
        double all = 0, held = 0; int n = 0, nh = 0;
        for (RestorationBenchmark.Case c : cases) {
          double gain = c.methods().get(k).psnr() - c.methods().get(c.best(baselines)).psnr();
          all += gain; n++;
          double[] s = lv.computeIfAbsent(c.level(), x -> new double[2]); s[0] += gain; s[1]++;
          if (c.heldOut()) { held += gain; nh++; }
        }
        System.out.printf(Locale.ROOT, "%s: all %+.3f dB (%d cases), held-out %+.3f (%d)%n", k, all / n, n, held / nh, nh);
        lv.forEach((l, s) -> System.out.printf(Locale.ROOT, "   %s %+.3f%n", l, s[0] / s[1]));
      }
    }
  }
  private static PlaneRestorer plane(java.util.function.Function<DegradedPlane, float[]> f) {
    return new PlaneRestorer() {
      public float[] restore(float[] x, int w, int h) { throw new UnsupportedOperationException(); }
      public float[] restore(DegradedPlane p) { return f.apply(p); }
    };
  }
}
