package sc.fiji.restoregan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.restoregan.nn.UNetConfig;
import sc.fiji.restoregan.pipeline.CancelledException;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.pipeline.RestoreException;

class SupervisedTrainerTest
{
	@TempDir
	Path dir;

	static TrainingConfig tiny( final int steps )
	{
		final TrainingConfig c = new TrainingConfig();
		c.architecture = new UNetConfig( 1, 4 );
		c.steps = steps;
		c.batch = 4;
		c.patch = 16;
		c.learningRate = 3e-3;
		c.seed = 5;
		c.checkpointEvery = 10;
		c.validateEvery = 10;
		return c;
	}

	static PairSampler sampler()
	{
		return new DenoisePairSampler( List.of( new PhantomSource() ), 9, 32, 16, new double[] { 5, 20 }, new double[] { 0.01, 0.02 }, new double[] { 1, 99.8 } );
	}

	@Test
	void trainingReducesTheValidationLoss() throws Exception
	{
		final SupervisedTrainer trainer = new SupervisedTrainer( tiny( 60 ), sampler(), dir );
		trainer.train( false, Progress.NONE );
		final String[] rows = trainer.logText().split( "\n" );
		assertEquals( "step,loss,val_loss,lr,seconds", rows[ 0 ] );
		assertEquals( 7, rows.length, "a row every 10 steps" );
		final double firstVal = Double.parseDouble( rows[ 1 ].split( "," )[ 2 ] ), lastVal = Double.parseDouble( rows[ 6 ].split( "," )[ 2 ] );
		assertTrue( lastVal < 0.9 * firstVal, "validation L1 fell from " + firstVal + " to " + lastVal );
	}

	@Test
	void aRunThatKeepsReturningItsInputIsReported() throws Exception
	{
		final List< String > learning = new java.util.ArrayList<>(), frozen = new java.util.ArrayList<>();
		new SupervisedTrainer( tiny( 60 ), sampler(), dir.resolve( "learning" ) ).log( learning::add ).train( false, Progress.NONE );
		final TrainingConfig still = tiny( 60 );
		still.learningRate = 0;
		new SupervisedTrainer( still, sampler(), dir.resolve( "frozen" ) ).log( frozen::add ).train( false, Progress.NONE );
		// on a CPU whose convolution kernels need padding, a note on them comes first
		final String first = learning.stream().filter( l -> !l.startsWith( "Note:" ) ).findFirst().orElse( "" );
		assertTrue( first.startsWith( "Validation: the input itself scores" ), first );
		assertTrue( learning.stream().noneMatch( l -> l.startsWith( "Warning" ) ), "a learning run is not warned: " + learning );
		assertEquals( 1, frozen.stream().filter( l -> l.startsWith( "Warning" ) && l.contains( "returning its input" ) ).count(), "a frozen residual network is warned once: " + frozen );
	}

	@Test
	void resumingContinuesExactly() throws Exception
	{
		final byte[] straight = new SupervisedTrainer( tiny( 20 ), sampler(), dir.resolve( "a" ) ).train( false, Progress.NONE ).parameters();
		final Progress stopAtTen = new Progress()
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
				return done >= 10;
			}
		};
		assertThrows( CancelledException.class, () -> new SupervisedTrainer( tiny( 20 ), sampler(), dir.resolve( "b" ) ).train( false, stopAtTen ) );
		final byte[] resumed = new SupervisedTrainer( tiny( 20 ), sampler(), dir.resolve( "b" ) ).train( true, Progress.NONE ).parameters();
		assertArrayEquals( straight, resumed, "20 steps straight = 10 steps, cancel, resume 10" );
	}

	@Test
	void pairsDependOnlyOnSeedAndStep()
	{
		final Batch a = sampler().batch( 7, 3 ), b = sampler().batch( 7, 3 ), c = sampler().batch( 8, 3 );
		assertArrayEquals( a.inputs(), b.inputs() );
		assertArrayEquals( a.targets(), b.targets() );
		assertTrue( a.inputs()[ 10 ] != c.inputs()[ 10 ] || a.inputs()[ 100 ] != c.inputs()[ 100 ] );
		assertEquals( 3 * 16 * 16, a.inputs().length );
	}

	/**
	 * The input's L2 loss as the trainer logs it, hand-computed in each pair's
	 * normalised units, in clean units (each pair's errors times its range)
	 * and in units of the noise (in clean units, divided by its noise level).
	 */
	@Test
	void cleanAndNoiseUnitsWeighEachPairByItsRangeAndNoise() throws Exception
	{
		final ScaledBatch validation = sampler().pairs( -1, 4 );
		final int n = 16 * 16;
		final double[] expected = new double[ 3 ];
		for ( int i = 0; i < validation.count(); i++ )
			for ( int j = i * n; j < ( i + 1 ) * n; j++ )
			{
				final double d = validation.inputs()[ j ] - validation.targets()[ j ], r = validation.ranges()[ i ];
				expected[ 0 ] += d * d;
				expected[ 1 ] += d * d * r * r;
				expected[ 2 ] += d * d * r * r / ( validation.noise()[ i ] * validation.noise()[ i ] );
			}
		for ( int u = 0; u < 3; u++ )
			expected[ u ] /= validation.count() * n;
		assertTrue( Math.abs( expected[ 1 ] - expected[ 0 ] ) > 0.1 * expected[ 0 ], "the ranges differ from 1: " + expected[ 1 ] + " against " + expected[ 0 ] );
		// Noisy inputs against clean targets: in units of the noise, the input's error is about 1
		assertEquals( 1, expected[ 2 ], 0.3, "the input's error in units of its noise" );
		for ( int u = 0; u < 3; u++ )
		{
			final TrainingConfig config = tiny( 0 );
			config.content = "l2";
			config.cleanUnits = u == 1;
			config.noiseUnits = u == 2;
			final List< String > log = new java.util.ArrayList<>();
			new SupervisedTrainer( config, sampler(), dir.resolve( "units-" + u ) ).log( log::add ).train( false, Progress.NONE );
			final String line = log.stream().filter( l -> l.startsWith( "Validation: the input itself scores" ) ).findFirst().orElseThrow();
			final double logged = Double.parseDouble( line.replaceAll( ".*scores ([0-9.]+).*", "$1" ) );
			assertEquals( expected[ u ], logged, 1e-5 + 1e-3 * expected[ u ], "the input's L2 loss in units " + u );
		}
		// with the default L1 the input's score is counted in the same units as the validation loss
		double l1 = 0;
		for ( int i = 0; i < validation.count(); i++ )
			for ( int j = i * n; j < ( i + 1 ) * n; j++ )
				l1 += Math.abs( validation.inputs()[ j ] - validation.targets()[ j ] ) * validation.ranges()[ i ] / validation.noise()[ i ];
		l1 /= validation.count() * n;
		final TrainingConfig config = tiny( 0 );
		config.noiseUnits = true;
		final List< String > log = new java.util.ArrayList<>();
		new SupervisedTrainer( config, sampler(), dir.resolve( "units-l1" ) ).log( log::add ).train( false, Progress.NONE );
		final String line = log.stream().filter( l -> l.startsWith( "Validation: the input itself scores" ) ).findFirst().orElseThrow();
		assertEquals( l1, Double.parseDouble( line.replaceAll( ".*scores ([0-9.]+).*", "$1" ) ), 1e-5 + 1e-3 * l1, "the input's L1 loss in units of the noise" );
	}

	@Test
	void cleanUnitsNeedPairsThatGiveTheirRanges()
	{
		final PairSampler withRanges = sampler();
		final PairSampler without = new PairSampler()
		{
			@Override
			public Batch batch( final long step, final int count )
			{
				return withRanges.batch( step, count );
			}

			@Override
			public com.google.gson.JsonObject recipe()
			{
				return withRanges.recipe();
			}
		};
		assertEquals( null, without.pairs( 0, 2 ).ranges() );
		final TrainingConfig config = tiny( 2 );
		config.cleanUnits = true;
		final RestoreException e = assertThrows( RestoreException.class, () -> new SupervisedTrainer( config, without, dir.resolve( "no-ranges" ) ).train( false, Progress.NONE ) );
		assertTrue( e.getMessage().contains( "normalisation ranges" ), e.getMessage() );
		config.cleanUnits = false;
		config.noiseUnits = true;
		final RestoreException noise = assertThrows( RestoreException.class, () -> new SupervisedTrainer( config, without, dir.resolve( "no-noise" ) ).train( false, Progress.NONE ) );
		assertTrue( noise.getMessage().contains( "noise levels" ), noise.getMessage() );
		assertThrows( IllegalArgumentException.class, () -> new ScaledBatch( new float[ 4 ], new float[ 4 ], 1, 2, 2, List.of(), 1, null, new float[] { 1 } ), "noise levels without ranges" );
		assertThrows( IllegalArgumentException.class, () -> new ScaledBatch( new float[ 4 ], new float[ 4 ], 1, 2, 2, List.of(), 1, new float[] { 1 }, new float[] { 1, 2 } ), "two noise levels for one pair" );
	}
}
