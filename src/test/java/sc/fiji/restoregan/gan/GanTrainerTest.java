package sc.fiji.restoregan.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.restoregan.nn.UNetConfig;
import sc.fiji.restoregan.pipeline.CancelledException;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.train.DenoisePairSampler;
import sc.fiji.restoregan.train.PairSampler;
import sc.fiji.restoregan.train.PhantomSource;

class GanTrainerTest
{
	@TempDir
	Path dir;

	static GanConfig tiny( final int steps )
	{
		final GanConfig c = new GanConfig();
		c.generator.architecture = new UNetConfig( 1, 4 );
		c.generator.steps = steps;
		c.generator.batch = 2;
		c.generator.patch = 32;
		c.generator.learningRate = 2e-3;
		c.generator.seed = 5;
		c.generator.checkpointEvery = 2;
		c.generator.validateEvery = 2;
		c.discriminatorFilters = 4;
		c.discriminatorLearningRate = 2e-3;
		return c;
	}

	static PairSampler sampler()
	{
		return new DenoisePairSampler( List.of( new PhantomSource() ), 9, 48, 32, new double[] { 5, 20 }, new double[] { 0.01, 0.02 }, new double[] { 1, 99.8 } );
	}

	/** Cancels once {@code stop} steps are done. */
	static Progress stopAt( final long stop )
	{
		return new Progress()
		{
			long done;

			@Override
			public void update( final long d, final long total, final String message )
			{
				done = d;
			}

			@Override
			public boolean isCancelled()
			{
				return done >= stop;
			}
		};
	}

	/** The log without its last column (seconds). */
	private static List< String > losses( final String log )
	{
		return Arrays.stream( log.split( "\n" ) ).map( r -> r.substring( 0, r.lastIndexOf( ',' ) ) ).toList();
	}

	@Test
	void resumingContinuesExactlyWithAllTricks() throws Exception
	{
		final GanConfig c = tiny( 4 );
		c.ema = 0.9;
		c.instanceNoise = 0.1;
		c.featureMatching = 0.1;
		c.clipNorm = 1;
		c.realLabel = 0.9;
		c.poolSize = 3;
		c.minibatchStd = true;
		final GanTrainer straight = new GanTrainer( c, sampler(), dir.resolve( "a" ) );
		final GanTrainer.Result a = straight.train( false, Progress.NONE );
		assertThrows( CancelledException.class, () -> new GanTrainer( c, sampler(), dir.resolve( "b" ) ).train( false, stopAt( 2 ) ) );
		final GanTrainer resumed = new GanTrainer( c, sampler(), dir.resolve( "b" ) );
		final GanTrainer.Result b = resumed.train( true, Progress.NONE );
		assertArrayEquals( a.generator(), b.generator(), "4 steps straight = 2 steps, cancel, resume 2 (EMA generator)" );
		assertArrayEquals( a.discriminator(), b.discriminator() );
		assertEquals( losses( straight.logText() ), losses( resumed.logText() ), "the same losses in the log" );
		assertEquals( 3, straight.logText().split( "\n" ).length );
	}

	/**
	 * With the generator frozen (learning rate 0), the discriminator learns
	 * to tell its outputs from clean images: its RaLSGAN loss falls from about
	 * 1 and the generator's adversarial loss rises.
	 */
	@Test
	void discriminatorLearnsAgainstAFrozenGenerator() throws Exception
	{
		final GanConfig c = tiny( 10 );
		c.generator.learningRate = 0;
		c.generator.validateEvery = 5;
		c.generator.checkpointEvery = 100;
		final GanTrainer trainer = new GanTrainer( c, sampler(), dir );
		trainer.train( false, Progress.NONE );
		final String[] rows = trainer.logText().split( "\n" );
		assertEquals( "step,d_loss,gradient_penalty,g_loss,content,adversarial,feature_matching,val_content,lr_g,lr_d,seconds", rows[ 0 ] );
		final String[] first = rows[ 1 ].split( "," ), last = rows[ rows.length - 1 ].split( "," );
		final double d0 = Double.parseDouble( first[ 1 ] ), d1 = Double.parseDouble( last[ 1 ] );
		final double a0 = Double.parseDouble( first[ 5 ] ), a1 = Double.parseDouble( last[ 5 ] );
		assertTrue( d1 < 0.8 * d0, "D loss fell from " + d0 + " to " + d1 );
		assertTrue( a1 > a0, "G's adversarial loss rose from " + a0 + " to " + a1 );
		assertEquals( first[ 7 ], last[ 7 ], "the frozen generator's validation content loss does not change" );
	}

	@Test
	void wassersteinObjectivesRun() throws Exception
	{
		for ( final String objective : new String[] { "wgan-gp", "wgan-qc" } )
		{
			final GanConfig c = tiny( 2 );
			c.objective = objective;
			c.criticSteps = 2;
			c.generator.validateEvery = 2;
			final GanTrainer trainer = new GanTrainer( c, sampler(), dir.resolve( objective ) );
			trainer.train( false, Progress.NONE );
			final String[] row = trainer.logText().split( "\n" )[ 1 ].split( "," );
			assertTrue( Double.isFinite( Double.parseDouble( row[ 1 ] ) ), objective + " D loss " + row[ 1 ] );
			if ( objective.equals( "wgan-gp" ) )
				assertTrue( Double.parseDouble( row[ 2 ] ) > 0, "a gradient penalty was logged" );
		}
	}
}
