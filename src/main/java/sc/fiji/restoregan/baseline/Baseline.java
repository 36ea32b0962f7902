package sc.fiji.restoregan.baseline;

import java.util.function.ToDoubleFunction;

/**
 * A classical restoration method at its best setting for the plane at hand
 * (chosen by its {@link Oracle} with the score, which knows the clean
 * image). The output has the clean plane's size.
 */
public interface Baseline
{
	/** A short name for tables, for example {@code Richardson-Lucy}. */
	String name();

	/**
	 * The method's output at its best setting.
	 *
	 * @param score higher is better, for example PSNR against the clean image
	 */
	Tuned run( DegradedPlane input, ToDoubleFunction< float[] > score );

	/** How a baseline runs, for {@link #of}. */
	@FunctionalInterface
	interface Method
	{
		/** See {@link Baseline#run}. */
		Tuned run( DegradedPlane input, ToDoubleFunction< float[] > score );
	}

	/** A baseline with this name that runs {@code method}. */
	static Baseline of( final String name, final Method method )
	{
		return new Baseline()
		{
			@Override
			public String name()
			{
				return name;
			}

			@Override
			public Tuned run( final DegradedPlane input, final ToDoubleFunction< float[] > score )
			{
				return method.run( input, score );
			}
		};
	}
}
