import java.util.*;

import ai.djl.Device;

import sc.fiji.restoregan.bench.*;
import sc.fiji.restoregan.model.*;
import sc.fiji.restoregan.pipeline.RestoreOptions;

/**
 * Whether the weighted mean of two models' outputs beats each of them on a
 * task's benchmark (docs/decisions.md, "Lighting": the shipped model and the
 * one trained from scratch with the fitted surfaces). Not part of the build;
 * from the repository root, after {@code mvn -B -o package -DskipTests}:
 *
 * <pre>
 * javac -cp "target/classes:target/lib/*" -d /tmp/probes training/probes/ProbeScores.java training/probes/ModelPairMean.java
 * java -cp "/tmp/probes:target/classes:target/lib/*" ModelPairMean lighting 256 8 models/lighting training/lighting-scratch runs/baseline-cache.json
 * </pre>
 *
 * Arguments: the task, the crop size (as {@code quality --max-size}), the
 * self-ensemble, the two models (each network alone, whatever partner its
 * card names; {@code pair:} before a name keeps its partner), and a baseline cache (as
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
    StoredModel first = load(a[3]), second = load(a[4]);
    try (BenchmarkNetworks nets = BenchmarkNetworks.open(task, first, null, List.of(0.0), RestoreOptions.defaults().withEnsemble(ensemble), Device.cpu())) {
      nets.add(task, "second", second, Device.cpu());
      PlaneRestorer one = nets.restorers().get(RestorationBenchmark.realismKey(0)), two = nets.restorers().get("second");
      float[][] last = new float[2][];
      Map<String, PlaneRestorer> measured = new LinkedHashMap<>();
      measured.put("first", ProbeScores.plane(p -> last[0] = one.restore(p)));
      measured.put("second", ProbeScores.plane(p -> last[1] = two.restore(p)));
      for (double w : new double[] {0.3, 0.5, 0.7})
        measured.put("mean, second weighing " + w, ProbeScores.plane(p -> ProbeScores.mix(last[0], last[1], w)));
      ProbeScores.run(task, size, a[5], measured, false);
    }
  }

  /** The model named, alone (whatever partner its card names), or with its partner after {@code pair:}. */
  private static StoredModel load(String name) {
    return name.startsWith("pair:") ? ModelRegistry.load(name.substring(5)) : ModelRegistry.load(name).alone();
  }
}
