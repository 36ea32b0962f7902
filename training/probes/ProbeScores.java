import java.nio.file.Paths;
import java.util.*;
import java.util.function.Function;

import sc.fiji.restoregan.baseline.DegradedPlane;
import sc.fiji.restoregan.bench.*;
import ai.djl.Device;
import sc.fiji.restoregan.model.ModelRegistry;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.pipeline.RestoreOptions;

/**
 * What the probes of this folder share: the real images of
 * {@code ../shared/data/real} at a task's benchmark levels and seed (1, as
 * {@code quality}), with blobs, membranes and camera held out, and each
 * measured restorer's gain over the best classical method. Compiled with
 * each probe ({@code javac ... training/probes/ProbeScores.java
 * training/probes/PROBE.java}); not part of the build.
 */
final class ProbeScores {
  private ProbeScores() {}

  /** Benchmarks {@code measured} (in order: a restorer may reuse an earlier one's output) and prints their gains; with {@code byLevel}, per level too. */
  static void run(BenchmarkTask task, int size, String cache, Map<String, PlaneRestorer> measured, boolean byLevel) throws Exception {
    List<String> baselines = task.baselines().stream().map(b -> b.name()).toList();
    List<RestorationBenchmark.Case> cases = cases(task, size, cache, measured);
    for (String k : measured.keySet()) {
      Map<String, double[]> levels = new TreeMap<>();
      double all = 0, held = 0;
      int n = 0, nh = 0;
      for (RestorationBenchmark.Case c : cases) {
        double gain = c.methods().get(k).psnr() - c.methods().get(c.best(baselines)).psnr();
        all += gain;
        n++;
        double[] s = levels.computeIfAbsent(c.level(), x -> new double[2]);
        s[0] += gain;
        s[1]++;
        if (c.heldOut()) {
          held += gain;
          nh++;
        }
      }
      System.out.printf(Locale.ROOT, "%s: all %+.3f dB (%d cases), held-out %+.3f (%d)%n", k, all / n, n, held / nh, nh);
      if (byLevel)
        levels.forEach((l, s) -> System.out.printf(Locale.ROOT, "   %s %+.3f%n", l, s[0] / s[1]));
    }
  }

  /** The benchmark's cases with {@code measured} scored among the baselines. */
  static List<RestorationBenchmark.Case> cases(BenchmarkTask task, int size, String cache, Map<String, PlaneRestorer> measured) throws Exception {
    List<BenchmarkImages.Item> items = BenchmarkImages.load(Paths.get("../shared/data/real"), size, Set.of());
    RestorationBenchmark benchmark = new RestorationBenchmark(task, 1).cache(BaselineCache.open(Paths.get(cache)));
    return benchmark.run(items, List.of(), Set.of("blobs.tif", "membranes.tif", "camera.png"), measured, Progress.NONE);
  }

  /** Each measured restorer's mean gain over the best baseline, per image (planes apart). */
  static void byImage(BenchmarkTask task, List<RestorationBenchmark.Case> cases, Collection<String> measured) {
    List<String> baselines = task.baselines().stream().map(b -> b.name()).toList();
    Map<String, Map<String, double[]>> t = new TreeMap<>();
    for (RestorationBenchmark.Case c : cases)
      for (String k : measured) {
        double[] s = t.computeIfAbsent(c.image(), x -> new LinkedHashMap<>()).computeIfAbsent(k, x -> new double[2]);
        s[0] += c.methods().get(k).psnr() - c.methods().get(c.best(baselines)).psnr();
        s[1]++;
      }
    t.forEach((img, m) -> {
      StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-30s", img));
      m.forEach((k, s) -> b.append(String.format(Locale.ROOT, " %s %+.2f", k, s[0] / s[1])));
      System.out.println(b);
    });
  }

  /**
   * The model at {@code path} (alone, without its twin) opened at realism 0
   * with the default restore options and this self-ensemble, as the
   * benchmark runs it; close it when done.
   */
  static BenchmarkNetworks faithful(BenchmarkTask task, String path, int ensemble) throws Exception {
    RestoreOptions d = RestoreOptions.defaults();
    return BenchmarkNetworks.open(task, ModelRegistry.load(path).alone(), null, List.of(0.0), new RestoreOptions(d.tile(), d.overlap(), d.lowPercentile(), d.highPercentile(), ensemble), Device.cpu());
  }

  /** The realism-0 restorer of networks opened by {@link #faithful}. */
  static PlaneRestorer restorer(BenchmarkNetworks networks) {
    return networks.restorers().get(RestorationBenchmark.realismKey(0));
  }

  /** A restorer of degraded planes only (the benchmark passes what it knows of each). */
  static PlaneRestorer plane(Function<DegradedPlane, float[]> f) {
    return new PlaneRestorer() {
      public float[] restore(float[] x, int w, int h) { throw new UnsupportedOperationException(); }
      public float[] restore(DegradedPlane p) { return f.apply(p); }
    };
  }

  /** A variant of a network's output: from the noisy plane, the output and the variant's value. */
  interface Variant {
    float[] apply(DegradedPlane noisy, float[] output, double value);
  }

  /**
   * Restorers keyed {@code name + value}, one per value, that run {@code network} once per
   * plane (the first, since the benchmark measures them in order) and return the variant of
   * its output at their value.
   */
  static Map<String, PlaneRestorer> variants(PlaneRestorer network, String name, double[] values, Variant variant) {
    float[][] output = new float[1][];
    Map<String, PlaneRestorer> measured = new LinkedHashMap<>();
    for (double v : values)
      measured.put(name + v, plane(p -> {
        if (v == values[0]) output[0] = network.restore(p);
        return variant.apply(p, output[0], v);
      }));
    return measured;
  }

  /**
   * A probe of a model's output variants, from its arguments (task, crop size, self-ensemble,
   * model, baseline cache): each variant's gain over all cases and the held-out ones, and per
   * level, or with {@code byImage} per image instead.
   */
  static void runVariants(String[] a, String name, double[] values, Variant variant, boolean byImage) throws Exception {
    BenchmarkTask task = BenchmarkTask.parse(a[0]);
    int size = Integer.parseInt(a[1]);
    try (BenchmarkNetworks n = faithful(task, a[3], Integer.parseInt(a[2]))) {
      Map<String, PlaneRestorer> measured = variants(restorer(n), name, values, variant);
      if (byImage)
        byImage(task, cases(task, size, a[4], measured), measured.keySet());
      else
        run(task, size, a[4], measured, true);
    }
  }

  /** {@code (1 - w) a + w b}, pixel by pixel. */
  static float[] mix(float[] a, float[] b, double w) {
    float[] o = new float[a.length];
    for (int i = 0; i < o.length; i++) o[i] = (float) ((1 - w) * a[i] + w * b[i]);
    return o;
  }
}
