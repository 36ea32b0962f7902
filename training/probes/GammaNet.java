import java.nio.file.*;
import java.util.*;

import ai.djl.Device;

import sc.fiji.restoregan.bench.*;
import sc.fiji.restoregan.illumination.*;
import sc.fiji.restoregan.model.*;
import sc.fiji.restoregan.pipeline.*;
import sc.fiji.restoregan.train.*;

/**
 * Whether a network can read a badly lit plane's gamma from full-resolution
 * 64 px patches (training/README.md, twenty-fourth session), and what the
 * field estimator of {@link FieldEstimator} scores with it: the gamma
 * network of {@link IlluminationNetwork#GAMMA}, trained on
 * {@link LitGammaPairs}. On the lighting benchmark the plane is corrected by
 * {@link IlluminationEstimator} (the field divided out, the gamma undone)
 * and denoised by the shipped denoiser, and also averaged with the shipped
 * pair. The shipped way is {@code illumination train --network gamma},
 * {@code illumination ship} and {@code quality}. Not part of the build; from
 * the repository root, after {@code mvn -B -o package -DskipTests} and a
 * {@link FieldEstimator} run:
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
  public static void main(String[] a) throws Exception {
    IlluminationNetwork n = IlluminationNetwork.GAMMA;
    byte[] params = FieldEstimator.train(n.config(Integer.parseInt(a[1]), n.seed), n.sampler(FieldEstimator.sources(), n.seed), Paths.get(a[0]));
    score(params, SupervisedTrainer.checkpointParameters(Paths.get(a[2])), Integer.parseInt(a[3]), a[4], a[5]);
  }

  static void score(byte[] params, byte[] fieldParams, int ensemble, String denoiserName, String cache) throws Exception {
    try (IlluminationEstimator estimator = new IlluminationEstimator(FieldEstimator.open(IlluminationNetwork.FIELD, fieldParams), FieldEstimator.open(IlluminationNetwork.GAMMA, params));
        BenchmarkNetworks nets = BenchmarkNetworks.open(BenchmarkTask.DENOISE, ModelRegistry.load(denoiserName).alone(), null, List.of(0.0),
            RestoreOptions.defaults().withEnsemble(ensemble), Device.cpu())) {
      nets.add(BenchmarkTask.LIGHTING, "pair", ModelRegistry.load("lighting-pair"), Device.cpu());
      PlaneRestorer denoiser = nets.restorers().get(RestorationBenchmark.realismKey(0)), pair = nets.restorers().get("pair");
      float[][] last = new float[2][];
      Map<String, PlaneRestorer> measured = new LinkedHashMap<>();
      measured.put("estimated field and gamma undone, then denoiser", ProbeScores.plane(p -> {
        System.out.printf(Locale.ROOT, "estimated gamma %.2f%n", estimator.gamma(p.pixels(), p.width(), p.height()));
        return last[1] = denoiser.restore(estimator.correct(p.pixels(), p.width(), p.height()), p.width(), p.height());
      }));
      measured.put("the shipped pair", ProbeScores.plane(p -> last[0] = pair.restore(p)));
      measured.put("mean of the two", ProbeScores.plane(p -> ProbeScores.mix(last[0], last[1], 0.5)));
      ProbeScores.run(BenchmarkTask.LIGHTING, 256, cache, measured, true);
    }
  }
}
