import java.nio.file.*;
import java.util.*;

import ai.djl.Device;

import sc.fiji.restoregan.bench.*;
import sc.fiji.restoregan.degrade.Lighting;
import sc.fiji.restoregan.illumination.IlluminationEstimator;
import sc.fiji.restoregan.metrics.Psnr;
import sc.fiji.restoregan.model.*;

/**
 * Cheap changes to how the field estimate is used, scored without a
 * denoiser on the lighting benchmark's real images (training/README.md,
 * twenty-sixth session): the estimator run on the plane's 8 flips and
 * turns and averaged, and the estimated log field shrunk towards zero.
 * Prints the mean RMS error of the log field and the mean PSNR (after the
 * affine fit) of the plane corrected with the estimated field and gamma.
 * Measured before the field estimate averaged the eight flips and turns
 * itself ({@code IlluminationEstimator.logField}, twenty-sixth session):
 * with today's estimator, {@code ens8} averages an average. Not part of the
 * build; from the repository root, after
 * {@code mvn -B -o package -DskipTests}:
 *
 * <pre>
 * javac -cp "target/classes:target/lib/*" -d /tmp/probes training/probes/FieldVariants.java training/probes/LightingCases.java
 * java -cp "/tmp/probes:target/classes:target/lib/*" FieldVariants models/lighting 256
 * </pre>
 */
public class FieldVariants {
  public static void main(String[] a) throws Exception {
    RestorationBenchmark benchmark = new RestorationBenchmark(BenchmarkTask.LIGHTING, 1);
    double[] alphas = {1.2, 1, 0.8};
    Map<String, double[]> sums = new LinkedHashMap<>();
    try (IlluminationEstimator est = ModelRegistry.load(a[0]).illumination().open(Device.cpu())) {
      for (LightingCases.LitCase c : LightingCases.cases(Integer.parseInt(a[1]), 0)) {
        int w = c.w(), h = c.h();
        float[] degraded = c.degraded(), clean = c.clean();
        double g = est.gamma(degraded, w, h);
        float[] one = est.logField(degraded, w, h);
        float[] eight = eightfold(est, degraded, w, h);
        // the estimator applied again to the plane corrected by its first estimate (gamma left)
        float[] again = est.logField(IlluminationEstimator.apply(degraded, one, 1), w, h);
        float[] twice = new float[w * h];
        for (int i = 0; i < twice.length; i++) twice[i] = one[i] + again[i];
        for (String ens : List.of("ens1", "ens8", "twice")) {
          float[] e = ens.equals("ens1") ? one : ens.equals("ens8") ? eight : twice;
          for (double al : alphas) {
            float[] s = e.clone();
            for (int i = 0; i < s.length; i++) s[i] *= al;
            double p = Psnr.compute(clean, benchmark.comparable(IlluminationEstimator.apply(degraded, s, g), clean), w, h, 1);
            double[] acc = sums.computeIfAbsent(ens + " alpha " + al, x -> new double[3]);
            acc[0] += LightingCases.rms(s, c.trueLog()); acc[1] += p; acc[2]++;
          }
        }
      }
    }
    sums.forEach((k, s) -> System.out.printf(Locale.ROOT, "%-16s log-field rms %.4f  psnr %.3f  (%d cases)%n", k, s[0] / s[2], s[1] / s[2], (int) s[2]));
  }

  /** The estimated log field averaged over the plane's 8 flips and turns. */
  static float[] eightfold(IlluminationEstimator est, float[] plane, int w, int h) {
    float[] eight = new float[w * h];
    for (int k = 0; k < 8; k++) {
      int tw = (k & 4) != 0 ? h : w, th = (k & 4) != 0 ? w : h;
      float[] back = untransform(est.logField(transform(plane, w, h, k), tw, th), w, h, k);
      for (int i = 0; i < eight.length; i++) eight[i] += back[i] / 8;
    }
    return eight;
  }

  /** Transform k: transpose if bit 2, then mirror x if bit 0, mirror y if bit 1 (as pipeline.Dihedral). */
  static float[] transform(float[] x, int w, int h, int k) { return dihedral(x, w, h, k, false); }

  /** The inverse of {@link #transform}: a transformed plane put back in place. */
  static float[] untransform(float[] o, int w, int h, int k) { return dihedral(o, w, h, k, true); }

  private static float[] dihedral(float[] x, int w, int h, int k, boolean back) {
    boolean t = (k & 4) != 0;
    int tw = t ? h : w, th = t ? w : h;
    float[] o = new float[x.length];
    for (int y = 0; y < th; y++)
      for (int xx = 0; xx < tw; xx++) {
        int sx = (k & 1) != 0 ? tw - 1 - xx : xx, sy = (k & 2) != 0 ? th - 1 - y : y;
        int original = (t ? sx : sy) * w + (t ? sy : sx), turned = y * tw + xx; // (sx, sy) in the transposed frame
        if (back) o[original] = x[turned];
        else o[turned] = x[original];
      }
    return o;
  }
}
