import java.util.*;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import sc.fiji.restoregan.bench.*;
import sc.fiji.restoregan.model.*;
import sc.fiji.restoregan.pipeline.RestoreOptions;
import sc.fiji.restoregan.train.InitialWeights;

/**
 * What storing a model's convolution weights in 8 bits would cost: each
 * filter (output channel) of each convolution rounded to 255 levels
 * symmetric about zero (its own scale, the largest magnitude over 127),
 * biases untouched, then the model benchmarked beside the original
 * (docs/decisions.md, "The denoiser's bar"). Not part of the build; from the
 * repository root, after {@code mvn -B -o package -DskipTests}:
 *
 * <pre>
 * javac -cp "target/classes:target/lib/*" -d /tmp/probes training/probes/ProbeScores.java training/probes/EightBitWeights.java
 * java -cp "/tmp/probes:target/classes:target/lib/*" EightBitWeights denoise 512 1 models/denoise runs/baseline-cache.json
 * </pre>
 *
 * Arguments: the task, the crop size, the self-ensemble, the model (run
 * alone) and a baseline cache. Prints the parameters, the bytes the 8-bit
 * weights would take (one byte per weight, a float scale per filter, biases
 * in half precision), and each version's gain over the best classical
 * method, over all cases and the held-out ones (blobs, membranes, camera),
 * with the largest difference between their outputs.
 */
public class EightBitWeights {
  public static void main(String[] a) throws Exception {
    BenchmarkTask task = BenchmarkTask.parse(a[0]);
    int size = Integer.parseInt(a[1]), ensemble = Integer.parseInt(a[2]);
    StoredModel model = ModelRegistry.load(a[3]).alone();
    StoredModel rounded;
    long weights = 0, filters = 0, others = 0;
    try (NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
      Block block = model.card().architecture.newInitializedBlock(manager);
      InitialWeights.load(block, model.weights(), manager);
      for (Pair<String, Parameter> p : block.getParameters()) {
        NDArray w = p.getValue().getArray();
        if (w.getShape().dimension() != 4) { others += w.size(); continue; }
        int out = (int) w.getShape().get(0), per = (int) (w.size() / out);
        float[] v = w.toFloatArray();
        for (int o = 0; o < out; o++) {
          float max = 0;
          for (int i = o * per; i < (o + 1) * per; i++) max = Math.max(max, Math.abs(v[i]));
          float step = max / 127;
          if (step > 0)
            for (int i = o * per; i < (o + 1) * per; i++) v[i] = Math.round(v[i] / step) * step;
        }
        w.set(v);
        weights += w.size(); filters += out;
      }
      rounded = new StoredModel(model.card(), ModelStore.parameters(block), model.location() + " (8-bit weights)");
    }
    System.out.printf(Locale.ROOT, "%d convolution weights in %d filters, %d other parameters: %.2f MB in 8 bits (%.2f MB in half precision)%n",
        weights, filters, others, (weights + 4 * filters + 2 * others) / 1e6, 2 * (weights + others) / 1e6);
    try (BenchmarkNetworks nets = BenchmarkNetworks.open(task, model, null, List.of(0.0), RestoreOptions.defaults().withEnsemble(ensemble), Device.cpu())) {
      nets.add(task, "rounded", rounded, Device.cpu());
      PlaneRestorer one = nets.restorers().get(RestorationBenchmark.realismKey(0)), two = nets.restorers().get("rounded");
      float[][] last = new float[1][];
      double[] largest = new double[1];
      Map<String, PlaneRestorer> measured = new LinkedHashMap<>();
      measured.put("float weights", ProbeScores.plane(p -> last[0] = one.restore(p)));
      measured.put("8-bit weights", ProbeScores.plane(p -> {
        float[] o = two.restore(p);
        for (int i = 0; i < o.length; i++) largest[0] = Math.max(largest[0], Math.abs(o[i] - last[0][i]));
        return o;
      }));
      ProbeScores.run(task, size, a[4], measured, false);
      System.out.printf(Locale.ROOT, "largest difference between the outputs: %.5f (clean range 1)%n", largest[0]);
    }
  }
}
