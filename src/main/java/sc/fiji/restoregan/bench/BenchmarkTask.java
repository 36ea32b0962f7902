package sc.fiji.restoregan.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

import sc.fiji.restoregan.baseline.Baseline;
import sc.fiji.restoregan.baseline.BicubicUpsampling;
import sc.fiji.restoregan.baseline.ClassicalDenoisers;
import sc.fiji.restoregan.baseline.FlatField;
import sc.fiji.restoregan.baseline.GaussianBackground;
import sc.fiji.restoregan.baseline.MedianFilter;
import sc.fiji.restoregan.baseline.NonLocalMeans;
import sc.fiji.restoregan.baseline.Oracle;
import sc.fiji.restoregan.baseline.RichardsonLucy;
import sc.fiji.restoregan.baseline.RollingBall;
import sc.fiji.restoregan.baseline.Tuned;
import sc.fiji.restoregan.baseline.WedgeDestriping;
import sc.fiji.restoregan.baseline.WienerDeconvolution;
import sc.fiji.restoregan.degrade.ArtefactKind;
import sc.fiji.restoregan.degrade.AtmosphericHaze;
import sc.fiji.restoregan.degrade.Blur;
import sc.fiji.restoregan.degrade.CameraNoise;
import sc.fiji.restoregan.degrade.Composite;
import sc.fiji.restoregan.degrade.Downsample;
import sc.fiji.restoregan.degrade.Drops;
import sc.fiji.restoregan.degrade.IlluminationField;
import sc.fiji.restoregan.degrade.KnownDegradation;
import sc.fiji.restoregan.degrade.Lighting;
import sc.fiji.restoregan.degrade.ScatterHaze;
import sc.fiji.restoregan.degrade.Streaks;
import sc.fiji.restoregan.degrade.Stripes;
import sc.fiji.restoregan.model.Task;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * The benchmark of each Restore task: a few fixed degradation levels (from
 * the documented ranges) and the classical methods a microscopist would
 * otherwise use, each at its best setting per image and level (an oracle:
 * {@link Oracle}). For dehazing and lighting the intensity scale of a
 * restoration is ambiguous, so every output is compared after a
 * least-squares affine fit to the clean image
 * ({@link sc.fiji.restoregan.normalize.AffineFit}).
 */
public enum BenchmarkTask
{
	/** Poisson-Gaussian noise; Gaussian filter, medians 3x3 and 5x5, non-local means. */
	DENOISE( "denoise", Task.DENOISE, false,
			DenoiseBenchmark.LEVELS.stream().map( l -> new DegradationLevel( l.name(), CameraNoise.poissonGaussian( l.peak(), l.read() ) ) ).toList(),
			List.of( Baseline.of( "Gaussian", ( in, s ) -> ClassicalDenoisers.bestGaussian( in.pixels(), in.width(), in.height(), s ) ),
					median( 3 ), median( 5 ),
					Baseline.of( "NLM", ( in, s ) -> NonLocalMeans.best( in.pixels(), in.width(), in.height(), s ) ) ) ),
	/** Blur with its true PSF, then mild noise; Richardson-Lucy and Wiener. */
	DEBLUR( "deblur", Task.DEBLUR, false,
			List.of( blurLevel( "gaussian-sigma2", Blur.gaussian( 2 ) ), blurLevel( "defocus-radius4", Blur.defocus( 4 ) ),
					blurLevel( "widefield-airy3-defocus1", Blur.widefield( 3, 1 ) ), blurLevel( "motion-20px", Blur.motion( new Random( 7 ), 20, 0.005, 1 ) ) ),
			List.of( Baseline.of( "Richardson-Lucy", ( in, s ) -> RichardsonLucy.best( in.pixels(), in.width(), in.height(), in.psf(), s ) ),
					Baseline.of( "Wiener", ( in, s ) -> WienerDeconvolution.best( in.pixels(), in.width(), in.height(), in.psf(), s ) ) ) ),
	/** Microscope scatter and atmospheric haze; rolling ball and Gaussian background subtraction. */
	DEHAZE( "dehaze", Task.DEHAZE, true,
			List.of( new DegradationLevel( "scatter-mild", new ScatterHaze( new double[] { 15 }, new double[] { 0.5 }, 0.02 ) ),
					new DegradationLevel( "scatter-medium", new ScatterHaze( new double[] { 10, 25 }, new double[] { 0.8, 0.5 }, 0.02 ) ),
					new DegradationLevel( "scatter-strong", new ScatterHaze( new double[] { 8, 30 }, new double[] { 2, 1.5 }, 0.08 ) ),
					new DegradationLevel( "atmospheric", new AtmosphericHaze( 0.8, 0.3, 128 ) ) ),
			List.of( Baseline.of( "rolling ball", ( in, s ) -> RollingBall.best( in.pixels(), in.width(), in.height(), s ) ),
					Baseline.of( "Gaussian background", ( in, s ) -> GaussianBackground.best( in.pixels(), in.width(), in.height(), s ) ) ) ),
	/** Streaks, light-sheet stripes and drops; median filters and FFT wedge destriping. */
	DERAIN( "derain", Task.DERAIN, false,
			List.of( new DegradationLevel( "streaks", new Streaks( 30, 30, 5, 1, 0.5, 0.3 ) ), new DegradationLevel( "stripes", new Stripes( 20, 0, 0.5, 3 ) ),
					new DegradationLevel( "drops", new Drops( 10, 12, 0.6, 3 ) ) ),
			List.of( Baseline.of( "median", ( in, s ) -> Oracle.best( "median", List.of( 3, 5, 7 ), k -> k + "x" + k,
					k -> MedianFilter.apply( in.pixels(), in.width(), in.height(), k ), s ) ),
					Baseline.of( "FFT wedge", ( in, s ) -> WedgeDestriping.best( in.pixels(), in.width(), in.height(), in.direction(), s ) ) ) ),
	/** Uneven, dim illumination with photon noise and gamma; flat-field division then the best denoiser. */
	LIGHTING( "lighting", Task.LIGHTING, true,
			List.of( new DegradationLevel( "vignette", new Lighting( IlluminationField.VIGNETTE, 0.3, 0.3, 200, 0.005, 1 ) ),
					new DegradationLevel( "gradient-gamma0.8", new Lighting( IlluminationField.GRADIENT, 0.5, 0.5, 500, 0.003, 0.8 ) ),
					new DegradationLevel( "smooth-dim-gamma1.3", new Lighting( IlluminationField.SMOOTH, 0.2, 0.15, 100, 0.005, 1.3 ) ) ),
			List.of( Baseline.of( "flat-field + denoiser", ( in, s ) -> FlatField.best( in.pixels(), in.width(), in.height(), s ) ) ) ),
	/** Twofold low resolution; bicubic interpolation. */
	SR2( "sr2", Task.SR, false, List.of( lowres( 2, 0.5, 1000, 0.002 ), lowres( 2, 1, 200, 0.005 ) ), List.of( bicubic() ) ),
	/** Fourfold low resolution; bicubic interpolation. */
	SR4( "sr4", Task.SR, false, List.of( lowres( 4, 1.5, 1000, 0.002 ), lowres( 4, 2, 200, 0.005 ) ), List.of( bicubic() ) );

	private final String id;

	private final Task modelTask;

	private final boolean affine;

	private final List< DegradationLevel > levels;

	private final List< Baseline > baselines;

	BenchmarkTask( final String id, final Task modelTask, final boolean affine, final List< DegradationLevel > levels, final List< Baseline > baselines )
	{
		this.id = id;
		this.modelTask = modelTask;
		this.affine = affine;
		this.levels = levels;
		this.baselines = baselines;
	}

	/** The name on the command line. */
	public String id()
	{
		return id;
	}

	/** The restoration task whose model this benchmark measures. */
	public Task modelTask()
	{
		return modelTask;
	}

	/**
	 * What the benchmark knows of every one of its levels, and tells the
	 * baselines and the networks: the PSF when every level blurs (so that
	 * its model is the one that deconvolves with it), the kind of artefacts
	 * when every level has the same. It picks the model the benchmark
	 * measures ({@link Task#defaultModel(int, KnownDegradation)}); a level
	 * whose own {@link KnownDegradation} picks another model (the derain
	 * benchmark's stripes and drops) can be routed to it
	 * ({@link BenchmarkNetworks#route}).
	 */
	public KnownDegradation known()
	{
		final boolean psf = levels.stream().allMatch( l -> l.degradation().psf() != null );
		final List< ArtefactKind > kinds = levels.stream().map( l -> ArtefactKind.of( l.degradation() ) ).distinct().toList();
		return new KnownDegradation( psf ? levels.get( 0 ).degradation().psf() : null, Double.NaN, kinds.size() == 1 ? kinds.get( 0 ) : ArtefactKind.ANY );
	}

	/**
	 * The models that a user who says what is known of some of this
	 * benchmark's levels gets for them instead of the benchmark's own
	 * ({@link Task#DERAIN_STRIPES} and {@link Task#DERAIN_DROPS} for the
	 * derain benchmark's stripes and drops), in the order of the levels;
	 * none when every level gets the benchmark's own.
	 */
	public List< String > routedModelNames()
	{
		final String measured = modelTask.modelName( scale(), known() );
		return levels.stream().map( this::modelName ).filter( n -> !n.equals( measured ) ).distinct().toList();
	}

	/** The levels routed to one of {@link #routedModelNames()}, in order. */
	public List< DegradationLevel > routedLevels()
	{
		final List< String > names = routedModelNames();
		return levels.stream().filter( l -> names.contains( modelName( l ) ) ).toList();
	}

	private String modelName( final DegradationLevel level )
	{
		return modelTask.modelName( scale(), KnownDegradation.of( level.degradation() ) );
	}

	/** The levels whose planes a user who says what is known of them would restore with the model {@code name} ({@link Task#modelName(int, KnownDegradation)}). */
	public List< DegradationLevel > levelsFor( final String name )
	{
		return levels.stream().filter( l -> modelName( l ).equals( name ) ).toList();
	}

	/** Whether outputs are compared after a least-squares affine fit to the clean image. */
	public boolean affine()
	{
		return affine;
	}

	/** The fixed degradation levels. */
	public List< DegradationLevel > levels()
	{
		return levels;
	}

	/** The classical methods, each at its best setting. */
	public List< Baseline > baselines()
	{
		return baselines;
	}

	/** The low-resolution factor (1 unless super-resolution). */
	public int scale()
	{
		return levels.get( 0 ).degradation().scale();
	}

	/** Parses a benchmark task name such as {@code sr4}. */
	public static BenchmarkTask parse( final String name )
	{
		for ( final BenchmarkTask t : values() )
			if ( t.id.equals( name.trim().toLowerCase( Locale.ROOT ) ) )
				return t;
		throw new RestoreException( "Unknown benchmark task '" + name + "': use one of " + Arrays.stream( values() ).map( BenchmarkTask::id ).collect( Collectors.joining( ", " ) ) + "." );
	}

	private static Baseline median( final int size )
	{
		return Baseline.of( "median " + size + "x" + size, ( in, s ) -> {
			final float[] out = MedianFilter.apply( in.pixels(), in.width(), in.height(), size );
			return new Tuned( "median", size + "x" + size, out, s.applyAsDouble( out ) );
		} );
	}

	private static DegradationLevel blurLevel( final String name, final Blur blur )
	{
		return new DegradationLevel( name + "-peak1000", Composite.of( blur, CameraNoise.poissonGaussian( 1000, 0.002 ) ) );
	}

	private static DegradationLevel lowres( final int scale, final double sigma, final double peak, final double read )
	{
		return new DegradationLevel( String.format( Locale.ROOT, "x%d-sigma%s-peak%.0f", scale, sigma, peak ),
				new Downsample( scale, sigma, CameraNoise.poissonGaussian( peak, read ), null ) );
	}

	private static Baseline bicubic()
	{
		return Baseline.of( "bicubic", ( in, s ) -> {
			final float[] out = BicubicUpsampling.upsample( in.pixels(), in.width(), in.height(), in.scale() );
			return new Tuned( "bicubic", "x" + in.scale(), out, s.applyAsDouble( out ) );
		} );
	}
}
