import java.nio.file.Paths;
import java.util.*;
import java.util.function.ToDoubleFunction;

import ai.djl.Device;

import sc.fiji.restoregan.baseline.*;
import sc.fiji.restoregan.bench.*;
import sc.fiji.restoregan.degrade.Lighting;
import sc.fiji.restoregan.metrics.Psnr;
import sc.fiji.restoregan.model.*;
import sc.fiji.restoregan.pipeline.RestoreOptions;

/**
 * How far the lighting benchmark's bar is from a method told the truth
 * about the light: each case's illumination field, dimming and gamma (the
 * field drawn again from the benchmark's own seed), so that only the noise
 * is left to remove (training/README.md, twenty-fourth session). Not part
 * of the build; from the repository root, after
 * {@code mvn -B -o package -DskipTests}:
 *
 * <pre>
 * javac -cp "target/classes:target/lib/*" -d /tmp/probes training/probes/LightingCeiling.java
 * java -cp "/tmp/probes:target/classes:target/lib/*" LightingCeiling 256 8 models/denoise runs/baseline-cache.json
 * </pre>
 *
 * Arguments: the crop size (as {@code quality --max-size}), the denoiser's
 * self-ensemble, the denoiser, a baseline cache (as {@code quality
 * --baseline-cache}). The real images of {@code ../shared/data/real} at the
 * lighting benchmark's levels and seed (1); blobs, membranes and camera held
 * out. Prints, over all cases, the held-out ones and each level, the gain
 * over flat-field + the best classical denoiser (the benchmark's baseline,
 * oracle-tuned) of:
 * <ul>
 * <li>the light undone exactly ({@code max(0, y)^(1/gamma) / (dimming *
 * field)}), no denoising;</li>
 * <li>the light undone exactly, then the best classical denoiser
 * (oracle-tuned as the baseline's);</li>
 * <li>the light undone exactly, then the denoiser;</li>
 * <li>the gamma undone exactly, the denoiser, then the field divided out
 * (the denoiser sees Poisson-Gaussian noise on a dimmed image, what it was
 * trained on);</li>
 * <li>flat-field division at the baseline's best sigma (oracle-chosen
 * among 20, 40, 80), then the denoiser: the classical pipeline with the
 * shipped denoiser in it, told nothing.</li>
 * </ul>
 */
public class LightingCeiling {
  public static void main(String[] a) throws Exception {
    BenchmarkTask task = BenchmarkTask.LIGHTING;
    int size = Integer.parseInt(a[0]), ensemble = Integer.parseInt(a[1]);
    long seed = 1;
    List<BenchmarkImages.Item> items = BenchmarkImages.load(Paths.get("../shared/data/real"), size, Set.of());
    Set<String> heldOut = Set.of("blobs.tif", "membranes.tif", "camera.png");
    RestorationBenchmark benchmark = new RestorationBenchmark(task, seed).cache(BaselineCache.open(Paths.get(a[3])));
    try (BenchmarkNetworks nets = BenchmarkNetworks.open(BenchmarkTask.DENOISE, ModelRegistry.load(a[2]).alone(), null, List.of(0.0),
        RestoreOptions.defaults().withEnsemble(ensemble), Device.cpu())) {
      PlaneRestorer denoiser = nets.restorers().get(RestorationBenchmark.realismKey(0));
      Map<String, double[]> sums = new LinkedHashMap<>();
      for (BenchmarkImages.Item item : items) {
        boolean held = heldOut.contains(item.name().replaceAll("#.*", ""));
        for (DegradationLevel level : task.levels()) {
          Lighting light = (Lighting) level.degradation();
          int w = item.width(), h = item.height();
          float[] field = light.field().generate(w, h, light.minimum(), benchmark.degradationRandom(item, level));
          float[] clean = item.pixels();
          ToDoubleFunction<float[]> score = out -> Psnr.compute(clean, benchmark.comparable(out, clean), w, h, 1.0);
          Map<String, PlaneRestorer> measured = new LinkedHashMap<>();
          measured.put("light undone", ProbeScores.plane(p -> unlit(linear(p.pixels(), light), field, light)));
          measured.put("light undone, then best classical denoiser", ProbeScores.plane(p -> {
            float[] x = unlit(linear(p.pixels(), light), field, light);
            Tuned local = ClassicalDenoisers.bestLocal(x, w, h, score), nlm = NonLocalMeans.best(x, w, h, score);
            return (nlm.score() > local.score() ? nlm : local).image();
          }));
          measured.put("light undone, then denoiser", ProbeScores.plane(p -> denoiser.restore(unlit(linear(p.pixels(), light), field, light), w, h)));
          measured.put("gamma undone, denoiser, field divided", ProbeScores.plane(p -> unlit(denoiser.restore(linear(p.pixels(), light), w, h), field, light)));
          measured.put("field undone, gamma kept, then denoiser", ProbeScores.plane(p -> {
            float[] x = p.pixels().clone();
            for (int i = 0; i < x.length; i++) x[i] = (float) (x[i] / Math.pow(light.dimming() * field[i], light.gamma()));
            return denoiser.restore(x, w, h);
          }));
          measured.put("light undone with the field's contrast a fifth low, then denoiser", ProbeScores.plane(p -> {
            float[] f = field.clone();
            for (int i = 0; i < f.length; i++) f[i] = (float) Math.pow(f[i], 0.8);
            return denoiser.restore(unlit(linear(p.pixels(), light), f, light), w, h);
          }));
          measured.put("flat-field (best sigma), then denoiser", ProbeScores.plane(p -> {
            float[] best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (double sigma : FlatField.SIGMAS) {
              float[] out = denoiser.restore(FlatField.correct(p.pixels(), w, h, sigma), w, h);
              double s = score.applyAsDouble(out);
              if (s > bestScore) {
                bestScore = s;
                best = out;
              }
            }
            return best;
          }));
          RestorationBenchmark.Case c = benchmark.measure(item, level, held, false, task.baselines(), measured);
          double base = c.methods().get(c.best(task.baselines().stream().map(b -> b.name()).toList())).psnr();
          for (String k : measured.keySet()) {
            double gain = c.methods().get(k).psnr() - base;
            for (String group : List.of("all", held ? "held-out" : "trained-on", level.name())) {
              double[] s = sums.computeIfAbsent(k + " | " + group, x -> new double[2]);
              s[0] += gain;
              s[1]++;
            }
          }
          System.out.printf(Locale.ROOT, "%s %s: baseline %.2f, light undone then denoiser %+.2f%n", item.name(), level.name(), base,
              c.methods().get("light undone, then denoiser").psnr() - base);
        }
      }
      sums.forEach((k, s) -> System.out.printf(Locale.ROOT, "%s: %+.3f dB (%d cases)%n", k, s[0] / s[1], (int) s[1]));
    }
  }

  /** The degraded plane with its gamma undone: what the camera counted. */
  private static float[] linear(float[] y, Lighting light) {
    float[] x = new float[y.length];
    for (int i = 0; i < x.length; i++) x[i] = (float) Math.pow(Math.max(0, y[i]), 1 / light.gamma());
    return x;
  }

  /** A linear plane divided by the light that fell on it. */
  private static float[] unlit(float[] x, float[] field, Lighting light) {
    float[] o = new float[x.length];
    for (int i = 0; i < o.length; i++) o[i] = (float) (x[i] / (light.dimming() * field[i]));
    return o;
  }
}
