package sc.fiji.restoregan.bench;

import net.imglib2.img.array.ArrayImgs;

import sc.fiji.restoregan.baseline.BicubicUpsampling;
import sc.fiji.restoregan.baseline.DegradedPlane;
import sc.fiji.restoregan.bridge.Planes;
import sc.fiji.restoregan.bridge.TensorBridge;
import sc.fiji.restoregan.pipeline.PlaneNetwork;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.pipeline.RestoreOptions;
import sc.fiji.restoregan.pipeline.Restorer;

/**
 * A restoration under test, plane in, plane out: the network side of a
 * benchmark. A super-resolving restorer returns {@code scale} times more
 * pixels along each side.
 */
@FunctionalInterface
public interface PlaneRestorer
{
	/**
	 * Restores a plane.
	 *
	 * @param pixels row-major {@code width x height} values, not modified
	 * @return row-major {@code (scale width) x (scale height)} values
	 */
	float[] restore( float[] pixels, int width, int height );

	/**
	 * Restores a degraded plane, with what may be known of its degradation
	 * ({@link DegradedPlane#known()}): restorers that deconvolve with a known
	 * PSF or destripe at a known direction take it; others read only the
	 * pixels.
	 *
	 * @param plane the degraded plane, not modified
	 * @return as {@link #restore(float[], int, int)}
	 */
	default float[] restore( final DegradedPlane plane )
	{
		return restore( plane.pixels(), plane.width(), plane.height() );
	}

	/**
	 * A network run as the plugin runs it: per-plane percentile
	 * normalisation, tiles, blending ({@link Restorer}).
	 */
	static PlaneRestorer of( final PlaneNetwork network, final RestoreOptions options )
	{
		return of( new Restorer( network, options ) );
	}

	/**
	 * A restorer set up by the caller (for example with its output fitted to
	 * the input), plane in, plane out; what is known of a degraded plane's
	 * degradation reaches it ({@link Restorer#withKnown}).
	 */
	static PlaneRestorer of( final Restorer restorer )
	{
		return new PlaneRestorer()
		{
			@Override
			public float[] restore( final float[] pixels, final int width, final int height )
			{
				return run( restorer, pixels, width, height );
			}

			@Override
			public float[] restore( final DegradedPlane plane )
			{
				return run( restorer.withKnown( plane.known() ), plane.pixels(), plane.width(), plane.height() );
			}
		};
	}

	private static float[] run( final Restorer restorer, final float[] pixels, final int width, final int height )
	{
		return TensorBridge.toArray( Planes.plane( restorer.restore( ArrayImgs.floats( pixels, width, height ), Progress.NONE ), 0 ) );
	}

	/** This restorer told nothing of the degradation: only the pixels of a degraded plane reach it. */
	default PlaneRestorer blind()
	{
		return this::restore;
	}

	/**
	 * This restorer applied to the bicubic enlargement of the input: how a
	 * same-size model (such as the multi-task one) is judged on a
	 * super-resolution benchmark.
	 */
	default PlaneRestorer afterBicubic( final int scale )
	{
		return ( pixels, width, height ) -> restore( BicubicUpsampling.upsample( pixels, width, height, scale ), width * scale, height * scale );
	}
}
