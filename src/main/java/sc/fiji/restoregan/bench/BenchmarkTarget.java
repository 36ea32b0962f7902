package sc.fiji.restoregan.bench;

import java.util.Locale;

import com.google.gson.JsonObject;

/**
 * What issue 6 asks of each Restore task's models, checked against a
 * benchmark summary ({@link BenchmarkReport#summary}): the faithful model's
 * mean PSNR gain over the best classical method (the bar), and a lower NIQE
 * at realism 1 than at realism 0. {@code quality --update-card} writes the
 * verdict into the card, so a card says in words, with the measured number,
 * whether its target is met.
 */
public final class BenchmarkTarget
{
	/** The issue whose bars these are. */
	public static final int ISSUE = 6;

	private BenchmarkTarget()
	{}

	/**
	 * The gain in dB over the best classical method that the faithful model
	 * must reach, or NaN where the issue sets none (super-resolution x4).
	 */
	public static double requiredGain( final BenchmarkTask task )
	{
		return switch ( task )
		{
			case DENOISE -> 2.0;
			case DEBLUR, SR2 -> 1.0;
			case DEHAZE -> 1.5;
			case DERAIN, LIGHTING -> 3.0;
			case SR4 -> Double.NaN;
		};
	}

	/**
	 * The verdict for a summary with a measured model.
	 *
	 * @param task the benchmark
	 * @param summary {@link BenchmarkReport#summary} of the run
	 * @return gainRequired (absent without a bar), gainMeasured, met, the NIQE
	 *         at realism 0 and 1 with realism1LowersNiqe (when realism 1 was
	 *         measured), and a one-line statement
	 * @throws IllegalArgumentException if no model was measured
	 */
	public static JsonObject of( final BenchmarkTask task, final JsonObject summary )
	{
		if ( !summary.has( "gainOverBestClassical" ) )
			throw new IllegalArgumentException( "The summary has no measured model." );
		final double gain = summary.get( "gainOverBestClassical" ).getAsDouble(), required = requiredGain( task );
		final JsonObject o = new JsonObject();
		o.addProperty( "issue", ISSUE );
		final StringBuilder s = new StringBuilder();
		o.addProperty( "gainMeasured", gain );
		if ( Double.isNaN( required ) )
			s.append( String.format( Locale.ROOT, "No bar for %s; measured %+.2f dB over the best classical method.", task.id(), gain ) );
		else
		{
			final boolean met = gain >= required;
			o.addProperty( "gainRequired", required );
			o.addProperty( "met", met );
			s.append( String.format( Locale.ROOT, "Bar %s: %+.2f dB over the best classical method, %+.1f dB required.", met ? "met" : "NOT met", gain, required ) );
		}
		final JsonObject means = summary.getAsJsonObject( "means" );
		// the measured model's realism 1 is "realism 1", or for a further model "model NAME realism 1"
		final String faithful = summary.has( "measured" ) ? summary.get( "measured" ).getAsString() : RestorationBenchmark.NETWORK;
		final String sharp = faithful.equals( RestorationBenchmark.NETWORK ) ? RestorationBenchmark.realismKey( 1 ) : faithful + " " + RestorationBenchmark.realismKey( 1 );
		if ( means.has( faithful ) && means.has( sharp ) )
		{
			final double n0 = means.getAsJsonObject( faithful ).get( "niqe" ).getAsDouble(), n1 = means.getAsJsonObject( sharp ).get( "niqe" ).getAsDouble();
			o.addProperty( "niqeRealism0", n0 );
			o.addProperty( "niqeRealism1", n1 );
			o.addProperty( "realism1LowersNiqe", n1 < n0 );
			s.append( String.format( Locale.ROOT, " Realism 1 %s NIQE (%.2f against %.2f at realism 0).", n1 < n0 ? "lowers" : "does NOT lower", n1, n0 ) );
		}
		o.addProperty( "statement", s.toString() );
		return o;
	}
}
