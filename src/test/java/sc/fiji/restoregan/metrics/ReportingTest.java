package sc.fiji.restoregan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.measure.ResultsTable;

/** The results table and the perception-distortion plot, built headless. */
class ReportingTest
{
	private final List< Evaluation.Scores > scores = List.of(
			new Evaluation.Scores( "L1", 30, 8, 0.9, 0.95, 7, List.of() ),
			new Evaluation.Scores( "realism 1.0", 26, 12, 0.8, 0.9, 4, List.of() ),
			new Evaluation.Scores( "small", 20, 20, 0.5, Double.NaN, Double.NaN, List.of( "NIQE needs at least 192x192 pixels" ) ) );

	@Test
	void tableHasOneRowPerImage()
	{
		final ResultsTable t = MetricsTable.of( scores, 255, "live" );
		assertEquals( 3, t.size() );
		assertEquals( "realism 1.0", t.getStringValue( MetricsTable.IMAGE, 1 ) );
		assertEquals( 26, t.getValue( MetricsTable.PSNR, 1 ), 0 );
		assertEquals( 4, t.getValue( MetricsTable.NIQE, 1 ), 0 );
		assertTrue( Double.isNaN( t.getValue( MetricsTable.MS_SSIM, 2 ) ) );
		assertEquals( "live", t.getStringValue( MetricsTable.NIQE_MODEL, 0 ) );
		assertTrue( t.getStringValue( MetricsTable.NOTES, 2 ).contains( "192" ) );
	}

	@Test
	void plotHasRmseAgainstNiqeWithLabels()
	{
		final Plot plot = PerceptionDistortionPlot.of( scores, 3 );
		final ImagePlus imp = plot.getImagePlus();
		assertNotNull( imp );
		assertTrue( imp.getWidth() > 100 );
		// the first data set is the images with both scores: RMSE on x, NIQE on y
		final float[] x = plot.getXValues(), y = plot.getYValues();
		assertEquals( 2, x.length );
		assertEquals( 8, x[ 0 ], 0 );
		assertEquals( 4, y[ 1 ], 0 );
		final double[] limits = plot.getLimits();
		assertTrue( limits[ 0 ] < 0 && limits[ 1 ] > 12 && limits[ 2 ] < 3 && limits[ 3 ] > 7 );
	}
}
