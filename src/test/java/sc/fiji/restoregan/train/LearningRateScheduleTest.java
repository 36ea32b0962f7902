package sc.fiji.restoregan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.google.gson.Gson;

import sc.fiji.restoregan.gan.GanConfig;
import sc.fiji.restoregan.nn.FpnConfig;
import sc.fiji.restoregan.nn.UNetConfig;

class LearningRateScheduleTest
{
	private static TrainingConfig config( final String schedule )
	{
		final TrainingConfig c = new TrainingConfig();
		c.steps = 10;
		c.learningRate = 1;
		c.schedule = schedule;
		return c;
	}

	@Test
	void cosineIsTheDefaultAndUnchanged()
	{
		final TrainingConfig c = config( new TrainingConfig().schedule );
		assertEquals( "cosine", c.schedule );
		assertEquals( 1, c.learningRate( 0 ), 1e-12 );
		assertEquals( 0.1 + 0.9 * 0.5 * ( 1 + Math.cos( Math.PI * 4 / 9 ) ), c.learningRate( 4 ), 1e-12 );
		assertEquals( 0.1, c.learningRate( 9 ), 1e-12 );
	}

	@Test
	void linearDecayIsConstantThenFallsToZero()
	{
		final TrainingConfig c = config( "linear" );
		final double[] expected = { 1, 1, 1, 1, 1, 1, 0.8, 0.6, 0.4, 0.2, 0 };
		for ( int step = 0; step <= 10; step++ )
			assertEquals( expected[ step ], c.learningRate( step ), 1e-12, "step " + step );
	}

	@Test
	void stepScheduleDropsByGammaAtTheMilestone()
	{
		final TrainingConfig c = config( "step" );
		assertEquals( 1, c.learningRate( 7 ), 1e-12 );
		assertEquals( 0.1, c.learningRate( 8 ), 1e-12 );
		assertEquals( 0.1, c.learningRate( 9 ), 1e-12 );
		c.steps = 2000; // SinGAN: milestone 1600
		assertEquals( 1, c.learningRate( 1599 ), 1e-12 );
		assertEquals( 0.1, c.learningRate( 1600 ), 1e-12 );
		assertThrows( IllegalArgumentException.class, () -> LearningRateSchedule.of( "exp" ) );
	}

	@Test
	void configurationsWithoutTheNewFieldsStillLoad()
	{
		final Gson gson = new Gson();
		final TrainingConfig old = gson.fromJson( "{ \"architecture\": { \"type\": \"residual-unet\", \"depth\": 1, \"baseFilters\": 4 }, \"steps\": 10, \"learningRate\": 0.5 }", TrainingConfig.class );
		assertEquals( "cosine", old.schedule );
		assertEquals( 4, assertInstanceOf( UNetConfig.class, old.architecture ).baseFilters );
		assertEquals( 0.5, old.learningRate( 0 ), 1e-12 );
		final GanConfig gan = new GanConfig();
		gan.generator.architecture = FpnConfig.of( 3, 4 );
		gan.generator.schedule = "step";
		final GanConfig back = gson.fromJson( gson.toJson( gan ), GanConfig.class );
		assertEquals( "step", back.generator.schedule );
		assertEquals( 3, assertInstanceOf( FpnConfig.class, back.generator.architecture ).stages() );
	}
}
