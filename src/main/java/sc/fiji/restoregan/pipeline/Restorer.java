package sc.fiji.restoregan.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessible;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import sc.fiji.restoregan.bridge.Planes;
import sc.fiji.restoregan.bridge.TensorBridge;
import sc.fiji.restoregan.degrade.KnownDegradation;
import sc.fiji.restoregan.filter.ContextChannels;
import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.normalize.AffineFit;
import sc.fiji.restoregan.normalize.AffineNormalization;
import sc.fiji.restoregan.tiling.AxisTiling;

/**
 * Restores an image with a {@link PlaneNetwork}, plane by plane and tile by
 * tile: percentile normalisation, mirror-padded overlapping tiles read as
 * views, the network, weighted blending into the output, and the inverse
 * normalisation, so the result is in the input's units; for a model
 * trained without a fixed intensity scale, then the least-squares affine fit
 * of each output plane to its input plane ({@link #fitOutputToInput}). A network with
 * context channels ({@link PlaneNetwork#context()}) gets them beside the
 * image in every tile, computed once per plane on the whole normalised
 * plane. A network with a plane correction
 * ({@link PlaneNetwork#correction()}, such as an illumination estimate) has
 * each whole plane corrected first, in the input's units; the output is then
 * in the corrected plane's units. With a self-ensemble
 * ({@link RestoreOptions#ensemble}) every plane is also restored flipped
 * and turned ({@link Dihedral}) and the results averaged; the context channels are flipped and turned with it, not
 * computed again, so every member sees the same context (a transpose swaps
 * the channels destriped along X and along Y,
 * {@link ContextChannels#channelOrder(boolean)}). A network whose context
 * channels deconvolve with a known PSF needs it in the options
 * ({@link RestoreOptions#psf()}). The input is only
 * read. Memory: the output image plus a few tiles, and with context channels
 * one float copy of the plane being restored per context channel, and
 * three (the plane, its estimated field, the corrected plane) with a plane
 * correction.
 */
public final class Restorer
{
	/** Smallest accepted width and height. */
	public static final int MIN_SIZE = 8;

	/** Largest accepted number of dimensions (X, Y, channel, Z, time). */
	public static final int MAX_DIMENSIONS = 5;

	private final PlaneNetwork network;

	private final RestoreOptions options;

	/** The network's context channels, fixed for its lifetime. */
	private final ContextChannels context;

	/** The network's correction of each whole plane, fixed for its lifetime. */
	private final PlaneCorrection correction;

	private Consumer< String > log = s -> {};

	private boolean fitToInput;

	private final Timings timings = new Timings();

	/** When the last span of time counted in {@link #timings} ended, in nanoseconds. */
	private long mark;

	/**
	 * @param network runs the tiles; not closed by this class
	 * @param options tiling and normalisation
	 */
	public Restorer( final PlaneNetwork network, final RestoreOptions options )
	{
		this.network = network;
		this.options = options;
		this.context = network.context();
		this.correction = network.correction();
	}

	/**
	 * This restorer with other knowledge of the degradation: the same
	 * network, options otherwise, log and output fit, with timings of its
	 * own.
	 */
	public Restorer withKnown( final KnownDegradation known )
	{
		return new Restorer( network, options.withKnown( known ) ).log( log ).fitOutputToInput( fitToInput );
	}

	/** How many flips and turns of each plane are restored and averaged (1: no self-ensemble). */
	public int members()
	{
		return options.members();
	}

	/**
	 * A restorer for a model as its card runs it: the card's self-ensemble at
	 * this realism ({@link RestoreOptions#forModel}) and its output mapping
	 * ({@link #fitOutputToInput}).
	 */
	public static Restorer forModel( final PlaneNetwork network, final RestoreOptions options, final ModelCard card, final double realism )
	{
		return new Restorer( network, options.forModel( card.ensemble, realism ) ).fitOutputToInput( card.normalization.fitsOutputToInput() );
	}

	/** Where notes for the user (such as a raised overlap) go. */
	public Restorer log( final Consumer< String > sink )
	{
		this.log = sink;
		return this;
	}

	/**
	 * Whether each restored plane is mapped by its least-squares affine fit
	 * to the input plane after the inverse percentile map (see
	 * {@link sc.fiji.restoregan.model.ModelCard.Normalization#output}): set
	 * for models whose training targets were normalised by their own
	 * percentiles. Only for networks that keep the size; a fit with a gain
	 * that is not positive (an output unrelated to the input) is not applied.
	 */
	public Restorer fitOutputToInput( final boolean fit )
	{
		if ( fit && network.scale() != 1 )
			throw new IllegalArgumentException( "An output fit to the input needs a network that keeps the size." );
		this.fitToInput = fit;
		return this;
	}

	/** Time spent so far in the network and in everything else. */
	public Timings timings()
	{
		return timings;
	}

	/**
	 * Checks that an image can be restored.
	 *
	 * @throws RestoreException naming the problem
	 */
	public static void validate( final RandomAccessibleInterval< ? > input )
	{
		final int n = input.numDimensions();
		if ( n < 2 || n > MAX_DIMENSIONS )
			throw new RestoreException( "Unsupported image with " + n + " dimension(s): RestoreGAN handles 2 to " + MAX_DIMENSIONS + " (X, Y and any of channel, Z, time)." );
		for ( int d = 0; d < n; d++ )
			if ( input.dimension( d ) < 1 )
				throw new RestoreException( "The image is empty." );
		if ( input.dimension( 0 ) < MIN_SIZE || input.dimension( 1 ) < MIN_SIZE )
			throw new RestoreException( "The image is " + input.dimension( 0 ) + "x" + input.dimension( 1 ) + " pixels; restoration needs at least " + MIN_SIZE + "x" + MIN_SIZE + "." );
	}

	/**
	 * Restores every plane of {@code input} into a new 32-bit image of the
	 * same dimensions (X and Y times the network's scale).
	 *
	 * @param progress receives one unit per tile and may cancel
	 * @throws RestoreException for invalid input, or a network that needs a
	 *             PSF and options without one
	 * @throws CancelledException if cancelled
	 */
	public < T extends RealType< T > > Img< FloatType > restore( final RandomAccessibleInterval< T > input, final Progress progress )
	{
		validate( input );
		if ( context.needsPsf() && options.psf() == null )
			throw new RestoreException( "This model deconvolves with the point-spread function the image was blurred with: give the PSF (for example a Gaussian sigma, a widefield PSF or a PSF image), or use a model that needs none." );
		final long[] dims = input.dimensionsAsLongArray();
		dims[ 0 ] *= network.scale();
		dims[ 1 ] *= network.scale();
		final Img< FloatType > output = PlanarImgs.floats( dims );
		final RandomAccessibleInterval< T > in = Views.zeroMin( input );
		final long planes = Planes.count( in );
		final Grid[] grids = new Grid[ options.members() ];
		long perPlane = 0;
		for ( int k = 0; k < grids.length; k++ )
		{
			final RandomAccessibleInterval< T > view = Dihedral.view( Planes.plane( in, 0 ), k );
			grids[ k ] = grid( view.dimension( 0 ), view.dimension( 1 ), k == 0 );
			perPlane += grids[ k ].tiles();
		}
		final long total = planes * perPlane;
		for ( long p = 0; p < planes; p++ )
			restorePlane( Planes.plane( in, p ), Planes.plane( output, p ), grids, p * perPlane, total, progress );
		progress.update( total, total, "Restored" );
		return output;
	}

	/** The tiling of a plane of the given size under these options; notes raised settings when {@code tell} is set. */
	private Grid grid( final long width, final long height, final boolean tell )
	{
		final Consumer< String > log = tell ? this.log : s -> {};
		final int block = network.blockSize();
		final int context = roundUp( network.receptiveFieldRadius(), block );
		int overlap = roundUp( options.overlap(), block );
		final int minOverlap = 2 * context + block;
		if ( overlap < minOverlap )
		{
			log.accept( "Overlap raised from " + options.overlap() + " to " + minOverlap + " pixels, the network's receptive field." );
			overlap = minOverlap;
		}
		int tile = roundUp( options.tile(), block );
		if ( tile <= overlap )
		{
			final int raised = roundUp( 2 * overlap, block );
			log.accept( "Tile size raised from " + options.tile() + " to " + raised + " pixels to exceed the overlap." );
			tile = raised;
		}
		final int s = network.scale();
		return new Grid( new AxisTiling( width, tile, overlap, context, block, s ), new AxisTiling( height, tile, overlap, context, block, s ) );
	}

	private static int roundUp( final int v, final int m )
	{
		return ( v + m - 1 ) / m * m;
	}

	/**
	 * Restores one plane: each transform of the self-ensemble is tiled, run
	 * and blended into the same transform of the output, so the output sums
	 * the ensemble's results in place; the mean is then mapped back to the
	 * input's units.
	 */
	private < T extends RealType< T > > void restorePlane( final RandomAccessibleInterval< T > in, final RandomAccessibleInterval< FloatType > out, final Grid[] grids, final long done, final long total, final Progress progress )
	{
		mark = System.nanoTime();
		if ( correction == PlaneCorrection.NONE )
		{
			restoreCorrectedPlane( in, out, grids, done, total, progress );
			return;
		}
		progress.checkCancelled();
		final int w = ( int ) in.dimension( 0 ), h = ( int ) in.dimension( 1 );
		final float[] plane = TensorBridge.toArray( in );
		final long t1 = System.nanoTime();
		timings.other += t1 - mark;
		final float[] corrected = correction.correct( plane, w, h );
		mark = System.nanoTime();
		timings.network += mark - t1;
		restoreCorrectedPlane( ArrayImgs.floats( corrected, w, h ), out, grids, done, total, progress );
	}

	/** {@link #restorePlane} after the plane's correction, if any. */
	private < T extends RealType< T > > void restoreCorrectedPlane( final RandomAccessibleInterval< T > in, final RandomAccessibleInterval< FloatType > out, final Grid[] grids, final long done, final long total, final Progress progress )
	{
		final AffineNormalization norm = AffineNormalization.fromPercentiles( in, options.lowPercentile(), options.highPercentile() );
		final List< RandomAccessibleInterval< FloatType > > planes = networkInputs( norm.view( in ) );
		long count = done;
		for ( int k = 0; k < grids.length; k++ )
		{
			final List< RandomAccessible< FloatType > > sources = new ArrayList<>();
			sources.add( Views.extendMirrorSingle( Dihedral.view( planes.get( 0 ), k ) ) );
			for ( final int c : context.channelOrder( Dihedral.transposes( k ) ) )
				sources.add( Views.extendMirrorSingle( Dihedral.view( planes.get( 1 + c ), k ) ) );
			count = restoreTiles( sources, Dihedral.view( out, k ).randomAccess(), grids[ k ], count, total, progress );
		}
		final double members = grids.length;
		LoopBuilder.setImages( out ).forEachPixel( v -> v.setReal( norm.invert( v.getRealDouble() / members ) ) );
		if ( fitToInput )
		{
			final AffineFit fit = AffineFit.of( out, in );
			if ( fit.scale() > 0 )
				LoopBuilder.setImages( out ).forEachPixel( v -> v.setReal( fit.apply( v.getRealDouble() ) ) );
		}
		timings.other += System.nanoTime() - mark;
	}

	/**
	 * Runs the network on every tile of {@code grid} read from
	 * {@code sources} and adds the weighted results into {@code target}.
	 *
	 * @return the number of tiles done so far, {@code count} included
	 */
	private long restoreTiles( final List< RandomAccessible< FloatType > > sources, final RandomAccess< FloatType > target, final Grid grid, long count, final long total, final Progress progress )
	{
		final int s = network.scale(), w = grid.x.tileSize(), h = grid.y.tileSize();
		for ( int j = 0; j < grid.y.count(); j++ )
			for ( int i = 0; i < grid.x.count(); i++ )
			{
				progress.checkCancelled();
				final float[] data = tileData( sources, grid.x.start( i ), grid.y.start( j ), w, h );
				final long t1 = System.nanoTime();
				timings.other += t1 - mark;
				final float[] result = network.process( data, h, w );
				mark = System.nanoTime();
				timings.network += mark - t1;
				timings.networkPixels += ( long ) w * h;
				accumulate( result, w * s, grid.x, i, grid.y, j, s, target );
				progress.update( ++count, total, "Restoring tile " + count + "/" + total );
			}
		return count;
	}

	/**
	 * The planes a tile is read from: the normalised image, then the
	 * network's context channels, computed once on the whole plane.
	 */
	private List< RandomAccessibleInterval< FloatType > > networkInputs( final RandomAccessibleInterval< FloatType > normalised )
	{
		final List< RandomAccessibleInterval< FloatType > > planes = new ArrayList<>();
		planes.add( normalised );
		if ( context.isEmpty() )
			return planes;
		final int w = ( int ) normalised.dimension( 0 ), h = ( int ) normalised.dimension( 1 );
		for ( final float[] channel : context.compute( TensorBridge.toArray( normalised ), w, h, options.known() ) )
			planes.add( ArrayImgs.floats( channel, w, h ) );
		return planes;
	}

	/** A tile of every source, one plane after the other. */
	private static float[] tileData( final List< RandomAccessible< FloatType > > sources, final long x0, final long y0, final int w, final int h )
	{
		final long[] min = { x0, y0 }, max = { x0 + w - 1, y0 + h - 1 };
		if ( sources.size() == 1 )
			return TensorBridge.toArray( Views.interval( sources.get( 0 ), min, max ) );
		final float[] data = new float[ sources.size() * w * h ];
		for ( int c = 0; c < sources.size(); c++ )
			System.arraycopy( TensorBridge.toArray( Views.interval( sources.get( c ), min, max ) ), 0, data, c * w * h, w * h );
		return data;
	}

	/** Adds a tile's output, weighted, into the output plane. */
	private static void accumulate( final float[] result, final int rowLength, final AxisTiling tx, final int i, final AxisTiling ty, final int j, final int scale, final RandomAccess< FloatType > target )
	{
		final float[] wx = tx.weights( i ), wy = ty.weights( j );
		final int xa = tx.firstUsed( i ), xb = tx.endUsed( i );
		final int ya = ty.firstUsed( j ), yb = ty.endUsed( j );
		final long ox = tx.start( i ) * scale, oy = ty.start( j ) * scale;
		for ( int y = ya; y < yb; y++ )
		{
			final float fy = wy[ y ];
			final int row = y * rowLength;
			target.setPosition( ox + xa, 0 );
			target.setPosition( oy + y, 1 );
			for ( int x = xa; x < xb; x++ )
			{
				final FloatType v = target.get();
				v.set( v.get() + fy * wx[ x ] * result[ row + x ] );
				target.fwd( 0 );
			}
		}
	}

	/** The tilings of both axes of a plane. */
	private record Grid( AxisTiling x, AxisTiling y )
	{
		long tiles()
		{
			return ( long ) x.count() * y.count();
		}
	}

	/** Time spent in the network and in the rest (conversion, tiling, blending), in nanoseconds. */
	public static final class Timings
	{
		/** Inside {@link PlaneNetwork#process}. */
		public long network;

		/** Normalisation, tile extraction, blending, inverse normalisation. */
		public long other;

		/** Input pixels the network processed (tiles include overlap and padding). */
		public long networkPixels;
	}
}
