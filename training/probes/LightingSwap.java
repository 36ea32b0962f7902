import java.nio.file.Paths;
import java.util.*;

import ai.djl.Device;

import sc.fiji.restoregan.bench.*;
import sc.fiji.restoregan.filter.GaussianBlur;
import sc.fiji.restoregan.illumination.IlluminationEstimator;
import sc.fiji.restoregan.model.*;
import sc.fiji.restoregan.pipeline.RestoreOptions;

/**
 * Which of the lighting estimates costs the most (training/README.md,
 * twenty-sixth session): on the lighting benchmark's real images, the gain
 * over flat-field + the best classical denoiser (as {@code quality}) of the
 * plane corrected with the estimated or the true field and gamma, then the
 * shipped denoiser. Not part of the build; from the repository root, after
 * {@code mvn -B -o package -DskipTests}:
 *
 * <pre>
 * javac -cp "target/classes:target/lib/*" -d /tmp/probes training/probes/LightingSwap.java training/probes/LightingCases.java training/probes/ProbeScores.java
 * java -cp "/tmp/probes:target/classes:target/lib/*" LightingSwap models/lighting 256 1 runs/baseline-cache.json
 * </pre>
 *
 * Arguments: the lighting model, the crop size, the denoiser's
 * self-ensemble, a baseline cache, and optionally {@code estimates} to
 * measure, instead of the true light, ways of using the estimated field:
 * estimated again on the plane it corrects and added (half or all of it,
 * or twice), or, with a sixth argument {@code blur}, mixed with the log of
 * the plane blurred by sigma 80 px (flat-field's estimate). The benchmark's
 * two simulated scenes are scored apart ("simulated scenes").
 */
public class LightingSwap {
  public static void main(String[] a) throws Exception {
    BenchmarkTask task = BenchmarkTask.LIGHTING;
    int ensemble = Integer.parseInt(a[2]);
    Set<String> heldOut = Set.of("blobs.tif", "membranes.tif", "camera.png");
    RestorationBenchmark benchmark = new RestorationBenchmark(task, 1).cache(BaselineCache.open(Paths.get(a[3])));
    boolean estimatesOnly = a.length > 4 && a[4].equals("estimates");
    Map<String, double[]> sums = new LinkedHashMap<>();
    try (IlluminationEstimator est = ModelRegistry.load(a[0]).illumination().open(Device.cpu());
        BenchmarkNetworks nets = BenchmarkNetworks.open(BenchmarkTask.DENOISE, ModelRegistry.load("models/denoise").alone(), null, List.of(0.0),
            RestoreOptions.defaults().withEnsemble(ensemble), Device.cpu())) {
      PlaneRestorer denoiser = nets.restorers().get(RestorationBenchmark.realismKey(0));
      for (LightingCases.LitCase lit : LightingCases.cases(Integer.parseInt(a[1]), 2)) {
        boolean held = heldOut.contains(lit.item().name().replaceAll("#.*", "")), scene = lit.item().name().startsWith("scene-");
        int w = lit.w(), h = lit.h();
        float[] trueLog = lit.trueLog();
        double trueGamma = lit.light().gamma();
        Map<String, PlaneRestorer> measured = new LinkedHashMap<>();
        measured.put("estimated field, estimated gamma", ProbeScores.plane(p -> denoiser.restore(IlluminationEstimator.apply(p.pixels(), est.logField(p.pixels(), w, h), est.gamma(p.pixels(), w, h)), w, h)));
        if (estimatesOnly) {
          for (double again : new double[] {0.5, 1})
            measured.put("estimated field and " + again + " of it estimated again on the plane it corrects, estimated gamma", ProbeScores.plane(p -> {
              float[] once = est.logField(p.pixels(), w, h), second = est.logField(IlluminationEstimator.apply(p.pixels(), once, 1), w, h);
              for (int i = 0; i < once.length; i++) once[i] += again * second[i];
              return denoiser.restore(IlluminationEstimator.apply(p.pixels(), once, est.gamma(p.pixels(), w, h)), w, h);
            }));
          measured.put("estimated field, estimated again twice, estimated gamma", ProbeScores.plane(p -> {
            float[] f = est.logField(p.pixels(), w, h);
            for (int round = 0; round < 2; round++) {
              float[] more = est.logField(IlluminationEstimator.apply(p.pixels(), f, 1), w, h);
              for (int i = 0; i < f.length; i++) f[i] += more[i];
            }
            return denoiser.restore(IlluminationEstimator.apply(p.pixels(), f, est.gamma(p.pixels(), w, h)), w, h);
          }));
          if (a.length > 5) for (double share : new double[] {0.25, 0.5})
            measured.put("estimated field, " + share + " of it the log of the plane blurred by sigma 80, estimated gamma", ProbeScores.plane(p -> {
              float[] e = est.logField(p.pixels(), w, h), l = GaussianBlur.blur(p.pixels(), w, h, 80);
              for (int i = 0; i < l.length; i++) l[i] = (float) Math.log(Math.max(l[i], 1e-6));
              LightingCases.centre(l);
              for (int i = 0; i < e.length; i++) e[i] = (float) ((1 - share) * e[i] + share * l[i]);
              return denoiser.restore(IlluminationEstimator.apply(p.pixels(), e, est.gamma(p.pixels(), w, h)), w, h);
            }));
        } else {
          measured.put("true field, estimated gamma", ProbeScores.plane(p -> denoiser.restore(IlluminationEstimator.apply(p.pixels(), trueLog, est.gamma(p.pixels(), w, h)), w, h)));
          measured.put("estimated field, true gamma", ProbeScores.plane(p -> denoiser.restore(IlluminationEstimator.apply(p.pixels(), est.logField(p.pixels(), w, h), trueGamma), w, h)));
          measured.put("true field, true gamma", ProbeScores.plane(p -> denoiser.restore(IlluminationEstimator.apply(p.pixels(), trueLog, trueGamma), w, h)));
        }
        RestorationBenchmark.Case c = benchmark.measure(lit.item(), lit.level(), held, scene, task.baselines(), measured);
        double base = c.methods().get(c.best(task.baselines().stream().map(b -> b.name()).toList())).psnr();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-30s %-20s", lit.item().name(), lit.level().name()));
        for (String k : measured.keySet()) {
          double gain = c.methods().get(k).psnr() - base;
          line.append(String.format(Locale.ROOT, " %+6.2f", gain));
          for (String group : scene ? List.of("simulated scenes") : List.of("all", held ? "held-out" : "trained-on", lit.level().name())) {
            double[] s = sums.computeIfAbsent(k + " | " + group, x -> new double[2]);
            s[0] += gain;
            s[1]++;
          }
        }
        System.out.println(line);
      }
    }
    sums.forEach((k, s) -> System.out.printf(Locale.ROOT, "%s: %+.3f dB (%d cases)%n", k, s[0] / s[1], (int) s[1]));
  }
}
