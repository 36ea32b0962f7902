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
  public static void main(String[] a) throws Exception {
    BenchmarkTask task = BenchmarkTask.LIGHTING;
    int size = Integer.parseInt(a[1]);
    RestorationBenchmark benchmark = new RestorationBenchmark(task, 1);
    List<BenchmarkImages.Item> items = new ArrayList<>(BenchmarkImages.load(Paths.get("../shared/data/real"), size, Set.of()));
    items.addAll(BenchmarkImages.scenes(2, size, 1000));
    Path dump = a.length > 2 ? Paths.get(a[2]) : null;
    try (IlluminationEstimator est = ModelRegistry.load(a[0]).illumination().open(Device.cpu())) {
      for (BenchmarkImages.Item item : items) {
        for (DegradationLevel level : task.levels()) {
          Lighting light = (Lighting) level.degradation();
          int w = item.width(), h = item.height();
          Random rnd = benchmark.degradationRandom(item, level);
          float[] field = light.field().generate(w, h, light.minimum(), benchmark.degradationRandom(item, level));
          float[] degraded = light.apply(item.pixels(), w, h, rnd);
          float[] clean = item.pixels();
          float[] trueLog = new float[w * h];
          for (int i = 0; i < trueLog.length; i++) trueLog[i] = (float) (light.gamma() * Math.log(field[i]));
          centre(trueLog);
          float[] estLog = est.logField(degraded, w, h);
          double g = est.gamma(degraded, w, h);
          double err = 0;
          for (int i = 0; i < trueLog.length; i++) err += (estLog[i] - trueLog[i]) * (double) (estLog[i] - trueLog[i]);
          float[] byEst = IlluminationEstimator.apply(degraded, estLog, g);
          float[] byTruth = IlluminationEstimator.apply(degraded, trueLog, light.gamma());
          float[] byEstFieldTrueGamma = IlluminationEstimator.apply(degraded, estLog, light.gamma());
          double pIn = Psnr.compute(clean, benchmark.comparable(degraded, clean), w, h, 1);
          double pEst = Psnr.compute(clean, benchmark.comparable(byEst, clean), w, h, 1);
          double pTruth = Psnr.compute(clean, benchmark.comparable(byTruth, clean), w, h, 1);
          double pEF = Psnr.compute(clean, benchmark.comparable(byEstFieldTrueGamma, clean), w, h, 1);
          System.out.printf(Locale.ROOT, "%-32s %-20s gamma %.2f est %.2f | log-field rms %.3f (true sd %.3f) | psnr in %.2f est %.2f est-field+true-gamma %.2f truth %.2f%n",
              item.name(), level.name(), light.gamma(), g, Math.sqrt(err / trueLog.length), Math.sqrt(sq(trueLog) / trueLog.length), pIn, pEst, pEF, pTruth);
          if (dump != null) {
            Files.createDirectories(dump);
            String base = dump.resolve(item.name().replaceAll("[^A-Za-z0-9]", "_") + "-" + level.name()).toString();
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
  }

  static void centre(float[] x) {
    double m = 0;
    for (float v : x) m += v;
    m /= x.length;
    for (int i = 0; i < x.length; i++) x[i] -= m;
  }

  static double sq(float[] x) {
    double s = 0;
    for (float v : x) s += v * (double) v;
    return s;
  }

  static void save(float[] x, int w, int h, String file) {
    FloatProcessor fp = new FloatProcessor(w, h, x.clone());
    fp.resetMinAndMax();
    new ij.io.FileSaver(new ImagePlus("", fp.convertToByte(true))).saveAsPng(file);
  }
}
