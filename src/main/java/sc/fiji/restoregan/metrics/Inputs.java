package sc.fiji.restoregan.metrics;

import net.imglib2.Interval;
import net.imglib2.util.Intervals;

/** Argument checks shared by the full-reference metrics. */
final class Inputs
{
	private Inputs()
	{}

	/** @throws IllegalArgumentException if the two images differ in size */
	static void requireSameSize( final Interval a, final Interval b )
	{
		if ( !Intervals.equalDimensions( a, b ) )
			throw new IllegalArgumentException( "Images differ in size: " + Intervals.toString( a ) + " and " + Intervals.toString( b ) );
	}

	/** @throws IllegalArgumentException unless the data range is finite and positive */
	static double requireRange( final double dataRange )
	{
		if ( !( dataRange > 0 ) || Double.isInfinite( dataRange ) )
			throw new IllegalArgumentException( "The data range must be finite and positive, got " + dataRange + " (a constant reference needs an explicit data range)" );
		return dataRange;
	}
}
