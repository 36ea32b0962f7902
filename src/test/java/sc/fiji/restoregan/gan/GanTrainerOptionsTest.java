package sc.fiji.restoregan.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.restoregan.degrade.DegradationKind;
import sc.fiji.restoregan.nn.FpnConfig;
import sc.fiji.restoregan.nn.SrConfig;
import sc.fiji.restoregan.pipeline.CancelledException;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.train.DegradationPairSampler;
import sc.fiji.restoregan.train.MicroscopySceneSource;

/** The pluggable generator, conditional discriminator, output pool, schedules and feature losses in training. */
class GanTrainerOptionsTest
{
	@TempDir
	Path dir;

	private static double[] finite( final String log, final int row )
	{
		final String[] cells = log.split( "\n" )[ row ].split( "," );
		final double[] v = new double[ cells.length ];
		for ( int i = 0; i < cells.length; i++ )
		{
			v[ i ] = Double.parseDouble( cells[ i ] );
			assertTrue( Double.isFinite( v[ i ] ), "column " + i + " of " + log );
		}
		return v;
	}

	private static List< String > withoutSeconds( final String log )
	{
		return log.lines().map( r -> r.substring( 0, r.lastIndexOf( ',' ) ) ).toList();
	}

	/** FPN generator, conditional discriminator, RaLSGAN with an output pool, linear schedule, all content losses; resumes exactly. */
	@Test
	void fpnWithEveryOptionResumesExactly() throws Exception
	{
		final GanConfig c = GanTrainerTest.tiny( 4 );
		c.generator.architecture = FpnConfig.of( 3, 2 );
		c.generator.schedule = "linear";
		c.conditional = true;
		c.outputPool = 3;
		c.content = "l1+0.5*ssim+0.1*perceptual+0.01*contextual";
		final GanTrainer straight = new GanTrainer( c, GanTrainerTest.sampler(), dir.resolve( "a" ) );
		final GanTrainer.Result a = straight.train( false, Progress.NONE );
		assertThrows( CancelledException.class, () -> new GanTrainer( c, GanTrainerTest.sampler(), dir.resolve( "b" ) ).train( false, GanTrainerTest.stopAt( 2 ) ) );
		final GanTrainer resumed = new GanTrainer( c, GanTrainerTest.sampler(), dir.resolve( "b" ) );
		final GanTrainer.Result b = resumed.train( true, Progress.NONE );
		assertArrayEquals( a.generator(), b.generator() );
		assertArrayEquals( a.discriminator(), b.discriminator() );
		final double[] last = finite( straight.logText(), 2 );
		assertEquals( 0.5 * c.generator.learningRate, last[ 8 ], 1e-6, "linear decay from step 2 of 4: half the peak at step 3" );
		assertEquals( withoutSeconds( straight.logText() ), withoutSeconds( resumed.logText() ) );
	}

	/** A x2 super-resolution generator against a conditional discriminator on lowres pairs. */
	@Test
	void superResolutionTrainsOnSmallerInputs() throws Exception
	{
		final GanConfig c = GanTrainerTest.tiny( 2 );
		c.generator.architecture = new SrConfig( 2, 4, 1 );
		c.conditional = true;
		c.objective = "ragan";
		final DegradationPairSampler sampler = new DegradationPairSampler( List.of( new MicroscopySceneSource() ), DegradationKind.LOWRES, 2, 3, 64, 32, new double[] { 1, 99.8 } );
		final GanTrainer trainer = new GanTrainer( c, sampler, dir );
		trainer.train( false, Progress.NONE );
		finite( trainer.logText(), 1 );
	}

	@Test
	void theOutputPoolIsOnlyForRelativisticObjectives()
	{
		final GanConfig c = GanTrainerTest.tiny( 1 );
		c.objective = "lsgan";
		c.outputPool = 5;
		assertThrows( IllegalArgumentException.class, () -> new GanTrainer( c, GanTrainerTest.sampler(), dir ).train( false, Progress.NONE ) );
	}
}
