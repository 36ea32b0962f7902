package sc.fiji.restoregan.normalize;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.loops.LoopBuilder;
import net.imglib2.type.numeric.RealType;

/**
 * The least-squares affine map {@code a x + b} of an output onto a
 * reference: {@code a = cov(x, r) / var(x)}, {@code b = mean(r) - a mean(x)},
 * which minimises {@code sum (a x + b - r)^2}. Where a restoration's
 * intensity scale is ambiguous (dehazing, lighting correction: the
 * degradation changed the brightness, and no method can know the original
 * units), outputs are compared after this fit, so that only the structure
 * counts, not the gain and offset. A constant output gets {@code a = 0} and
 * {@code b = mean(r)}. The restorer also uses it to bring the output of a
 * model trained without a fixed intensity scale back to the input's units
 * ({@link sc.fiji.restoregan.model.ModelCard.Normalization#output}).
 *
 * @param scale the gain {@code a}
 * @param offset the offset {@code b}
 */
public record AffineFit( double scale, double offset )
{
	/**
	 * The fit of {@code output} to {@code reference}.
	 *
	 * @throws IllegalArgumentException if the lengths differ or are 0
	 */
	public static AffineFit of( final float[] output, final float[] reference )
	{
		if ( output.length != reference.length || output.length == 0 )
			throw new IllegalArgumentException( "Need two non-empty arrays of equal length, not " + output.length + " and " + reference.length );
		return of( ArrayImgs.floats( output, output.length ), ArrayImgs.floats( reference, reference.length ) );
	}

	/**
	 * The fit of {@code output} to {@code reference}, two images of the same
	 * size (two passes, so large offsets cost no precision).
	 *
	 * @throws IllegalArgumentException if the sizes differ
	 */
	public static AffineFit of( final RandomAccessibleInterval< ? extends RealType< ? > > output, final RandomAccessibleInterval< ? extends RealType< ? > > reference )
	{
		for ( int d = 0; d < Math.max( output.numDimensions(), reference.numDimensions() ); d++ )
			if ( d >= output.numDimensions() || d >= reference.numDimensions() || output.dimension( d ) != reference.dimension( d ) )
				throw new IllegalArgumentException( "Need two images of the same size." );
		final double[] sums = new double[ 4 ];
		LoopBuilder.setImages( output, reference ).forEachPixel( ( x, r ) -> {
			sums[ 0 ] += x.getRealDouble();
			sums[ 1 ] += r.getRealDouble();
		} );
		final double n = Math.max( 1, output.size() ), mx = sums[ 0 ] / n, mr = sums[ 1 ] / n;
		LoopBuilder.setImages( output, reference ).forEachPixel( ( x, r ) -> {
			final double dx = x.getRealDouble() - mx;
			sums[ 2 ] += dx * dx;
			sums[ 3 ] += dx * ( r.getRealDouble() - mr );
		} );
		final double a = sums[ 2 ] > 0 ? sums[ 3 ] / sums[ 2 ] : 0;
		return new AffineFit( a, mr - a * mx );
	}

	/** {@code a x + b} of one value. */
	public double apply( final double x )
	{
		return scale * x + offset;
	}

	/** {@code a x + b} of every value, as a new array. */
	public float[] apply( final float[] output )
	{
		final float[] out = new float[ output.length ];
		for ( int i = 0; i < out.length; i++ )
			out[ i ] = ( float ) ( scale * output[ i ] + offset );
		return out;
	}

	/** The output mapped by its own fit to the reference. */
	public static float[] fitted( final float[] output, final float[] reference )
	{
		return of( output, reference ).apply( output );
	}
}
