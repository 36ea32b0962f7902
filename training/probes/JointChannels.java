import java.nio.file.Paths;
import java.util.*;
import sc.fiji.restoregan.baseline.*;
import sc.fiji.restoregan.bench.*;
import sc.fiji.restoregan.degrade.PoissonGaussianNoise;
import sc.fiji.restoregan.filter.GaussianBlur;
import sc.fiji.restoregan.metrics.Psnr;

/**
 * What a denoiser could gain from a multichannel image's other channels
 * without retraining: the noisy planes turned into orthonormal opponent
 * components (their mean, and two differences), each component denoised by
 * the per-plane network, turned back; against each plane denoised alone, and
 * against the best Gaussian of each plane, alone and in opponent
 * components (the same trick for the classical filter). Not part of the
 * build. Each plane is scaled to [0, 1] on its own, as the benchmark scales
 * it, before the components are taken. From the repository root:
 *
 * <pre>
 * javac -cp "target/classes:target/lib/*" -d /tmp/probes training/probes/ProbeScores.java training/probes/JointChannels.java
 * java -cp "/tmp/probes:target/classes:target/lib/*" JointChannels 512 8 models/denoise ../shared/data/real/retina.jpg ../shared/data/real/IXMtest_A02_s9.tif
 * </pre>
 */
public class JointChannels {
  static final double[][] LEVELS = {{5, 0.02}, {20, 0.01}, {100, 0.005}};
  static final double[] SIGMAS = {0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3, 4, 5};
  static final double[][] T = {{1 / Math.sqrt(3), 1 / Math.sqrt(3), 1 / Math.sqrt(3)}, {1 / Math.sqrt(2), 0, -1 / Math.sqrt(2)}, {1 / Math.sqrt(6), -2 / Math.sqrt(6), 1 / Math.sqrt(6)}};

  public static void main(String[] a) throws Exception {
    int size = Integer.parseInt(a[0]), ensemble = Integer.parseInt(a[1]);
    BenchmarkNetworks n = ProbeScores.faithful(BenchmarkTask.parse("denoise"), a[2], ensemble);
    PlaneRestorer r = ProbeScores.restorer(n);
    for (int f = 3; f < a.length; f++) {
      List<BenchmarkImages.Item> planes = BenchmarkImages.loadFile(Paths.get(a[f]), size);
      if (planes.size() < 3) throw new IllegalArgumentException(a[f] + " has " + planes.size() + " planes; the probe takes the first three of an image with at least three");
      int w = planes.get(0).width(), h = planes.get(0).height();
      for (double[] lv : LEVELS) {
        Random rnd = new Random(7);
        float[][] noisy = new float[3][];
        for (int c = 0; c < 3; c++) noisy[c] = new PoissonGaussianNoise(lv[0], lv[1]).apply(planes.get(c).pixels(), rnd);
        float[][] comp = transform(noisy, false);
        float[][] alone = new float[3][], dc = new float[3][];
        for (int c = 0; c < 3; c++) { alone[c] = r.restore(noisy[c], w, h); dc[c] = r.restore(comp[c], w, h); }
        float[][] jointOut = transform(dc, true);
        // Gaussian: oracle sigma per plane, alone; and per component, each component's sigma chosen for the best mean over the planes
        double[] gA = new double[3];
        for (int c = 0; c < 3; c++) for (double s : SIGMAS) gA[c] = Math.max(gA[c], Psnr.compute(planes.get(c).pixels(), GaussianBlur.blur(noisy[c], w, h, s), w, h, 1));
        // choose component sigmas greedily: per component, the sigma that maximises the mean PSNR of the planes with the others at their current best
        double[] cs = {1, 1, 1};
        for (int it = 0; it < 2; it++) for (int k = 0; k < 3; k++) {
          double best = -1, bs = cs[k];
          for (double s : SIGMAS) { cs[k] = s; double p = meanPsnr(planes, transform(blurAll(comp, w, h, cs), true), w, h); if (p > best) { best = p; bs = s; } }
          cs[k] = bs;
        }
        float[][] gJoint = transform(blurAll(comp, w, h, cs), true);
        for (int c = 0; c < 3; c++)
          System.out.printf(Locale.ROOT, "%s#%d peak%.0f: noisy %.2f | Gaussian alone %.2f, in components %.2f | network alone %.2f, in components %.2f%n", planes.get(c).name(), c, lv[0],
              Psnr.compute(planes.get(c).pixels(), noisy[c], w, h, 1), gA[c], Psnr.compute(planes.get(c).pixels(), gJoint[c], w, h, 1),
              Psnr.compute(planes.get(c).pixels(), alone[c], w, h, 1), Psnr.compute(planes.get(c).pixels(), jointOut[c], w, h, 1));
      }
    }
    n.close();
  }

  static double meanPsnr(List<BenchmarkImages.Item> planes, float[][] out, int w, int h) {
    double s = 0;
    for (int c = 0; c < 3; c++) s += Psnr.compute(planes.get(c).pixels(), out[c], w, h, 1);
    return s / 3;
  }

  static float[][] blurAll(float[][] x, int w, int h, double[] s) {
    float[][] o = new float[3][];
    for (int c = 0; c < 3; c++) o[c] = GaussianBlur.blur(x[c], w, h, s[c]);
    return o;
  }

  static float[][] transform(float[][] x, boolean inverse) {
    int m = x[0].length;
    float[][] o = new float[3][m];
    for (int i = 0; i < m; i++)
      for (int k = 0; k < 3; k++) {
        double v = 0;
        for (int c = 0; c < 3; c++) v += (inverse ? T[c][k] : T[k][c]) * x[c][i];
        o[k][i] = (float) v;
      }
    return o;
  }
}
