import java.nio.file.*;
import java.util.*;
import ai.djl.*;
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.*;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import sc.fiji.restoregan.illumination.*;
import sc.fiji.restoregan.train.*;
/**
 * The squared error of illumination networks (training/README.md,
 * twenty-fifth session) on 20 batches of 16 lit pairs that their training
 * never drew (the sampler's steps -2 to -21; training uses steps from 0 and
 * -1 for its validation batch), from the same clean sources, with the
 * images held out of training left out; and what a network answering zero
 * everywhere scores. Not part of the build; from the repository root,
 * after {@code mvn -B -o package -DskipTests}:
 *
 * <pre>
 * javac -cp "target/classes:target/lib/*" -d /tmp/probes training/probes/EstimatorValidation.java
 * java -cp "/tmp/probes:target/classes:target/lib/*" EstimatorValidation field runs/field-est13 runs/field-est20
 * </pre>
 *
 * Arguments: {@code field} or {@code gamma}, then run folders (their
 * {@code checkpoint.params}).
 */
public class EstimatorValidation {
  public static void main(String[] a) throws Exception {
    IlluminationNetwork n = IlluminationNetwork.of(a[0]);
    LitPairs s = n.sampler(LitPairs.sources(Paths.get("../shared/data/real"), Set.of("blobs.tif", "membranes.tif", "camera.png")), n.seed);
    List<ScaledBatch> batches = new ArrayList<>();
    for (int k = 2; k <= 21; k++) batches.add(s.pairs(-k, 16));
    for (int r = 1; r < a.length; r++) {
      try (Model m = Model.newInstance("x", Device.cpu(), "PyTorch")) {
        Block b = n.architecture().newBlock();
        m.setBlock(b);
        b.initialize(m.getNDManager(), DataType.FLOAT32, new Shape(1, 2, 64, 64));
        b.loadParameters(m.getNDManager(), new java.io.DataInputStream(new java.io.ByteArrayInputStream(SupervisedTrainer.checkpointParameters(Paths.get(a[r])))));
        double sum = 0, zero = 0; long cnt = 0;
        for (ScaledBatch x : batches) try (NDManager sub = m.getNDManager().newSubManager()) {
          float[] out = b.forward(new ParameterStore(sub, false), new NDList(sub.create(x.inputs(), new Shape(16, 2, 64, 64))), false).singletonOrThrow().toFloatArray();
          for (int i = 0; i < out.length; i++) { double d = out[i] - x.targets()[i]; sum += d * d; zero += x.targets()[i] * (double) x.targets()[i]; cnt++; }
        }
        System.out.printf(Locale.ROOT, "%s: mse %.5f over %d pairs (zero output %.5f)%n", a[r], sum / cnt, batches.size() * 16, zero / cnt);
      }
    }
  }
}
