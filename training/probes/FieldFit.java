import java.nio.file.*;
import java.util.*;

import ai.djl.Device;

import sc.fiji.restoregan.bench.*;
import sc.fiji.restoregan.degrade.Lighting;
import sc.fiji.restoregan.illumination.IlluminationEstimator;
import sc.fiji.restoregan.model.*;

/**
 * The estimated log field projected onto the documented field families
 * (training/README.md, twenty-sixth session): for each case of the lighting
 * benchmark's real images, the best gradient and the best vignette (least
 * squares over a grid of shapes, amplitude fitted) and how much of the
 * estimate each explains, and the RMS error against the true log field of
 * the estimate, of each fit, and of the fit of the true family.
 * Not part of the build; from the repository root, after
 * {@code mvn -B -o package -DskipTests}:
 *
 * <pre>
 * javac -cp "target/classes:target/lib/*" -d /tmp/probes training/probes/FieldFit.java training/probes/LightingCases.java
 * java -cp "/tmp/probes:target/classes:target/lib/*" FieldFit models/lighting 256
 * </pre>
 */
public class FieldFit {
  public static void main(String[] a) throws Exception {
    double[] s = new double[3];
    try (IlluminationEstimator est = ModelRegistry.load(a[0]).illumination().open(Device.cpu())) {
      for (LightingCases.LitCase c : LightingCases.cases(Integer.parseInt(a[1]), 2)) {
        int w = c.w(), h = c.h();
        float[] t = c.trueLog(), e = est.logField(c.degraded(), w, h);
        Fit g = fitGradient(e, w, h), v = fitVignette(e, w, h);
        float[] oracle = switch (c.light().field()) { case GRADIENT -> g.field; case VIGNETTE -> v.field; default -> e; };
        double re = rms(e, t), ro = rms(oracle, t);
        System.out.printf(Locale.ROOT, "%-30s %-9s true sd %.3f | est %.3f | gradient R2 %.2f rms %.3f | vignette R2 %.2f rms %.3f | true family %.3f%n",
            c.item().name(), c.light().field().id(), rms(t, new float[t.length]), re, g.r2, rms(g.field, t), v.r2, rms(v.field, t), ro);
        s[0] += re; s[1] += ro; s[2]++;
      }
    }
    System.out.printf(Locale.ROOT, "mean rms: estimate %.4f, fit of the true family %.4f%n", s[0] / s[2], s[1] / s[2]);
  }

  record Fit(float[] field, double r2) {}

  static double rms(float[] x, float[] y) { return LightingCases.rms(x, y); }

  /** The centred log of a field shape, at every pixel. */
  interface Shape { float[] at(int w, int h); }

  static Fit best(float[] e, int w, int h, List<Shape> shapes) {
    // fit on a 64 x 64 subsample, then evaluate the best at full size
    int n = 64;
    float[] es = sub(e, w, h, n);
    double ee = 0; for (float x : es) ee += x * (double) x;
    double bestRes = Double.POSITIVE_INFINITY; Shape bestShape = null; double bestAmp = 0;
    for (Shape sh : shapes) {
      float[] g = sub(sh.at(w, h), w, h, n);
      double eg = 0, gg = 0;
      for (int i = 0; i < g.length; i++) { eg += es[i] * (double) g[i]; gg += g[i] * (double) g[i]; }
      double amp = Math.max(0, eg / gg), res = ee - amp * eg;
      if (res < bestRes) { bestRes = res; bestShape = sh; bestAmp = amp; }
    }
    float[] f = bestShape.at(w, h);
    for (int i = 0; i < f.length; i++) f[i] *= bestAmp;
    return new Fit(f, 1 - bestRes / ee);
  }

  static float[] sub(float[] x, int w, int h, int n) {
    float[] o = new float[n * n];
    for (int y = 0; y < n; y++) for (int xx = 0; xx < n; xx++) o[y * n + xx] = x[(int) ((y + 0.5) * h / n) * w + (int) ((xx + 0.5) * w / n)];
    return o;
  }

  static float[] centredLog(float[] f) {
    float[] o = new float[f.length];
    for (int i = 0; i < f.length; i++) o[i] = (float) Math.log(f[i]);
    LightingCases.centre(o);
    return o;
  }

  static Fit fitGradient(float[] e, int w, int h) {
    List<Shape> shapes = new ArrayList<>();
    for (int k = 0; k < 144; k++) for (double m = 0.2; m < 0.97; m += 0.05) {
      double ang = 2 * Math.PI * k / 144, c = Math.cos(ang), s = Math.sin(ang), mm = m;
      shapes.add((ww, hh) -> {
        float[] f = new float[ww * hh];
        double lo = Math.min(0, c * (ww - 1)) + Math.min(0, s * (hh - 1)), hi = Math.max(0, c * (ww - 1)) + Math.max(0, s * (hh - 1));
        for (int y = 0; y < hh; y++) for (int x = 0; x < ww; x++) f[y * ww + x] = (float) (mm + (1 - mm) * (x * c + y * s - lo) / (hi - lo));
        return centredLog(f);
      });
    }
    return best(e, w, h, shapes);
  }

  static Fit fitVignette(float[] e, int w, int h) {
    List<Shape> shapes = new ArrayList<>();
    for (int i = 0; i <= 16; i++) for (int j = 0; j <= 16; j++) for (double m = 0.2; m < 0.97; m += 0.05) {
      double fx = 0.3 + 0.025 * i, fy = 0.3 + 0.025 * j, mm = m;
      shapes.add((ww, hh) -> {
        double cx = ww * fx, cy = hh * fy;
        double r2 = 0;
        for (double[] c : new double[][] {{0, 0}, {ww - 1, 0}, {0, hh - 1}, {ww - 1, hh - 1}}) r2 = Math.max(r2, (c[0] - cx) * (c[0] - cx) + (c[1] - cy) * (c[1] - cy));
        float[] f = new float[ww * hh];
        for (int y = 0; y < hh; y++) for (int x = 0; x < ww; x++) f[y * ww + x] = (float) (1 - (1 - mm) * ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / r2);
        return centredLog(f);
      });
    }
    return best(e, w, h, shapes);
  }
}
