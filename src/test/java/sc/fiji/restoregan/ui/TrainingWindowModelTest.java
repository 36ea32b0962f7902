package sc.fiji.restoregan.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import sc.fiji.restoregan.metrics.DoublePlane;
import sc.fiji.restoregan.sisr.TrainingSession;

/** The training window's logic, without Swing. */
class TrainingWindowModelTest
{
	private final long[] now = { 0 };

	private final TrainingSession session = new TrainingSession( s -> {}, () -> now[ 0 ] );

	private final TrainingWindowModel model = new TrainingWindowModel( session, "ZSSR x2 on cells", () -> now[ 0 ] );

	@Test
	void buttonsFollowThePhase()
	{
		assertTrue( model.stopEnabled() );
		assertFalse( model.saveEnabled() );
		assertFalse( model.applyEnabled() );
		assertEquals( "RestoreGAN: ZSSR x2 on cells (training)", model.title() );
		session.step( 3, 10 );
		session.requestStop();
		assertFalse( model.stopEnabled(), "pressed once" );
		assertEquals( "RestoreGAN: ZSSR x2 on cells (stopping)", model.title() );
		model.trainingEnded( true );
		assertTrue( model.saveEnabled() );
		assertTrue( model.applyEnabled() );
		assertTrue( model.status().startsWith( "Stopped after 3 of 10 updates" ), model.status() );
		assertEquals( "RestoreGAN: ZSSR x2 on cells (stopped)", model.title() );
		model.busy( TrainingWindowModel.Phase.APPLYING );
		assertFalse( model.saveEnabled() );
		assertFalse( model.applyEnabled() );
		model.idle( "Applied to the image." );
		assertEquals( "Applied to the image.", model.status() );
		assertTrue( model.applyEnabled() );
	}

	@Test
	void aFailureDisablesEverything()
	{
		model.failed( "out of memory" );
		assertFalse( model.stopEnabled() );
		assertFalse( model.saveEnabled() );
		assertEquals( "Training failed: out of memory", model.status() );
		assertTrue( model.title().endsWith( "(failed)" ) );
	}

	@Test
	void curvesLeaveOutSwitchedOffTermsAndNonPositiveValuesOnALogScale()
	{
		session.losses( 1, Map.of( "g", 1.0, "penalty", 0.0 ) );
		session.losses( 2, Map.of( "g", 0.0, "penalty", 0.0 ) );
		session.losses( 3, Map.of( "g", 0.5, "penalty", 0.0 ) );
		List< TrainingWindowModel.Curve > curves = model.curves();
		assertEquals( 1, curves.size() );
		assertEquals( "g", curves.get( 0 ).name() );
		assertEquals( 3, curves.get( 0 ).y().length );
		model.setLogScale( true );
		curves = model.curves();
		assertEquals( 2, curves.get( 0 ).y().length );
		assertEquals( 3, curves.get( 0 ).x()[ 1 ] );
	}

	@Test
	void refreshesAtMostTwiceASecondAndNeverLoseTheLastChange()
	{
		assertTrue( model.refreshDue() );
		assertFalse( model.refreshDue(), "nothing changed" );
		session.step( 1, 10 );
		model.changed();
		now[ 0 ] += 100_000_000L;
		assertFalse( model.refreshDue(), "too soon" );
		now[ 0 ] += TrainingWindowModel.REFRESH_NANOS;
		assertTrue( model.refreshDue(), "the change is drawn later" );
	}

	@Test
	void previewCaption()
	{
		assertEquals( "No preview", model.previewCaption() );
		session.previewOn( new DoublePlane( 4, 4 ), 25 );
		assertTrue( model.previewCaption().contains( "after 25 updates" ) );
		session.preview( 50, new DoublePlane( 8, 8 ) );
		assertEquals( "Preview: input and result after update 50", model.previewCaption() );
	}

	@Test
	void previewRegionIsTheSelectionOrACentralCrop()
	{
		assertEquals( new Rectangle( 36, 86, 128, 128 ), PreviewRegion.choose( 200, 300, null, 4 ) );
		assertEquals( new Rectangle( 0, 0, 60, 40 ), PreviewRegion.choose( 60, 40, null, 4 ) );
		assertEquals( new Rectangle( 10, 20, 48, 32 ), PreviewRegion.choose( 200, 300, new Rectangle( 10, 20, 50, 33 ), 4 ) );
		assertEquals( new Rectangle( 196, 296, 4, 4 ), PreviewRegion.choose( 200, 300, new Rectangle( 198, 299, 2, 1 ), 4 ), "clipped, at least one multiple" );
		final DoublePlane p = new DoublePlane( 3, 2, new double[] { 0, 1, 2, 3, 4, 5 } );
		assertEquals( 4, PreviewRegion.crop( p, new Rectangle( 1, 1, 1, 1 ) ).data[ 0 ] );
	}
}
