package sc.fiji.restoregan.bench;

import sc.fiji.restoregan.baseline.DegradedPlane;
import sc.fiji.restoregan.degrade.Composite;
import sc.fiji.restoregan.degrade.Degradation;
import sc.fiji.restoregan.degrade.Streaks;
import sc.fiji.restoregan.degrade.Stripes;

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
		double direction = Double.NaN;
		for ( final Degradation d : degradation instanceof Composite c ? c.steps() : java.util.List.of( degradation ) )
			if ( d instanceof Streaks s )
				direction = s.angle();
			else if ( d instanceof Stripes s )
				direction = s.angle();
		return new DegradedPlane( pixels, width, height, degradation.psf(), direction, degradation.scale() );
	}
}
