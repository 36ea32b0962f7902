import java.nio.file.Paths;
import java.util.*;

import ai.djl.Device;

import sc.fiji.restoregan.baseline.DegradedPlane;
import sc.fiji.restoregan.bench.*;
import sc.fiji.restoregan.model.*;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.pipeline.RestoreOptions;

/**
 * Whether the weighted mean of two models' outputs beats each of them on a
 * task's benchmark (docs/decisions.md, "Lighting": the shipped model and the
 * one trained from scratch with the fitted surfaces). Not part of the build;
 * from the repository root, after {@code mvn -B -o package -DskipTests}:
 *
 * <pre>
 * javac -cp "target/classes:target/lib/*" -d /tmp/probes training/probes/ModelPairMean.java
 * java -cp "/tmp/probes:target/classes:target/lib/*" ModelPairMean lighting 256 8 models/lighting training/lighting-scratch runs/baseline-cache.json
 * </pre>
 *
 * Arguments: the task, the crop size (as {@code quality --max-size}), the
 * self-ensemble, the two models, and a baseline cache (as
 * {@code quality --baseline-cache}; it is written when absent). The real
 * images of {@code ../shared/data/real} at the benchmark's levels and seed
 * (1, as {@code quality}); blobs, membranes and camera held out. Prints each
 * model's and each mean's gain over the best classical method, over all
 * cases and over the held-out ones.
 */
public class ModelPairMean {
  public static void main(String[] a) throws Exception {
    BenchmarkTask task = BenchmarkTask.parse(a[0]);
    int size = Integer.parseInt(a[1]), ensemble = Integer.parseInt(a[2]);
    StoredModel first = ModelRegistry.load(a[3]).alone(), second = ModelRegistry.load(a[4]).alone(); // each network alone, whatever partner its card names
    List<BenchmarkImages.Item> items = BenchmarkImages.load(Paths.get("../shared/data/real"), size, Set.of());
    RestorationBenchmark benchmark = new RestorationBenchmark(task, 1).cache(BaselineCache.open(Paths.get(a[5])));
    try (BenchmarkNetworks nets = BenchmarkNetworks.open(task, first, null, List.of(0.0), RestoreOptions.defaults().withEnsemble(ensemble), Device.cpu())) {
      nets.add(task, "second", second, Device.cpu());
      PlaneRestorer one = nets.restorers().get(RestorationBenchmark.realismKey(0)), two = nets.restorers().get("second");
      float[][] last = new float[2][];
      Map<String, PlaneRestorer> measured = new LinkedHashMap<>();
      measured.put("first", plane(p -> last[0] = one.restore(p)));
      measured.put("second", plane(p -> last[1] = two.restore(p)));
      for (double w : new double[] {0.3, 0.5, 0.7})
        measured.put("mean, second weighing " + w, plane(p -> {
          float[] o = new float[last[0].length];
          for (int i = 0; i < o.length; i++) o[i] = (float) ((1 - w) * last[0][i] + w * last[1][i]);
          return o;
        }));
      List<String> baselines = task.baselines().stream().map(b -> b.name()).toList();
      List<RestorationBenchmark.Case> cases = benchmark.run(items, List.of(), Set.of("blobs.tif", "membranes.tif", "camera.png"), measured, Progress.NONE);
      for (String k : measured.keySet()) {
        double all = 0, held = 0; int n = 0, nh = 0;
        for (RestorationBenchmark.Case c : cases) {
          double gain = c.methods().get(k).psnr() - c.methods().get(c.best(baselines)).psnr();
          all += gain; n++;
          if (c.heldOut()) { held += gain; nh++; }
        }
        System.out.printf(Locale.ROOT, "%s: all %+.2f dB (%d cases), held-out %+.2f (%d)%n", k, all / n, n, held / nh, nh);
      }
    }
  }

  /** A restorer of degraded planes only (the benchmark passes what it knows of each). */
  private static PlaneRestorer plane(java.util.function.Function<DegradedPlane, float[]> f) {
    return new PlaneRestorer() {
      public float[] restore(float[] x, int w, int h) { throw new UnsupportedOperationException(); }
      public float[] restore(DegradedPlane p) { return f.apply(p); }
    };
  }
}
