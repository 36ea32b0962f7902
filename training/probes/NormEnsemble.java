import java.util.*;
import ai.djl.Device;
import sc.fiji.restoregan.bench.*;
import sc.fiji.restoregan.model.*;
import sc.fiji.restoregan.pipeline.RestoreOptions;

/**
 * Whether averaging a model's outputs under three percentile normalisations
 * (1 / 99.8, the default; 0.2 / 99.95; 3 / 99) beats the default alone: an
 * ensemble over the input's scale, as the self-ensemble is over its
 * orientation (training/README.md, twenty-third session). Not part of the
 * build; from the repository root, after {@code mvn -B -o package -DskipTests}:
 *
 * <pre>
 * javac -cp "target/classes:target/lib/*" -d /tmp/probes training/probes/ProbeScores.java training/probes/NormEnsemble.java
 * java -cp "/tmp/probes:target/classes:target/lib/*" NormEnsemble denoise 512 1 models/denoise runs/baseline-cache.json
 * </pre>
 *
 * Arguments: the task, the crop size, the self-ensemble, the model (run
 * alone) and a baseline cache. Prints the gain over the best classical method
 * of each normalisation and of their mean, over all cases and the held-out
 * ones (blobs, membranes, camera).
 */
public class NormEnsemble {
  public static void main(String[] a) throws Exception {
    BenchmarkTask task = BenchmarkTask.parse(a[0]);
    int size = Integer.parseInt(a[1]), ensemble = Integer.parseInt(a[2]);
    StoredModel model = ModelRegistry.load(a[3]).alone();
    double[][] pct = {{1, 99.8}, {0.2, 99.95}, {3, 99}};
    List<BenchmarkNetworks> all = new ArrayList<>();
    List<PlaneRestorer> rs = new ArrayList<>();
    for (double[] p : pct) {
      RestoreOptions d = RestoreOptions.defaults();
      BenchmarkNetworks n = BenchmarkNetworks.open(task, model, null, List.of(0.0), new RestoreOptions(d.tile(), d.overlap(), p[0], p[1], ensemble), Device.cpu());
      all.add(n); rs.add(n.restorers().get(RestorationBenchmark.realismKey(0)));
    }
    float[][] last = new float[3][];
    Map<String, PlaneRestorer> measured = new LinkedHashMap<>();
    for (int k = 0; k < 3; k++) { final int kk = k; measured.put("pct " + Arrays.toString(pct[k]), ProbeScores.plane(d -> last[kk] = rs.get(kk).restore(d))); }
    measured.put("mean of 3", ProbeScores.plane(d -> { float[] o = new float[last[0].length]; for (int i = 0; i < o.length; i++) o[i] = (last[0][i] + last[1][i] + last[2][i]) / 3; return o; }));
    ProbeScores.run(task, size, a[4], measured, false);
    for (BenchmarkNetworks b : all) b.close();
  }
}
