import java.nio.file.*;
import java.util.*;

import ai.djl.Device;
import ij.ImagePlus;
import ij.IJ;
import ij.process.FloatProcessor;

import sc.fiji.restoregan.bench.*;
import sc.fiji.restoregan.degrade.Lighting;
import sc.fiji.restoregan.illumination.IlluminationEstimator;
import sc.fiji.restoregan.metrics.Psnr;
import sc.fiji.restoregan.model.*;

/**
 * Where the lighting estimators go wrong, case by case, on the lighting
 * benchmark's real images (training/README.md, twenty-sixth session): for
 * each case, the true and estimated gamma, the RMS error of the estimated
 * log field against the true one (both in the degraded plane's domain,
 * {@code gamma * log field}, less their means), and the PSNR (after the
 * affine fit) of the plane corrected with the estimates and with the truth,
 * neither denoised. Not part of the build; from the repository root, after
 * {@code mvn -B -o package -DskipTests}:
 *
 * <pre>
 * javac -cp "target/classes:target/lib/*" -d /tmp/probes training/probes/LightingCases.java
 * java -cp "/tmp/probes:target/classes:target/lib/*" LightingCases models/lighting 256 [dump-folder]
 * </pre>
 */
public class LightingCases {
  /**
   * One case of the lighting benchmark, degraded as {@code quality} degrades it.
   *
   * @param trueLog the field the degraded plane shows, {@code gamma * log field}, less its mean
   */
  record LitCase(BenchmarkImages.Item item, DegradationLevel level, Lighting light, float[] degraded, float[] trueLog) {
    int w() { return item.width(); }
    int h() { return item.height(); }
    float[] clean() { return item.pixels(); }
  }

  /** The benchmark's real images at each lighting level (seed 1), then {@code scenes} simulated scenes (seed 1000, as {@code quality}). */
  static List<LitCase> cases(int size, int scenes) throws Exception {
    RestorationBenchmark benchmark = new RestorationBenchmark(BenchmarkTask.LIGHTING, 1);
    List<BenchmarkImages.Item> items = new ArrayList<>(BenchmarkImages.load(Paths.get("../shared/data/real"), size, Set.of()));
    items.addAll(BenchmarkImages.scenes(scenes, size, 1000));
    List<LitCase> cases = new ArrayList<>();
    for (BenchmarkImages.Item item : items)
      for (DegradationLevel level : BenchmarkTask.LIGHTING.levels()) {
        Lighting light = (Lighting) level.degradation();
        int w = item.width(), h = item.height();
        float[] field = light.field().generate(w, h, light.minimum(), benchmark.degradationRandom(item, level));
        float[] trueLog = new float[w * h];
        for (int i = 0; i < trueLog.length; i++) trueLog[i] = (float) (light.gamma() * Math.log(field[i]));
        centre(trueLog);
        cases.add(new LitCase(item, level, light, light.apply(item.pixels(), w, h, benchmark.degradationRandom(item, level)), trueLog));
      }
    return cases;
  }

  public static void main(String[] a) throws Exception {
    RestorationBenchmark benchmark = new RestorationBenchmark(BenchmarkTask.LIGHTING, 1);
    Path dump = a.length > 2 ? Paths.get(a[2]) : null;
    try (IlluminationEstimator est = ModelRegistry.load(a[0]).illumination().open(Device.cpu())) {
      for (LitCase c : cases(Integer.parseInt(a[1]), 2)) {
        int w = c.w(), h = c.h();
        float[] clean = c.clean(), degraded = c.degraded(), trueLog = c.trueLog();
        float[] estLog = est.logField(degraded, w, h);
        double g = est.gamma(degraded, w, h);
        float[] byEst = IlluminationEstimator.apply(degraded, estLog, g);
        float[] byTruth = IlluminationEstimator.apply(degraded, trueLog, c.light().gamma());
        float[] byEstFieldTrueGamma = IlluminationEstimator.apply(degraded, estLog, c.light().gamma());
        double pIn = Psnr.compute(clean, benchmark.comparable(degraded, clean), w, h, 1);
        double pEst = Psnr.compute(clean, benchmark.comparable(byEst, clean), w, h, 1);
        double pTruth = Psnr.compute(clean, benchmark.comparable(byTruth, clean), w, h, 1);
        double pEF = Psnr.compute(clean, benchmark.comparable(byEstFieldTrueGamma, clean), w, h, 1);
        System.out.printf(Locale.ROOT, "%-32s %-20s gamma %.2f est %.2f | log-field rms %.3f (true sd %.3f) | psnr in %.2f est %.2f est-field+true-gamma %.2f truth %.2f%n",
            c.item().name(), c.level().name(), c.light().gamma(), g, rms(estLog, trueLog), rms(trueLog, new float[trueLog.length]), pIn, pEst, pEF, pTruth);
        if (dump != null) {
          Files.createDirectories(dump);
          String base = dump.resolve(c.item().name().replaceAll("[^A-Za-z0-9]", "_") + "-" + c.level().name()).toString();
          save(clean, w, h, base + "-clean.png");
          save(degraded, w, h, base + "-degraded.png");
          save(benchmark.comparable(byEst, clean), w, h, base + "-est.png");
          save(benchmark.comparable(byTruth, clean), w, h, base + "-truth.png");
          save(estLog, w, h, base + "-estlog.png");
          save(trueLog, w, h, base + "-truelog.png");
        }
      }
    }
  }

  /** The root mean square of {@code x - y}. */
  static double rms(float[] x, float[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) s += (x[i] - y[i]) * (double) (x[i] - y[i]);
    return Math.sqrt(s / x.length);
  }

  static void centre(float[] x) {
    double m = 0;
    for (float v : x) m += v;
    m /= x.length;
    for (int i = 0; i < x.length; i++) x[i] -= m;
  }

  static void save(float[] x, int w, int h, String file) {
    FloatProcessor fp = new FloatProcessor(w, h, x.clone());
    fp.resetMinAndMax();
    new ij.io.FileSaver(new ImagePlus("", fp.convertToByte(true))).saveAsPng(file);
  }
}
