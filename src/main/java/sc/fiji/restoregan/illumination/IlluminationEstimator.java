package sc.fiji.restoregan.illumination;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import net.imglib2.RandomAccessible;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import sc.fiji.restoregan.bridge.TensorBridge;
import sc.fiji.restoregan.filter.Bilinear;
import sc.fiji.restoregan.nn.Tile;
import sc.fiji.restoregan.nn.TileTranslator;
import sc.fiji.restoregan.pipeline.Dihedral;
import sc.fiji.restoregan.pipeline.PlaneCorrection;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * Evens out the light of a whole plane with two small networks trained on
 * lit synthetic crops ({@link LitFieldPairs}, {@link LitGammaPairs}): one
 * estimates the log of the illumination field (its answers averaged over
 * the eight flips and turns of its input) from the plane averaged to
 * {@value IlluminationInputs#SIZE} px, the other the plane's gamma from its
 * {@value IlluminationInputs#SIZE} px tiles. The plane is divided by the
 * field (upsampled bilinearly, mean one in the log) and raised to one over
 * the gamma about its mean, so it keeps its level
 * ({@link #apply}). A restoring network (the denoiser) then removes the
 * noise that came with the dim light. docs/decisions.md, "Lighting: what
 * the bar needs".
 */
public final class IlluminationEstimator implements PlaneCorrection
{
	private final Model fieldModel, gammaModel;

	private final Predictor< Tile, float[] > field, gamma;

	private final int fieldPlanes;

	/**
	 * An estimator whose field network sees the two planes of
	 * {@link IlluminationInputs#of}.
	 *
	 * @param fieldModel its block estimates the log field; closed with this
	 * @param gammaModel its block estimates log gamma, or null to leave the
	 *            gamma; closed with this
	 *            (both models stay the caller's when this constructor throws)
	 */
	public IlluminationEstimator( final Model fieldModel, final Model gammaModel )
	{
		this( fieldModel, IlluminationInputs.PLAIN_PLANES, gammaModel );
	}

	/**
	 * @param fieldModel its block estimates the log field; closed with this
	 * @param fieldPlanes the planes it sees ({@link IlluminationInputs#field})
	 * @param gammaModel its block estimates log gamma, or null to leave the
	 *            gamma; closed with this
	 *            (both models stay the caller's when this constructor throws)
	 */
	public IlluminationEstimator( final Model fieldModel, final int fieldPlanes, final Model gammaModel )
	{
		IlluminationInputs.checkFieldPlanes( fieldPlanes );
		this.fieldPlanes = fieldPlanes;
		this.fieldModel = fieldModel;
		this.gammaModel = gammaModel;
		this.field = fieldModel.newPredictor( new TileTranslator() );
		try
		{
			this.gamma = gammaModel == null ? null : gammaModel.newPredictor( new TileTranslator() );
		}
		catch ( final RuntimeException e )
		{
			field.close();
			throw e;
		}
	}

	@Override
	public float[] correct( final float[] plane, final int width, final int height )
	{
		return apply( plane, logField( plane, width, height ), gamma == null ? 1 : gamma( plane, width, height ) );
	}

	/**
	 * The corrected plane: {@code c = plane / exp(logField)}, then
	 * {@code m * (c / m)^(1 / gamma)} with {@code m} the mean of {@code c}
	 * (negative values as 0), so that undoing the gamma keeps the plane's
	 * level.
	 */
	public static float[] apply( final float[] plane, final float[] logField, final double gamma )
	{
		final float[] c = new float[ plane.length ];
		double mean = 0;
		for ( int i = 0; i < c.length; i++ )
			mean += c[ i ] = ( float ) Math.max( 0, plane[ i ] / Math.exp( logField[ i ] ) );
		mean /= c.length;
		if ( gamma == 1 || !( mean > 0 ) )
			return c;
		for ( int i = 0; i < c.length; i++ )
			c[ i ] = ( float ) ( mean * Math.pow( c[ i ] / mean, 1 / gamma ) );
		return c;
	}

	/**
	 * The estimated log illumination field of a plane at full size: the
	 * field network's output on the plane averaged to
	 * {@value IlluminationInputs#SIZE} px ({@link IlluminationInputs#field}), averaged over the eight flips and
	 * quarter turns of that input (each output turned back,
	 * {@link Dihedral}), less its mean, upsampled bilinearly.
	 */
	public float[] logField( final float[] plane, final int width, final int height )
	{
		final int n = IlluminationInputs.SIZE;
		final Img< FloatType > input = ArrayImgs.floats( IlluminationInputs.field( plane, width, height, fieldPlanes ), n, n, fieldPlanes );
		final float[] small = new float[ n * n ], turned = new float[ fieldPlanes * n * n ];
		final Img< FloatType > sum = ArrayImgs.floats( small, n, n );
		for ( int k = 0; k < Dihedral.COUNT; k++ )
		{
			for ( int c = 0; c < fieldPlanes; c++ )
				System.arraycopy( TensorBridge.toArray( Dihedral.view( Views.hyperSlice( input, 2, c ), k ) ), 0, turned, c * n * n, n * n );
			final Img< FloatType > out = ArrayImgs.floats( run( field, turned, fieldPlanes ), n, n );
			LoopBuilder.setImages( out, Dihedral.view( sum, k ) ).forEachPixel( ( o, s ) -> s.set( s.get() + o.get() / Dihedral.COUNT ) );
		}
		final double mean = mean( small );
		for ( int i = 0; i < small.length; i++ )
			small[ i ] -= mean;
		return Bilinear.upsample( small, n, n, ( double ) width / n, ( double ) height / n, width, height );
	}

	/**
	 * The estimated gamma of a plane: exp of the gamma network's mean output
	 * over the plane's whole {@value IlluminationInputs#SIZE} px tiles from
	 * the top left, read as views of the plane mirrored out (so a plane
	 * narrower or lower than a tile gives one row or column of them); 1
	 * without a gamma network.
	 */
	public double gamma( final float[] plane, final int width, final int height )
	{
		if ( gamma == null )
			return 1;
		final int n = IlluminationInputs.SIZE;
		final RandomAccessible< FloatType > mirrored = Views.extendMirrorSingle( ArrayImgs.floats( plane, width, height ) );
		final int rows = Math.max( 1, height / n ), columns = Math.max( 1, width / n );
		double sum = 0;
		for ( int y = 0; y < rows; y++ )
			for ( int x = 0; x < columns; x++ )
			{
				final float[] tile = TensorBridge.toArray( Views.interval( mirrored, new long[] { x * n, y * n }, new long[] { x * n + n - 1, y * n + n - 1 } ) );
				sum += mean( run( gamma, IlluminationInputs.of( tile ), IlluminationInputs.PLAIN_PLANES ) );
			}
		return Math.exp( sum / ( rows * columns ) );
	}

	private static double mean( final float[] values )
	{
		double s = 0;
		for ( final float v : values )
			s += v;
		return s / values.length;
	}

	/** One network's output on its input planes. */
	private static float[] run( final Predictor< Tile, float[] > network, final float[] inputs, final int planes )
	{
		try
		{
			return network.predict( new Tile( inputs, planes, IlluminationInputs.SIZE, IlluminationInputs.SIZE ) );
		}
		catch ( final TranslateException e )
		{
			throw new RestoreException( "The illumination estimate failed: " + e.getMessage(), e );
		}
	}

	@Override
	public String describe()
	{
		return gamma == null ? "illumination field estimated and divided out" : "illumination field and gamma estimated and undone";
	}

	@Override
	public void close()
	{
		field.close();
		fieldModel.close();
		if ( gamma != null )
		{
			gamma.close();
			gammaModel.close();
		}
	}
}
