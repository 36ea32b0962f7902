package sc.fiji.restoregan.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

import com.google.gson.JsonObject;

import sc.fiji.restoregan.bench.RestorationBenchmark.Case;
import sc.fiji.restoregan.bench.RestorationBenchmark.Score;

/**
 * Markdown tables of a {@link RestorationBenchmark}: a summary of mean PSNR,
 * SSIM and NIQE per method and level, with the best classical baseline
 * chosen per case and, with a network, its mean gain in PSNR over it; then
 * every case. Real images and simulated scenes get separate tables.
 */
public final class BenchmarkReport
{
	/** The label of the per-case best of the baselines. */
	public static final String BEST = "best classical";

	/** The label of the per-case best of the baselines and the uncorrected input. */
	public static final String BEST_OR_INPUT = "best classical or the input itself";

	private BenchmarkReport()
	{}

	/**
	 * The groups every same-size task reports besides {@link #BEST}: the best
	 * of the baselines and the uncorrected input (where a baseline can do
	 * worse than leaving the image alone, the bar should not be lower than
	 * the input), and for denoising issue 2's pair.
	 */
	public static Map< String, List< String > > groups( final BenchmarkTask task )
	{
		final Map< String, List< String > > groups = new LinkedHashMap<>();
		if ( task == BenchmarkTask.DENOISE )
			groups.put( DenoiseBenchmark.ISSUE2_LABEL, DenoiseBenchmark.ISSUE2 );
		else if ( task.scale() == 1 )
		{
			final List< String > names = new ArrayList<>( task.baselines().stream().map( b -> b.name() ).toList() );
			names.add( RestorationBenchmark.DEGRADED );
			groups.put( BEST_OR_INPUT, names );
		}
		return groups;
	}

	/**
	 * The report of {@code cases}.
	 *
	 * @param groups further per-case bests to report, label to baseline
	 *            names (for example issue 2's pair of denoisers); may be empty
	 */
	public static String markdown( final BenchmarkTask task, final List< Case > cases, final Map< String, List< String > > groups )
	{
		final StringBuilder s = new StringBuilder();
		final Map< String, List< String > > bests = new LinkedHashMap<>();
		bests.put( BEST, task.baselines().stream().map( b -> b.name() ).toList() );
		bests.putAll( groups );
		section( s, "Real images", task, cases, c -> !c.simulated(), bests );
		section( s, "Simulated scenes", task, cases, Case::simulated, bests );
		return s.toString();
	}

	private static void section( final StringBuilder s, final String title, final BenchmarkTask task, final List< Case > all, final Predicate< Case > filter,
			final Map< String, List< String > > bests )
	{
		final List< Case > cases = all.stream().filter( filter ).toList();
		if ( cases.isEmpty() )
			return;
		final List< String > methods = new ArrayList<>( cases.get( 0 ).methods().keySet() );
		final boolean network = methods.contains( RestorationBenchmark.NETWORK );
		s.append( "## " ).append( title ).append( ": summary\n\n" );
		s.append( "Means over " ).append( cases.size() ).append( " cases; PSNR in dB, then SSIM and NIQE (lower is more natural)" )
				.append( task.affine() ? ", each output after a least-squares affine fit to the clean image" : "" ).append( ".\n\n" );
		s.append( "| method |" );
		for ( final DegradationLevel l : task.levels() )
			s.append( ' ' ).append( l.name() ).append( " PSNR |" );
		s.append( " PSNR | SSIM | NIQE |\n|---|" );
		s.append( "---|".repeat( task.levels().size() + 3 ) ).append( '\n' );
		final List< String > rows = new ArrayList<>( methods );
		rows.addAll( rows.indexOf( RestorationBenchmark.NETWORK ) < 0 ? rows.size() : rows.indexOf( RestorationBenchmark.NETWORK ), bests.keySet() );
		for ( final String m : rows )
		{
			final boolean best = bests.containsKey( m );
			s.append( "| " ).append( best ? "**" + m + "** (per case)" : label( m ) ).append( " |" );
			for ( final DegradationLevel l : task.levels() )
				s.append( format( " %.2f |", mean( cases, c -> c.level().equals( l.name() ), c -> pick( c, m, bests ).psnr() ) ) );
			s.append( format( " %.2f | %.3f | %.2f |%n", mean( cases, c -> true, c -> pick( c, m, bests ).psnr() ), mean( cases, c -> true, c -> pick( c, m, bests ).ssim() ),
					mean( cases, c -> true, c -> pick( c, m, bests ).niqe() ) ) );
		}
		if ( network )
			for ( final String b : bests.keySet() )
				gainRow( s, task, cases, RestorationBenchmark.NETWORK, b, bests.get( b ) );
		final List< String > baselineNames = task.baselines().stream().map( b -> b.name() ).toList();
		for ( final String m : methods )
			if ( !m.equals( RestorationBenchmark.NETWORK ) && !m.equals( RestorationBenchmark.DEGRADED ) && !baselineNames.contains( m ) )
				gainRow( s, task, cases, m, BEST, bests.get( BEST ) );
		if ( network && cases.stream().anyMatch( Case::heldOut ) )
			s.append( format( "%nOn the held-out images only: network - %s %+.2f dB over %d cases.%n", BEST,
					mean( cases, Case::heldOut, c -> gain( c, bests.get( BEST ) ) ), cases.stream().filter( Case::heldOut ).count() ) );
		s.append( "\n## " ).append( title ).append( ": every case\n\n" );
		s.append( "PSNR / SSIM / NIQE, and the setting each baseline's oracle chose.\n\n| image | level |" );
		methods.forEach( m -> s.append( ' ' ).append( label( m ) ).append( " |" ) );
		s.append( network ? " network - " + BEST + " |" : "" ).append( "\n|---|---|" ).append( "---|".repeat( methods.size() + ( network ? 1 : 0 ) ) ).append( '\n' );
		for ( final Case c : cases )
		{
			s.append( "| " ).append( c.image() ).append( c.heldOut() ? " (held out)" : "" ).append( " | " ).append( c.level() ).append( " |" );
			for ( final String m : methods )
			{
				final Score v = c.methods().get( m );
				s.append( format( " %.2f / %.3f / %.2f", v.psnr(), v.ssim(), v.niqe() ) ).append( v.setting().isEmpty() ? "" : " (" + v.setting() + ")" ).append( " |" );
			}
			s.append( network ? format( " %+.2f |", gain( c, bests.get( BEST ) ) ) : "" ).append( '\n' );
		}
		s.append( '\n' );
	}

	/** A table row: the mean PSNR gain of restoration {@code key} over the per-case best of {@code baselines}, per level and overall. */
	private static void gainRow( final StringBuilder s, final BenchmarkTask task, final List< Case > cases, final String key, final String label, final List< String > baselines )
	{
		s.append( "| " ).append( key ).append( " - " ).append( label ).append( " |" );
		for ( final DegradationLevel l : task.levels() )
			s.append( format( " %+.2f |", mean( cases, c -> c.level().equals( l.name() ), c -> gain( c, key, baselines ) ) ) );
		s.append( format( " **%+.2f** | | |%n", mean( cases, c -> true, c -> gain( c, key, baselines ) ) ) );
	}

	/**
	 * The means as JSON, for a model card: cases, mean PSNR, SSIM and NIQE
	 * per method and of the per-case best baseline, and the network's mean
	 * PSNR gain over it (real images only).
	 */
	public static JsonObject summary( final BenchmarkTask task, final List< Case > all )
	{
		return summary( task, all, RestorationBenchmark.NETWORK );
	}

	/**
	 * As {@link #summary(BenchmarkTask, List)}, with the gain of the
	 * restoration measured under {@code key} (for example a second model
	 * measured in the same run).
	 */
	public static JsonObject summary( final BenchmarkTask task, final List< Case > all, final String key )
	{
		final List< Case > cases = all.stream().filter( c -> !c.simulated() ).toList();
		final List< String > baselines = task.baselines().stream().map( b -> b.name() ).toList();
		final JsonObject o = new JsonObject();
		o.addProperty( "task", task.id() );
		o.addProperty( "cases", cases.size() );
		o.addProperty( "affineFit", task.affine() );
		final JsonObject methods = new JsonObject();
		final List< String > names = new ArrayList<>( cases.isEmpty() ? List.of() : cases.get( 0 ).methods().keySet() );
		names.add( BEST );
		for ( final String m : names )
		{
			final Map< String, List< String > > bests = Map.of( BEST, baselines );
			final JsonObject v = new JsonObject();
			v.addProperty( "psnr", round( mean( cases, c -> true, c -> pick( c, m, bests ).psnr() ) ) );
			v.addProperty( "ssim", Math.round( mean( cases, c -> true, c -> pick( c, m, bests ).ssim() ) * 1000 ) / 1000.0 );
			v.addProperty( "niqe", round( mean( cases, c -> true, c -> pick( c, m, bests ).niqe() ) ) );
			methods.add( m, v );
		}
		o.add( "means", methods );
		if ( names.contains( key ) )
		{
			o.addProperty( "measured", key );
			o.addProperty( "gainOverBestClassical", round( mean( cases, c -> true, c -> gain( c, key, baselines ) ) ) );
		}
		return o;
	}

	private static double round( final double v )
	{
		return Math.round( v * 100 ) / 100.0;
	}

	/** The network's PSNR minus the best of {@code baselines} in one case. */
	public static double gain( final Case c, final List< String > baselines )
	{
		return gain( c, RestorationBenchmark.NETWORK, baselines );
	}

	/** The PSNR of the restoration under {@code key} minus the best of {@code baselines} in one case. */
	public static double gain( final Case c, final String key, final List< String > baselines )
	{
		return c.methods().get( key ).psnr() - c.methods().get( c.best( baselines ) ).psnr();
	}

	/** The mean of a column over the cases that pass {@code filter}, NaN values left out. */
	public static double mean( final List< Case > cases, final Predicate< Case > filter, final ToDoubleFunction< Case > column )
	{
		return cases.stream().filter( filter ).mapToDouble( column ).filter( v -> !Double.isNaN( v ) ).average().orElse( Double.NaN );
	}

	private static Score pick( final Case c, final String method, final Map< String, List< String > > bests )
	{
		return c.methods().get( bests.containsKey( method ) ? c.best( bests.get( method ) ) : method );
	}

	private static String label( final String method )
	{
		return method.equals( RestorationBenchmark.DEGRADED ) ? "degraded input" : method.equals( RestorationBenchmark.NETWORK ) ? "**network**" : method;
	}

	private static String format( final String pattern, final Object... args )
	{
		return String.format( Locale.ROOT, pattern, args );
	}
}
