import java.util.*;
import sc.fiji.restoregan.bench.*;

/**
 * Whether averaging a model's outputs over shifts of the input grid (the
 * plane mirror-extended by a few pixels at its top left, restored, cropped
 * back), on top of the self-ensemble, beats the self-ensemble alone: a U-Net
 * of depth d sees its input on a 2^d pixel grid, so shifted inputs meet
 * different pooling cells. Not part of the build; from the repository root,
 * after {@code mvn -B -o package -DskipTests}:
 *
 * <pre>
 * javac -cp "target/classes:target/lib/*" -d /tmp/probes training/probes/ProbeScores.java training/probes/ShiftEnsemble.java
 * java -cp "/tmp/probes:target/classes:target/lib/*" ShiftEnsemble denoise 512 8 models/denoise runs/baseline-cache.json
 * </pre>
 *
 * The shifts must be smaller than the plane; the restorers are measured in
 * order on each plane, so the first runs every shift and the others average.
 * Arguments: the task, the crop size, the self-ensemble, the model and a
 * baseline cache. Prints the gain over the best classical method of the
 * unshifted run, of the mean over 2 shifts and of the mean over 4.
 */
public class ShiftEnsemble {
  static final int[][] SHIFTS = {{0, 0}, {4, 4}, {2, 6}, {6, 2}};

  public static void main(String[] a) throws Exception {
    BenchmarkTask task = BenchmarkTask.parse(a[0]);
    int size = Integer.parseInt(a[1]), ensemble = Integer.parseInt(a[2]);
    BenchmarkNetworks n = ProbeScores.faithful(task, a[3], ensemble);
    PlaneRestorer r = ProbeScores.restorer(n);
    float[][] outs = new float[SHIFTS.length][];
    Map<String, PlaneRestorer> measured = new LinkedHashMap<>();
    measured.put("no shift", ProbeScores.plane(p -> {
      for (int k = 0; k < SHIFTS.length; k++) outs[k] = shifted(r, p.pixels(), p.width(), p.height(), SHIFTS[k][0], SHIFTS[k][1]);
      return outs[0];
    }));
    measured.put("mean of 2 shifts", ProbeScores.plane(p -> mean(outs, 2)));
    measured.put("mean of 4 shifts", ProbeScores.plane(p -> mean(outs, 4)));
    ProbeScores.run(task, size, a[4], measured, true);
    n.close();
  }

  static float[] mean(float[][] outs, int k) {
    float[] o = new float[outs[0].length];
    for (int j = 0; j < k; j++) for (int i = 0; i < o.length; i++) o[i] += outs[j][i] / k;
    return o;
  }

  /** The plane mirror-extended by dx columns and dy rows at its start, restored, and cropped back. */
  static float[] shifted(PlaneRestorer r, float[] x, int w, int h, int dx, int dy) {
    if (dx == 0 && dy == 0) return r.restore(x, w, h);
    int W = w + dx, H = h + dy;
    float[] big = new float[W * H];
    for (int y = 0; y < H; y++) {
      int sy = y < dy ? dy - y : y - dy;
      for (int xx = 0; xx < W; xx++) {
        int sx = xx < dx ? dx - xx : xx - dx;
        big[y * W + xx] = x[sy * w + sx];
      }
    }
    float[] o = r.restore(big, W, H), out = new float[w * h];
    for (int y = 0; y < h; y++) System.arraycopy(o, (y + dy) * W + dx, out, y * w, w);
    return out;
  }
}
