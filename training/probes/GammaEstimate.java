import java.nio.file.Paths;
import java.util.*;

import sc.fiji.restoregan.bench.*;
import sc.fiji.restoregan.degrade.Lighting;

/**
 * Whether a badly lit plane's gamma can be read from its noise
 * (training/README.md, twenty-fourth session). Shot noise has a variance
 * proportional to the signal; after a gamma the variance of a pixel of mean
 * {@code m} is {@code gamma^2 m^(2 - 2/gamma) (a m^(1/gamma) + b)} (shot
 * noise {@code a}, read noise {@code b}). The noise of each 8 x 8 block is
 * read from the 2 x 2 second differences (which cancel smooth content), the
 * blocks are binned by mean, the lowest quarter of each bin kept (texture
 * only adds), and gamma chosen on a grid with {@code a, b >= 0} fitted by
 * least squares for each. Prints true and estimated gamma for every case of
 * the lighting benchmark. Not part of the build:
 *
 * <pre>
 * javac -cp "target/classes:target/lib/*" -d /tmp/probes training/probes/GammaEstimate.java
 * java -cp "/tmp/probes:target/classes:target/lib/*" GammaEstimate 256
 * </pre>
 */
public class GammaEstimate {
  public static void main(String[] a) throws Exception {
    int size = Integer.parseInt(a[0]);
    RestorationBenchmark benchmark = new RestorationBenchmark(BenchmarkTask.LIGHTING, 1);
    for (BenchmarkImages.Item item : BenchmarkImages.load(Paths.get("../shared/data/real"), size, Set.of()))
      for (DegradationLevel level : BenchmarkTask.LIGHTING.levels()) {
        Lighting light = (Lighting) level.degradation();
        float[] y = light.apply(item.pixels(), item.width(), item.height(), benchmark.degradationRandom(item, level));
        System.out.printf(Locale.ROOT, "%s %s: gamma %.2f, estimated %.2f%n", item.name(), level.name(), light.gamma(), estimate(y, item.width(), item.height()));
      }
  }

  static double estimate(float[] y, int w, int h) {
    int b = 8;
    List<double[]> blocks = new ArrayList<>();
    for (int by = 0; by + b <= h; by += b)
      for (int bx = 0; bx + b <= w; bx += b) {
        double m = 0, v = 0;
        int n = 0;
        for (int yy = by; yy < by + b; yy++)
          for (int xx = bx; xx < bx + b; xx++) m += y[yy * w + xx];
        for (int yy = by; yy < by + b; yy += 2)
          for (int xx = bx; xx < bx + b; xx += 2) {
            double d = (y[yy * w + xx] - y[yy * w + xx + 1] - y[(yy + 1) * w + xx] + y[(yy + 1) * w + xx + 1]) / 2;
            v += d * d;
            n++;
          }
        blocks.add(new double[] {m / (b * b), v / n});
      }
    blocks.sort(Comparator.comparingDouble(x -> x[0]));
    // bins of equal counts; the lowest quarter of the variances in each
    int bins = 16, per = blocks.size() / bins;
    List<double[]> pts = new ArrayList<>();
    for (int k = 0; k < bins; k++) {
      List<double[]> bin = new ArrayList<>(blocks.subList(k * per, (k + 1) * per));
      double mean = bin.stream().mapToDouble(x -> x[0]).average().orElse(0);
      bin.sort(Comparator.comparingDouble(x -> x[1]));
      double v = bin.subList(0, Math.max(1, per / 4)).stream().mapToDouble(x -> x[1]).average().orElse(0);
      if (mean > 1e-4 && v > 0) pts.add(new double[] {mean, v});
    }
    double best = Double.NaN, bestErr = Double.POSITIVE_INFINITY;
    for (double g = 0.5; g <= 1.8001; g += 0.01) {
      // v = g^2 m^(2-2/g) (a m^(1/g) + b): linear in a, b; fit in relative error
      double saa = 0, sab = 0, sbb = 0, sa = 0, sb = 0;
      for (double[] p : pts) {
        double base = g * g * Math.pow(p[0], 2 - 2 / g), u = base * Math.pow(p[0], 1 / g) / p[1], t = base / p[1];
        saa += u * u; sab += u * t; sbb += t * t; sa += u; sb += t;
      }
      double det = saa * sbb - sab * sab, ca = (sa * sbb - sb * sab) / det, cb = (saa * sb - sab * sa) / det;
      if (ca < 0) { ca = 0; cb = Math.max(0, sb / sbb); }
      if (cb < 0) { cb = 0; ca = Math.max(0, sa / saa); }
      double err = 0;
      for (double[] p : pts) {
        double base = g * g * Math.pow(p[0], 2 - 2 / g), model = base * (ca * Math.pow(p[0], 1 / g) + cb);
        double r = Math.log(Math.max(model, 1e-20) / p[1]);
        err += r * r;
      }
      if (err < bestErr) { bestErr = err; best = g; }
    }
    return best;
  }
}
