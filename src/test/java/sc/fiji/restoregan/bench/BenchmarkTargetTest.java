package sc.fiji.restoregan.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

class BenchmarkTargetTest
{
	private static JsonObject summary( final double gain, final double niqe0, final Double niqe1 )
	{
		final JsonObject means = new JsonObject();
		means.add( RestorationBenchmark.NETWORK, niqe( niqe0 ) );
		if ( niqe1 != null )
			means.add( RestorationBenchmark.realismKey( 1 ), niqe( niqe1 ) );
		final JsonObject s = new JsonObject();
		s.add( "means", means );
		s.addProperty( "gainOverBestClassical", gain );
		return s;
	}

	private static JsonObject niqe( final double v )
	{
		final JsonObject o = new JsonObject();
		o.addProperty( "niqe", v );
		return o;
	}

	@Test
	void theBarsAreTheIssues()
	{
		assertEquals( 2.0, BenchmarkTarget.requiredGain( BenchmarkTask.DENOISE ) );
		assertEquals( 1.0, BenchmarkTarget.requiredGain( BenchmarkTask.DEBLUR ) );
		assertEquals( 1.0, BenchmarkTarget.requiredGain( BenchmarkTask.SR2 ) );
		assertEquals( 1.5, BenchmarkTarget.requiredGain( BenchmarkTask.DEHAZE ) );
		assertEquals( 3.0, BenchmarkTarget.requiredGain( BenchmarkTask.DERAIN ) );
		assertEquals( 3.0, BenchmarkTarget.requiredGain( BenchmarkTask.LIGHTING ) );
		assertTrue( Double.isNaN( BenchmarkTarget.requiredGain( BenchmarkTask.SR4 ) ) );
	}

	@Test
	void aMissedBarIsSaidWithTheMeasuredNumber()
	{
		final JsonObject t = BenchmarkTarget.of( BenchmarkTask.DENOISE, summary( 1.25, 11.27, 10.97 ) );
		assertFalse( t.get( "met" ).getAsBoolean() );
		assertEquals( 1.25, t.get( "gainMeasured" ).getAsDouble() );
		assertTrue( t.get( "realism1LowersNiqe" ).getAsBoolean() );
		assertEquals( "Bar NOT met: +1.25 dB over the best classical method, +2.0 dB required. Realism 1 lowers NIQE (10.97 against 11.27 at realism 0).",
				t.get( "statement" ).getAsString() );
	}

	@Test
	void aMetBarAndAHigherNiqe()
	{
		final JsonObject t = BenchmarkTarget.of( BenchmarkTask.SR2, summary( 2.64, 10.0, 10.5 ) );
		assertTrue( t.get( "met" ).getAsBoolean() );
		assertFalse( t.get( "realism1LowersNiqe" ).getAsBoolean() );
		assertTrue( t.get( "statement" ).getAsString().contains( "does NOT lower NIQE" ) );
	}

	/** A further model measured with --also is judged on its own rows, "model NAME" and "model NAME realism 1". */
	@Test
	void aFurtherModelIsJudgedOnItsOwnRows()
	{
		final JsonObject s = summary( 0.11, 13.0, 12.0 ); // the measured model's rows, which must not count
		s.getAsJsonObject( "means" ).add( "model deblur", niqe( 14.18 ) );
		s.getAsJsonObject( "means" ).add( "model deblur realism 1", niqe( 11.03 ) );
		s.addProperty( "measured", "model deblur" );
		final JsonObject t = BenchmarkTarget.of( BenchmarkTask.DEBLUR, s );
		assertEquals( 14.18, t.get( "niqeRealism0" ).getAsDouble() );
		assertEquals( 11.03, t.get( "niqeRealism1" ).getAsDouble() );
		assertTrue( t.get( "statement" ).getAsString().startsWith( "Bar NOT met: +0.11 dB" ) );
	}

	@Test
	void noBarNoTwinAndNoModel()
	{
		final JsonObject t = BenchmarkTarget.of( BenchmarkTask.SR4, summary( 1.72, 11.0, null ) );
		assertFalse( t.has( "met" ) );
		assertFalse( t.has( "niqeRealism1" ) );
		assertTrue( t.get( "statement" ).getAsString().startsWith( "No bar for sr4" ) );
		final JsonObject noModel = new JsonObject();
		noModel.add( "means", new JsonObject() );
		assertThrows( IllegalArgumentException.class, () -> BenchmarkTarget.of( BenchmarkTask.DEBLUR, noModel ) );
	}
}
