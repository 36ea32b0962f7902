package sc.fiji.restoregan.bench;

import sc.fiji.restoregan.baseline.DegradedPlane;
import sc.fiji.restoregan.degrade.Degradation;
import sc.fiji.restoregan.degrade.KnownDegradation;

/**
 * One fixed degradation of a benchmark task, with parameters from the
 * documented ranges of {@code docs/synthetic-data.md}.
 *
 * @param name short label for tables
 * @param degradation what is applied to each clean plane
 */
public record DegradationLevel( String name, Degradation degradation )
{
	/**
	 * The degraded plane with what a classical method may know of this
	 * degradation: the kernel of a blur step, the direction of streaks or
	 * stripes, the low-resolution factor.
	 */
	public DegradedPlane plane( final float[] pixels, final int width, final int height )
	{
		return new DegradedPlane( pixels, width, height, KnownDegradation.of( degradation ), degradation.scale() );
	}
}
