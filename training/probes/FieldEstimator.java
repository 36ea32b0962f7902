import java.io.*;
import java.nio.file.*;
import java.util.*;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.*;
import ai.djl.nn.Block;

import sc.fiji.restoregan.bench.*;
import sc.fiji.restoregan.degrade.Lighting;
import sc.fiji.restoregan.illumination.*;
import sc.fiji.restoregan.model.*;
import sc.fiji.restoregan.nn.UNetConfig;
import sc.fiji.restoregan.pipeline.*;
import sc.fiji.restoregan.train.*;

/**
 * Whether a network can estimate the illumination field of a badly lit
 * plane from the whole plane seen small (training/README.md, twenty-fourth
 * session): the field network of {@link IlluminationNetwork#FIELD}, trained
 * with the project's trainer on {@link LitFieldPairs} (the sampler this
 * probe held until it moved into the build, batch for batch the same). On
 * the lighting benchmark the plane is divided by the estimated field and
 * then denoised by the shipped denoiser, with the gamma left and with the
 * true gamma undone, and the gains over flat-field + the best classical
 * denoiser are printed. The shipped way to train it is {@code illumination
 * train --network field}. Not part of the build; from the repository root,
 * after {@code mvn -B -o package -DskipTests}:
 *
 * <pre>
 * javac -cp "target/classes:target/lib/*" -d /tmp/probes training/probes/ProbeScores.java training/probes/FieldEstimator.java
 * java -cp "/tmp/probes:target/classes:target/lib/*" FieldEstimator runs/field-est 3000 1 models/denoise runs/baseline-cache.json
 * </pre>
 *
 * Arguments: the run folder (resumed when it has a checkpoint), the steps,
 * the denoiser's self-ensemble, the denoiser, a baseline cache (as
 * {@code quality --baseline-cache}), and optionally {@code pair}, to score
 * the shipped pair and its mean with the estimate too. A run continued to
 * more steps takes the cosine schedule of the new total from the step it
 * resumes at. Clean crops from the real images (blobs, membranes and camera
 * held out), simulated scenes and dead leaves; seed 42.
 */
public class FieldEstimator {
  static final Set<String> HELD_OUT = Set.of("blobs.tif", "membranes.tif", "camera.png");

  public static void main(String[] a) throws Exception {
    IlluminationNetwork n = IlluminationNetwork.FIELD;
    byte[] params = train(n.config(Integer.parseInt(a[1]), n.seed), n.sampler(sources(), n.seed), Paths.get(a[0]));
    score(params, Integer.parseInt(a[2]), a[3], a[4], a.length > 5 && a[5].equals("pair"));
  }

  /**
   * Trains in {@code run}: resumed from its checkpoint when it has one with
   * Adam's moments; from its weights alone, with fresh moments and the
   * schedule counted from step 0, when it has only {@code checkpoint.params}
   * (a copy of {@code training/lighting-field-estimator}); else from scratch.
   */
  static byte[] train(TrainingConfig config, PairSampler sampler, Path run) throws IOException {
    SupervisedTrainer trainer = new SupervisedTrainer(config, sampler, run).log(System.out::println);
    Path params = run.resolve("checkpoint.params");
    if (Files.exists(params) && !Files.exists(run.resolve("checkpoint.adam"))) {
      System.out.println("Starting from the weights in " + params + " with fresh moments");
      return trainer.startFrom(Files.readAllBytes(params)).train(false, Progress.NONE).parameters();
    }
    return trainer.train(true, Progress.NONE).parameters();
  }

  /** The clean sources of both probes: the real images less the held-out ones, simulated scenes, dead leaves. */
  static List<CleanSource> sources() throws IOException {
    return LitPairs.sources(Paths.get("../shared/data/real"), HELD_OUT);
  }

  /** A model holding one illumination network with these weights, to give to {@link IlluminationEstimator}. */
  static Model open(IlluminationNetwork network, byte[] params) throws Exception {
    Model model = Model.newInstance(network.label(), Device.cpu(), "PyTorch");
    UNetConfig arch = network.architecture();
    Block net = arch.newBlock();
    model.setBlock(net);
    int s = IlluminationInputs.SIZE;
    net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 2, s, s));
    net.loadParameters(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(params)));
    return model;
  }

  static void score(byte[] params, int ensemble, String denoiserName, String cache, boolean withPair) throws Exception {
    try (IlluminationEstimator estimator = new IlluminationEstimator(open(IlluminationNetwork.FIELD, params), null);
        BenchmarkNetworks nets = BenchmarkNetworks.open(BenchmarkTask.DENOISE, ModelRegistry.load(denoiserName).alone(), null, List.of(0.0),
            RestoreOptions.defaults().withEnsemble(ensemble), Device.cpu())) {
      PlaneRestorer denoiser = nets.restorers().get(RestorationBenchmark.realismKey(0));
      if (withPair)
        nets.add(BenchmarkTask.LIGHTING, "pair", ModelRegistry.load("lighting-pair"), Device.cpu());
      PlaneRestorer pair = nets.restorers().get("pair");
      Map<String, PlaneRestorer> measured = new LinkedHashMap<>();
      float[][] divided = new float[1][];
      measured.put("estimated field divided out", ProbeScores.plane(p -> divided[0] = estimator.correct(p.pixels(), p.width(), p.height())));
      measured.put("estimated field divided out, then denoiser", ProbeScores.plane(p -> denoiser.restore(divided[0], p.width(), p.height())));
      // the benchmark's levels in order: gamma 1, 0.8, 1.3 (BenchmarkTask.LIGHTING)
      double[] gammas = BenchmarkTask.LIGHTING.levels().stream().mapToDouble(l -> ((Lighting) l.degradation()).gamma()).toArray();
      int[] index = {0};
      measured.put("estimated field divided out, true gamma undone, then denoiser", ProbeScores.plane(p -> {
        double g = gammas[index[0]++ % gammas.length];
        return denoiser.restore(IlluminationEstimator.apply(divided[0], new float[divided[0].length], g), p.width(), p.height());
      }));
      if (pair != null) {
        float[][] last = new float[1][];
        measured.put("the shipped pair", ProbeScores.plane(p -> last[0] = pair.restore(p)));
        measured.put("mean of the pair and the field estimate then denoiser", ProbeScores.plane(p -> {
          float[] d = denoiser.restore(divided[0], p.width(), p.height());
          return ProbeScores.mix(last[0], d, 0.5);
        }));
      }
      ProbeScores.run(BenchmarkTask.LIGHTING, 256, cache, measured, true);
    }
  }
}
