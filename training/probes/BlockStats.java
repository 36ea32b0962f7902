import java.util.*;

import sc.fiji.restoregan.filter.AreaMean;
import sc.fiji.restoregan.filter.GaussianBlur;

/**
 * Whether a block's brightest values show the light better than its mean
 * (twenty-seventh session): for each case of the lighting benchmark
 * ({@link LightingCases#cases}), the log of the degraded plane's 64 px
 * block means, and of its block maxima (the plane averaged to 256 px, then
 * the largest of each 4 x 4 block), each blurred heavily (sigma 8 px of 64)
 * and less its mean, against the true log field averaged to 64 px. A
 * classical stand-in for what a field network could read from each input.
 * Not part of the build:
 *
 * <pre>
 * javac -cp "target/classes:target/lib/*" -d /tmp/probes training/probes/*.java
 * java -cp "/tmp/probes:target/classes:target/lib/*" BlockStats 256
 * </pre>
 */
public class BlockStats {
  public static void main(String[] a) throws Exception {
    int n = 64;
    for (LightingCases.LitCase c : LightingCases.cases(Integer.parseInt(a[0]), 2)) {
      int w = c.w(), h = c.h();
      float[] truth = AreaMean.resize(c.trueLog(), w, h, n, n);
      LightingCases.centre(truth);
      float[] mean = AreaMean.resize(c.degraded(), w, h, n, n);
      float[] fine = AreaMean.resize(c.degraded(), w, h, 4 * n, 4 * n);
      float[] max = new float[n * n];
      Arrays.fill(max, Float.NEGATIVE_INFINITY);
      for (int y = 0; y < 4 * n; y++)
        for (int x = 0; x < 4 * n; x++)
          max[(y / 4) * n + x / 4] = Math.max(max[(y / 4) * n + x / 4], fine[y * 4 * n + x]);
      System.out.printf(Locale.ROOT, "%-32s %-20s true sd %.3f | rms from block means %.3f, from block maxima %.3f%n", c.item().name(), c.level().name(),
          LightingCases.rms(truth, new float[truth.length]), rms(smoothLog(mean, n), truth), rms(smoothLog(max, n), truth));
    }
  }

  static float[] smoothLog(float[] v, int n) {
    float[] l = new float[v.length];
    double top = 0;
    for (float x : v) top = Math.max(top, x);
    for (int i = 0; i < l.length; i++) l[i] = (float) Math.log(Math.max(v[i], 0) + 0.02 * top);
    float[] s = GaussianBlur.blur(l, n, n, 8);
    LightingCases.centre(s);
    return s;
  }

  static double rms(float[] x, float[] y) {
    return LightingCases.rms(x, y);
  }
}
