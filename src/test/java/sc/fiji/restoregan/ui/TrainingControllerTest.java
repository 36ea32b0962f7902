package sc.fiji.restoregan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.process.FloatProcessor;

import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.sisr.TrainingSession;

/** The window's actions on a fake job, run synchronously. */
class TrainingControllerTest
{
	private final List< String > errors = new ArrayList<>();

	private final List< ImagePlus > shown = new ArrayList<>();

	@Test
	void trainThenSaveAndApply()
	{
		final FakeJob job = new FakeJob( false );
		final TrainingController c = new TrainingController( job, Runnable::run, shown::add, s -> {}, errors::add );
		c.start();
		assertEquals( TrainingWindowModel.Phase.DONE, c.model().phase() );
		assertTrue( c.model().saveEnabled() );
		c.save( Path.of( "somewhere" ) );
		assertEquals( Path.of( "somewhere" ), job.savedTo );
		c.apply();
		assertEquals( 1, shown.size() );
		assertTrue( errors.isEmpty() );
		c.dispose();
		assertTrue( job.closed );
	}

	@Test
	void aFailureIsOneLineAndNoModel()
	{
		final TrainingController c = new TrainingController( new FakeJob( true ), Runnable::run, shown::add, s -> {}, errors::add );
		c.start();
		assertEquals( TrainingWindowModel.Phase.FAILED, c.model().phase() );
		assertFalse( c.model().applyEnabled() );
		assertEquals( List.of( "fake: the image is too small" ), errors );
	}

	private static final class FakeJob implements TrainingJob
	{
		private final TrainingSession session = new TrainingSession( s -> {} );

		private final boolean fail;

		private boolean trained, closed;

		private Path savedTo;

		FakeJob( final boolean fail )
		{
			this.fail = fail;
		}

		@Override
		public String title()
		{
			return "fake";
		}

		@Override
		public TrainingSession session()
		{
			return session;
		}

		@Override
		public void train()
		{
			if ( fail )
				throw new RestoreException( "the image is too small" );
			session.step( 1, 1 );
			trained = true;
		}

		@Override
		public boolean hasModel()
		{
			return trained;
		}

		@Override
		public void save( final Path folder )
		{
			savedTo = folder;
		}

		@Override
		public List< ImagePlus > apply( final Progress progress )
		{
			return List.of( new ImagePlus( "out", new FloatProcessor( 2, 2 ) ) );
		}

		@Override
		public void close()
		{
			closed = true;
		}
	}
}
