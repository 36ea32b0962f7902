import java.nio.file.Paths;
import java.util.*;
import sc.fiji.restoregan.baseline.*;
import sc.fiji.restoregan.bench.*;
import sc.fiji.restoregan.metrics.Psnr;

/**
 * How much a shift-invariant linear filter could gain over the oracle-tuned Gaussian on
 * each denoising case: the oracle Wiener filter, built from the clean
 * plane's own spectrum and the noise's true (white) power, is the best
 * shift-invariant linear filter for the case. Where it gains little over the
 * Gaussian, the image's detail sits below the noise at almost every
 * frequency, and what is left to any denoiser is its non-linear part. The
 * benchmark's exact degraded planes (its seed, 1, and
 * {@code RestorationBenchmark.degradationRandom}). Not part of the build;
 * from the repository root:
 *
 * <pre>
 * javac -cp "target/classes:target/lib/*" -d /tmp/probes training/probes/WienerCeiling.java
 * java -cp "/tmp/probes:target/classes:target/lib/*" WienerCeiling 512
 * </pre>
 */
public class WienerCeiling {
  /** Mirrored pixels about each plane for the filters, so that they see no wrap-around edge. */
  static final int MARGIN = 32;

  public static void main(String[] a) throws Exception {
    int size = Integer.parseInt(a[0]);
    BenchmarkTask task = BenchmarkTask.parse("denoise");
    RestorationBenchmark benchmark = new RestorationBenchmark(task, 1);
    Map<String, double[]> byImage = new TreeMap<>();
    for (BenchmarkImages.Item item : BenchmarkImages.load(Paths.get("../shared/data/real"), size, Set.of()))
      for (DegradationLevel level : task.levels()) {
        int w = item.width(), h = item.height();
        float[] clean = item.pixels();
        float[] noisy = level.degradation().apply(clean, w, h, benchmark.degradationRandom(item, level));
        double gauss = ClassicalDenoisers.bestGaussian(noisy, w, h, o -> Psnr.compute(clean, o, w, h, 1)).score();
        double wiener = Psnr.compute(clean, oracleWiener(clean, noisy, w, h, false), w, h, 1);
        double isotropic = Psnr.compute(clean, oracleWiener(clean, noisy, w, h, true), w, h, 1);
        System.out.printf(Locale.ROOT, "%-30s %-18s Gaussian %.2f  oracle Wiener %.2f  (%+.2f)  isotropic %.2f (%+.2f)  on the 8 px grid %.3f%n", item.name(), level.name(), gauss, wiener, wiener - gauss, isotropic, isotropic - gauss, gridShare(clean, w, h));
        double[] s = byImage.computeIfAbsent(item.name(), k -> new double[2]);
        s[0] += wiener - gauss;
        s[1]++;
      }
    byImage.forEach((k, s) -> System.out.printf(Locale.ROOT, "%-30s oracle Wiener - Gaussian %+.2f dB%n", k, s[0] / s[1]));
  }

  /**
   * {@code mean + W (noisy - mean)} with {@code W = |C|^2 / (|C|^2 + |E|^2 mean)}, C the clean
   * plane's spectrum less its mean, E the noise's; {@code isotropic}: with |C|^2 averaged over
   * each ring of equal frequency, so that the filter knows the clean power per frequency but
   * not per direction.
   */
  static float[] oracleWiener(float[] clean, float[] noisy, int w, int h, boolean isotropic) {
    double mean = 0;
    for (float v : clean) mean += v;
    mean /= clean.length;
    float[] c = new float[clean.length], n = new float[clean.length], e = new float[clean.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = (float) (clean[i] - mean);
      n[i] = (float) (noisy[i] - mean);
      e[i] = noisy[i] - clean[i];
    }
    MirrorFft fft = new MirrorFft(w, h, MARGIN);
    MirrorFft.Spectrum cs = fft.forward(fft.extend(c)), ns = fft.forward(fft.extend(n)), es = fft.forward(fft.extend(e));
    double noise = 0;
    for (int i = 0; i < es.re().length; i++) noise += es.re()[i] * es.re()[i] + es.im()[i] * es.im()[i];
    noise /= es.re().length;
    double[] power = power(cs);
    if (isotropic) power = ringMeans(power, fft.gridWidth, fft.gridHeight);
    for (int i = 0; i < cs.re().length; i++) {
      double g = power[i] / (power[i] + noise);
      ns.re()[i] *= g;
      ns.im()[i] *= g;
    }
    float[] o = fft.crop(fft.inverse(ns));
    for (int i = 0; i < o.length; i++) o[i] += mean;
    return o;
  }

  static double[] power(MirrorFft.Spectrum s) {
    double[] p = new double[s.re().length];
    for (int i = 0; i < p.length; i++) p[i] = s.re()[i] * s.re()[i] + s.im()[i] * s.im()[i];
    return p;
  }

  /** The radius of grid frequency {@code i} in cycles per grid width (rows and columns alike). */
  static double radius(int i, int gw, int gh) {
    int x = i % gw, y = i / gw;
    double fx = (x < gw / 2 ? x : x - gw) / (double) gw, fy = (y < gh / 2 ? y : y - gh) / (double) gh;
    return Math.hypot(fx, fy) * gw;
  }

  static double[] ringMeans(double[] p, int gw, int gh) {
    int rings = (int) Math.ceil(radius(gw / 2 + gh / 2 * gw, gw, gh)) + 1;
    double[] sum = new double[rings], n = new double[rings];
    for (int i = 0; i < p.length; i++) {
      int r = (int) radius(i, gw, gh);
      sum[r] += p[i];
      n[r]++;
    }
    double[] o = new double[p.length];
    for (int i = 0; i < p.length; i++) o[i] = sum[(int) radius(i, gw, gh)] / n[(int) radius(i, gw, gh)];
    return o;
  }

  /**
   * The share of the clean plane's power beyond 0.05 cycles per pixel that lies on the rows
   * and columns of the 8 px block grid's harmonics (non-zero multiples of gw / 8), where a
   * JPEG's blocks put theirs; on the plane mirror-extended to powers of two
   * (the plane itself, periodically continued, for 256 or 512 px planes such as retina's).
   */
  static double gridShare(float[] clean, int w, int h) {
    MirrorFft fft = new MirrorFft(w, h, 0);
    double mean = 0;
    for (float v : clean) mean += v;
    mean /= clean.length;
    float[] c = new float[clean.length];
    for (int i = 0; i < c.length; i++) c[i] = (float) (clean[i] - mean);
    double[] p = power(fft.forward(fft.extend(c)));
    int gw = fft.gridWidth, gh = fft.gridHeight;
    double on = 0, all = 0;
    for (int i = 0; i < p.length; i++) {
      if (radius(i, gw, gh) <= 0.05 * gw) continue;
      all += p[i];
      int x = i % gw, y = i / gw;
      if ((x > 0 && x % (gw / 8) == 0) || (y > 0 && y % (gh / 8) == 0)) on += p[i];
    }
    return on / all;
  }
}
