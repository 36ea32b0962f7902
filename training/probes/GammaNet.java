import java.io.*;
import java.nio.file.*;
import java.util.*;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.*;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonObject;

import sc.fiji.restoregan.bench.*;
import sc.fiji.restoregan.degrade.Lighting;
import sc.fiji.restoregan.model.*;
import sc.fiji.restoregan.nn.UNetConfig;
import sc.fiji.restoregan.pipeline.*;
import sc.fiji.restoregan.train.*;

/**
 * Whether a network can read a badly lit plane's gamma from full-resolution
 * 64 px patches (training/README.md, twenty-fourth session), and what the
 * field estimator of {@link FieldEstimator} scores with it. A U-Net trained
 * with the project's trainer on lit 64 px crops, its target {@code log
 * gamma} at every pixel; a plane's estimate is the mean output over its
 * 64 px tiles. On the lighting benchmark the plane is divided by the
 * estimated field, raised to one over the estimated gamma, and denoised by
 * the shipped denoiser. Not part of the build; from the repository root,
 * after {@code mvn -B -o package -DskipTests} and a {@link FieldEstimator}
 * run:
 *
 * <pre>
 * javac -cp "target/classes:target/lib/*" -d /tmp/probes training/probes/ProbeScores.java training/probes/FieldEstimator.java training/probes/GammaNet.java
 * java -cp "/tmp/probes:target/classes:target/lib/*" GammaNet runs/gamma-est 3000 runs/field-est 8 models/denoise runs/baseline-cache.json
 * </pre>
 *
 * Arguments: the run folder (resumed when it has a checkpoint), the steps,
 * the field estimator's run folder, the denoiser's self-ensemble, the
 * denoiser, a baseline cache. Clean sources as {@link FieldEstimator}; seed
 * 43.
 */
public class GammaNet {
  static final int PATCH = 64;

  public static void main(String[] a) throws Exception {
    TrainingConfig config = FieldEstimator.config(FieldEstimator.arch(3), Integer.parseInt(a[1]), PATCH, 43);
    byte[] params = FieldEstimator.train(config, new GammaSampler(FieldEstimator.sources(), 43), Paths.get(a[0]));
    UNetConfig arch = (UNetConfig) config.architecture, fieldArch = FieldEstimator.arch(4);
    score(arch, params, fieldArch, SupervisedTrainer.checkpointParameters(Paths.get(a[2])), Integer.parseInt(a[3]), a[4], a[5]);
  }

  /** Lit 64 px crops and their log gamma everywhere. */
  static final class GammaSampler extends FieldEstimator.LitPairs {
    GammaSampler(List<CleanSource> sources, long seed) {
      super(sources, seed, PATCH);
    }

    String fill(Random rnd, float[] in, int inAt, float[] out, int outAt) {
      CleanSource src = pick(rnd);
      float[] clean = FieldEstimator.augment(src.next(rnd, PATCH), PATCH, rnd.nextInt(8));
      Lighting light = Lighting.random(rnd);
      float[] y = light.apply(clean, PATCH, PATCH, rnd);
      System.arraycopy(FieldEstimator.inputs(y), 0, in, inAt, 2 * PATCH * PATCH);
      Arrays.fill(out, outAt, outAt + PATCH * PATCH, (float) Math.log(light.gamma()));
      return light.describe();
    }
  }

  /** The estimated gamma of a plane: the mean output over its whole 64 px tiles. */
  static double gamma(Block net, NDManager manager, float[] y, int w, int h) {
    double sum = 0;
    int count = 0;
    for (int ty = 0; ty + PATCH <= h; ty += PATCH)
      for (int tx = 0; tx + PATCH <= w; tx += PATCH) {
        float[] tile = new float[PATCH * PATCH];
        for (int r = 0; r < PATCH; r++) System.arraycopy(y, (ty + r) * w + tx, tile, r * PATCH, PATCH);
        try (NDManager sub = manager.newSubManager()) {
          NDArray x = sub.create(FieldEstimator.inputs(tile), new Shape(1, 2, PATCH, PATCH));
          sum += net.forward(new ParameterStore(sub, false), new NDList(x), false).singletonOrThrow().mean().getFloat();
          count++;
        }
      }
    return Math.exp(sum / count);
  }

  static Block open(Model model, UNetConfig arch, byte[] params, int size) throws Exception {
    Block net = arch.newBlock();
    model.setBlock(net);
    net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 2, size, size));
    net.loadParameters(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(params)));
    return net;
  }

  static void score(UNetConfig arch, byte[] params, UNetConfig fieldArch, byte[] fieldParams, int ensemble, String denoiserName, String cache) throws Exception {
    try (Model gm = Model.newInstance("gamma", Device.cpu(), "PyTorch"); Model fm = Model.newInstance("field", Device.cpu(), "PyTorch");
        BenchmarkNetworks nets = BenchmarkNetworks.open(BenchmarkTask.DENOISE, ModelRegistry.load(denoiserName).alone(), null, List.of(0.0),
            RestoreOptions.defaults().withEnsemble(ensemble), Device.cpu())) {
      Block gnet = open(gm, arch, params, PATCH), fnet = open(fm, fieldArch, fieldParams, FieldEstimator.SMALL);
      nets.add(BenchmarkTask.LIGHTING, "pair", ModelRegistry.load("lighting"), Device.cpu());
      PlaneRestorer denoiser = nets.restorers().get(RestorationBenchmark.realismKey(0)), pair = nets.restorers().get("pair");
      double[] gammas = BenchmarkTask.LIGHTING.levels().stream().mapToDouble(l -> ((Lighting) l.degradation()).gamma()).toArray();
      int[] index = {0};
      float[][] last = new float[2][];
      Map<String, PlaneRestorer> measured = new LinkedHashMap<>();
      measured.put("estimated field and gamma undone, then denoiser", ProbeScores.plane(p -> {
        int w = p.width(), h = p.height();
        double g = gamma(gnet, gm.getNDManager(), p.pixels(), w, h);
        System.out.printf(Locale.ROOT, "gamma %.2f, estimated %.2f%n", gammas[index[0]++ % gammas.length], g);
        float[] f = FieldEstimator.estimate(fnet, fm.getNDManager(), p.pixels(), w, h), o = new float[f.length];
        for (int i = 0; i < o.length; i++) o[i] = (float) Math.pow(Math.max(0, p.pixels()[i] / Math.exp(f[i])), 1 / g);
        return last[1] = denoiser.restore(o, w, h);
      }));
      measured.put("the shipped pair", ProbeScores.plane(p -> last[0] = pair.restore(p)));
      measured.put("mean of the two", ProbeScores.plane(p -> ProbeScores.mix(last[0], last[1], 0.5)));
      ProbeScores.run(BenchmarkTask.LIGHTING, 256, cache, measured, true);
    }
  }
}
