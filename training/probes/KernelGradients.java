import java.io.*;
import java.nio.file.*;
import java.util.*;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.*;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

import sc.fiji.restoregan.model.*;

/**
 * Whether a CPU's convolution kernels give a shipped model the right loss and
 * weight gradients (docs/decisions.md, "oneDNN kernels on AVX-512 CPUs").
 * Not part of the build; from the repository root, after
 * {@code mvn -B -o package -DskipTests}:
 *
 * <pre>
 * javac -cp "target/classes:target/lib/*" -d /tmp/probes training/probes/KernelGradients.java
 * CP="/tmp/probes:target/classes:target/lib/*"
 * for isa in SSE41 ALL; do ONEDNN_MAX_CPU_ISA=$isa java -cp "$CP" KernelGradients write models/deblur 4 128 /tmp/g-$isa.bin; done
 * java -cp "$CP" KernelGradients compare /tmp/g-ALL.bin /tmp/g-SSE41.bin
 * </pre>
 *
 * {@code write} loads the model, makes a seeded batch (a smooth target plus
 * Gaussian noise of sigma 0.1, the noisy plane in every input channel), and
 * takes the squared-error loss's weight gradients three times in one JVM,
 * printing the loss and the gradients' sum of squares each time, and writes
 * the first pass's gradients; {@code compare} prints the relative difference
 * of two such files, overall and for each parameter off by more than 1e-3.
 */
public class KernelGradients {
  public static void main(String[] a) throws Exception {
    if (a[0].equals("write")) write(a[1], Integer.parseInt(a[2]), Integer.parseInt(a[3]), a[4]);
    else compare(a[1], a[2]);
  }

  static void write(String dir, int batch, int side, String outFile) throws Exception {
    StoredModel m = ModelStore.load(ModelSource.directory(Paths.get(dir)));
    try (Model model = Model.newInstance("probe", "PyTorch")) {
      Block b = m.loadInto(model);
      NDManager man = model.getNDManager();
      int ch = (int) b.getParameters().values().get(0).getArray().getShape().get(1);
      Random r = new Random(7);
      float[] in = new float[batch*ch*side*side], tg = new float[batch*side*side];
      for (int i=0;i<tg.length;i++){ double x=0.5+0.3*Math.sin(i*0.013)*Math.cos(i*0.0007); tg[i]=(float)x; }
      for (int n=0;n<batch;n++) for (int c=0;c<ch;c++) for (int j=0;j<side*side;j++) in[(n*ch+c)*side*side+j] = tg[n*side*side+j] + (float)(0.1*r.nextGaussian());
      b.getParameters().forEach(e -> e.getValue().getArray().setRequiresGradient(true));
      ParameterStore store = new ParameterStore(man, false);
      for (int pass=0; pass<3; pass++) {
        try (NDManager sub = man.newSubManager()) {
          NDArray x = sub.create(in, new Shape(batch, ch, side, side)), y = sub.create(tg, new Shape(batch,1,side,side));
          double loss;
          try (GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray out = b.forward(store, new NDList(x), true).singletonOrThrow();
            NDArray l = out.sub(y).square().mean();
            gc.backward(l); loss = l.getFloat();
          }
          double ss=0; List<float[]> all = new ArrayList<>();
          for (var e : b.getParameters()) { float[] g = e.getValue().getArray().getGradient().toFloatArray(); all.add(g); for (float v: g) ss+= (double)v*v; }
          System.out.printf(Locale.ROOT, "pass %d loss %.8f grad sumsq %.6e%n", pass, loss, ss);
          if (pass==0) try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(outFile)))) { for (float[] g: all){ o.writeInt(g.length); for(float v:g) o.writeFloat(v);} }
          b.getParameters().forEach(e -> e.getValue().getArray().getGradient().subi(e.getValue().getArray().getGradient()));
        }
      }
    }
  }

  static List<float[]> read(String f) throws IOException { List<float[]> l=new ArrayList<>(); try(DataInputStream i=new DataInputStream(new BufferedInputStream(new FileInputStream(f)))){ while(i.available()>0){int n=i.readInt(); float[] g=new float[n]; for(int k=0;k<n;k++)g[k]=i.readFloat(); l.add(g);} } return l; }
  static void compare(String fa, String fb) throws Exception {
    List<float[]> x=read(fa), y=read(fb); double worst=0; double tn=0, td=0;
    for (int p=0;p<x.size();p++){ double n=0,d=0; for(int k=0;k<x.get(p).length;k++){ double u=x.get(p)[k], v=y.get(p)[k]; n+=(u-v)*(u-v); d+=v*v;} tn+=n; td+=d; double rel=Math.sqrt(n/Math.max(d,1e-30)); worst=Math.max(worst,rel); if (rel>1e-3) System.out.printf(Locale.ROOT,"param %d rel diff %.3e%n",p,rel);}
    System.out.printf(Locale.ROOT,"params %d, overall rel diff %.3e, worst %.3e%n", x.size(), Math.sqrt(tn/td), worst);
  }
}
