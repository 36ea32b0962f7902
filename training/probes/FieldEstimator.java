import java.io.*;
import java.nio.file.*;
import java.util.*;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import com.google.gson.JsonObject;

import sc.fiji.restoregan.bench.*;
import sc.fiji.restoregan.degrade.Lighting;
import sc.fiji.restoregan.filter.Bilinear;
import sc.fiji.restoregan.model.*;
import sc.fiji.restoregan.nn.UNetConfig;
import sc.fiji.restoregan.pipeline.*;
import sc.fiji.restoregan.train.*;

/**
 * Whether a network can estimate the illumination field of a badly lit
 * plane from the whole plane seen small (training/README.md, twenty-fourth
 * session): a U-Net trained with the project's trainer on 64 x 64 block
 * averages of lit crops, its target the log of the field as the degraded
 * plane shows it ({@code gamma * log(dimming * field)}, less its mean). On
 * the lighting benchmark the plane is divided by the estimated field (area
 * averaged to 64 px, estimated, upsampled bilinearly) and then denoised by
 * the shipped denoiser, with the gamma left and with the true gamma undone,
 * and the gains over flat-field + the best classical denoiser are printed. Not part of the build; from the repository root, after
 * {@code mvn -B -o package -DskipTests}:
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
 * resumes at. Clean crops of 128 to 256 px from
 * the real images (blobs, membranes and camera held out), simulated scenes
 * and dead leaves, flipped and turned, lit by {@link Lighting#random} with
 * the documented ranges; seed 42.
 */
public class FieldEstimator {
  static final int SMALL = 64;
  static final Set<String> HELD_OUT = Set.of("blobs.tif", "membranes.tif", "camera.png");

  public static void main(String[] a) throws Exception {
    TrainingConfig config = config(arch(4), Integer.parseInt(a[1]), SMALL, 42);
    byte[] params = train(config, new LitSampler(sources(), 42), Paths.get(a[0]));
    score((UNetConfig) config.architecture, params, Integer.parseInt(a[2]), a[3], a[4], a.length > 5 && a[5].equals("pair"));
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

  /** The estimators' U-Net: 16 filters, two input planes, not residual. */
  static UNetConfig arch(int depth) {
    UNetConfig arch = new UNetConfig(depth, 16);
    arch.inChannels = 2;
    arch.residual = false;
    return arch;
  }

  /** The estimators' training: squared error, batch 16, the default cosine schedule from 4e-4. */
  static TrainingConfig config(UNetConfig arch, int steps, int patch, long seed) {
    TrainingConfig config = new TrainingConfig();
    config.architecture = arch;
    config.steps = steps;
    config.batch = 16;
    config.patch = patch;
    config.content = "l2";
    config.checkpointEvery = 250;
    config.validateEvery = 100;
    config.seed = seed;
    return config;
  }

  /**
   * Lit pairs made on the fly, a batch a function of the seed and the step:
   * two input planes and one target plane of {@code size} px each per pair.
   */
  abstract static class LitPairs implements PairSampler {
    private final List<CleanSource> sources;
    private final long seed;
    private final int size;

    LitPairs(List<CleanSource> sources, long seed, int size) {
      this.sources = sources;
      this.seed = seed;
      this.size = size;
    }

    /** Fills one pair's inputs and target from {@code rnd}; returns its description. */
    abstract String fill(Random rnd, float[] in, int inAt, float[] out, int outAt);

    /** A clean source: the real images 60 %, simulated scenes and dead leaves 20 % each. */
    CleanSource pick(Random rnd) {
      double u = rnd.nextDouble();
      return sources.get(u < 0.6 ? 0 : u < 0.8 ? 1 : 2);
    }

    public Batch batch(long step, int count) {
      throw new UnsupportedOperationException();
    }

    public ScaledBatch pairs(long step, int count) {
      int n = size * size;
      float[] in = new float[count * 2 * n], out = new float[count * n];
      List<String> d = new ArrayList<>();
      for (int i = 0; i < count; i++) d.add(fill(new Random(seed * 1_000_003L + step * 131 + i), in, i * 2 * n, out, i * n));
      return new ScaledBatch(in, out, count, size, size, d, 2);
    }

    public JsonObject recipe() {
      return new JsonObject();
    }
  }

  /** Lit crops of 128 to 256 px, averaged to 64 px, and the log field they show. */
  static final class LitSampler extends LitPairs {
    LitSampler(List<CleanSource> sources, long seed) {
      super(sources, seed, SMALL);
    }

    String fill(Random rnd, float[] in, int inAt, float[] out, int outAt) {
      int s = 128 + rnd.nextInt(129);
      CleanSource src = pick(rnd);
      float[] clean = augment(src.next(rnd, s), s, rnd.nextInt(8));
      Lighting light = Lighting.random(rnd);
      long fieldSeed = rnd.nextLong();
      float[] field = light.field().generate(s, s, light.minimum(), new Random(fieldSeed));
      float[] y = light.apply(clean, s, s, new Random(fieldSeed));
      float[] f = areaMean(field, s, s);
      double mean = 0;
      for (int j = 0; j < f.length; j++) mean += out[outAt + j] = (float) (light.gamma() * Math.log(light.dimming() * f[j]));
      mean /= f.length;
      for (int j = 0; j < f.length; j++) out[outAt + j] -= mean;
      System.arraycopy(inputs(areaMean(y, s, s)), 0, in, inAt, 2 * SMALL * SMALL);
      return light.describe();
    }
  }

  /** The clean sources of both probes: the real images less the held-out ones, simulated scenes, dead leaves. */
  static List<CleanSource> sources() throws IOException {
    return List.of(ImageFolderSource.of(Paths.get("../shared/data/real"), HELD_OUT), new MicroscopySceneSource(), new DeadLeavesSource());
  }

  /** The two input planes of a 64 px block average: scaled by its 99th percentile, and the log of that. */
  static float[] inputs(float[] small) {
    float[] sorted = small.clone();
    Arrays.sort(sorted);
    double scale = Math.max(sorted[(int) (0.99 * (sorted.length - 1))], 1e-6);
    float[] two = new float[2 * small.length];
    for (int j = 0; j < small.length; j++) {
      double v = Math.max(0, small[j] / scale);
      two[j] = (float) v;
      two[small.length + j] = (float) Math.log(v + 0.02);
    }
    return two;
  }

  /** A w x h plane averaged down to 64 x 64: each output pixel the mean of the input pixels whose centres fall in it. */
  static float[] areaMean(float[] x, int w, int h) {
    float[] o = new float[SMALL * SMALL];
    int[] n = new int[SMALL * SMALL];
    for (int y = 0; y < h; y++)
      for (int xx = 0; xx < w; xx++) {
        int c = (int) ((y + 0.5) * SMALL / h) * SMALL + (int) ((xx + 0.5) * SMALL / w);
        o[c] += x[y * w + xx];
        n[c]++;
      }
    for (int c = 0; c < o.length; c++) o[c] /= Math.max(n[c], 1);
    return o;
  }

  /** One of the eight flips and quarter turns of a square plane. */
  static float[] augment(float[] x, int s, int t) {
    float[] o = new float[x.length];
    for (int y = 0; y < s; y++)
      for (int xx = 0; xx < s; xx++) {
        int u = (t & 1) != 0 ? s - 1 - xx : xx, v = (t & 2) != 0 ? s - 1 - y : y;
        o[(t & 4) != 0 ? u * s + v : v * s + u] = x[y * s + xx];
      }
    return o;
  }

  /** The estimated log field of a w x h plane at full size (bilinear from 64 px), mean zero. */
  static float[] estimate(Block net, NDManager manager, float[] y, int w, int h) {
    float[] small;
    try (NDManager sub = manager.newSubManager()) {
      NDArray x = sub.create(inputs(areaMean(y, w, h)), new Shape(1, 2, SMALL, SMALL));
      small = net.forward(new ParameterStore(sub, false), new NDList(x), false).singletonOrThrow().toFloatArray();
    }
    double mean = 0;
    for (float v : small) mean += v;
    mean /= small.length;
    for (int i = 0; i < small.length; i++) small[i] -= mean;
    return Bilinear.upsample(small, SMALL, SMALL, (double) w / SMALL, (double) h / SMALL, w, h);
  }

  static void score(UNetConfig arch, byte[] params, int ensemble, String denoiserName, String cache, boolean withPair) throws Exception {
    try (Model model = Model.newInstance("field", Device.cpu(), "PyTorch");
        BenchmarkNetworks nets = BenchmarkNetworks.open(BenchmarkTask.DENOISE, ModelRegistry.load(denoiserName).alone(), null, List.of(0.0),
            RestoreOptions.defaults().withEnsemble(ensemble), Device.cpu())) {
      Block net = arch.newBlock();
      model.setBlock(net);
      net.initialize(model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 2, SMALL, SMALL));
      net.loadParameters(model.getNDManager(), new DataInputStream(new ByteArrayInputStream(params)));
      PlaneRestorer denoiser = nets.restorers().get(RestorationBenchmark.realismKey(0));
      if (withPair)
        nets.add(BenchmarkTask.LIGHTING, "pair", ModelRegistry.load("lighting"), Device.cpu());
      PlaneRestorer pair = nets.restorers().get("pair");
      Map<String, PlaneRestorer> measured = new LinkedHashMap<>();
      float[][] divided = new float[1][];
      measured.put("estimated field divided out", ProbeScores.plane(p -> {
        float[] g = estimate(net, model.getNDManager(), p.pixels(), p.width(), p.height());
        float[] o = new float[g.length];
        for (int i = 0; i < o.length; i++) o[i] = (float) (p.pixels()[i] / Math.exp(g[i]));
        return divided[0] = o;
      }));
      measured.put("estimated field divided out, then denoiser", ProbeScores.plane(p -> denoiser.restore(divided[0], p.width(), p.height())));
      // the benchmark's levels in order: gamma 1, 0.8, 1.3 (BenchmarkTask.LIGHTING)
      double[] gammas = BenchmarkTask.LIGHTING.levels().stream().mapToDouble(l -> ((Lighting) l.degradation()).gamma()).toArray();
      int[] index = {0};
      measured.put("estimated field divided out, true gamma undone, then denoiser", ProbeScores.plane(p -> {
        double g = gammas[index[0]++ % gammas.length];
        float[] o = new float[divided[0].length];
        for (int i = 0; i < o.length; i++) o[i] = (float) Math.pow(Math.max(0, divided[0][i]), 1 / g);
        return denoiser.restore(o, p.width(), p.height());
      }));
      if (pair != null) {
        float[][] last = new float[2][];
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
