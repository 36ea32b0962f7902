package sc.fiji.restoregan.metrics;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import ij.gui.Plot;

/**
 * The perception-distortion plane (Blau and Michaeli 2018) as an ImageJ
 * {@link Plot}: distortion (RMSE) on x, perceptual quality (NIQE) on y, one
 * labelled point per restored image (a method, or a {@code realism} setting),
 * and the reference itself at RMSE 0. Lower-left is better on both axes;
 * restorations usually trade one for the other. The plot is built, not
 * shown.
 */
public final class PerceptionDistortionPlot
{
	/** Title of the plot window. */
	public static final String TITLE = "Perception-distortion";

	private PerceptionDistortionPlot()
	{}

	/**
	 * Builds the plot from the images' scores; those without a finite RMSE
	 * and NIQE are left out.
	 *
	 * @param referenceNiqe NIQE of the reference, drawn at RMSE 0 (NaN to
	 *            leave it out)
	 */
	public static Plot of( final List< Evaluation.Scores > scores, final double referenceNiqe )
	{
		final List< Evaluation.Scores > points = new ArrayList<>();
		for ( final Evaluation.Scores s : scores )
			if ( Double.isFinite( s.rmse() ) && Double.isFinite( s.niqe() ) )
				points.add( s );
		final double[] x = points.stream().mapToDouble( Evaluation.Scores::rmse ).toArray();
		final double[] y = points.stream().mapToDouble( Evaluation.Scores::niqe ).toArray();
		double xMax = 0, yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
		for ( int i = 0; i < x.length; i++ )
		{
			xMax = Math.max( xMax, x[ i ] );
			yMin = Math.min( yMin, y[ i ] );
			yMax = Math.max( yMax, y[ i ] );
		}
		if ( Double.isFinite( referenceNiqe ) )
		{
			yMin = Math.min( yMin, referenceNiqe );
			yMax = Math.max( yMax, referenceNiqe );
		}
		if ( !Double.isFinite( yMin ) )
		{
			yMin = 0;
			yMax = 1;
		}
		final double dx = xMax > 0 ? xMax : 1, dy = yMax > yMin ? yMax - yMin : Math.max( 1, Math.abs( yMax ) );
		final Plot plot = new Plot( TITLE, "RMSE (distortion, pixel units; lower is better)", "NIQE (lower is more natural)" );
		plot.setLimits( -0.05 * dx, xMax + 0.3 * dx, yMin - 0.15 * dy, yMax + 0.15 * dy );
		plot.setLineWidth( 2 );
		plot.setColor( Color.BLUE );
		plot.add( "circle", x, y );
		for ( int i = 0; i < x.length; i++ )
			plot.addText( points.get( i ).name(), x[ i ] + 0.02 * dx, y[ i ] - 0.02 * dy );
		if ( Double.isFinite( referenceNiqe ) )
		{
			plot.setColor( Color.RED );
			plot.add( "diamond", new double[] { 0 }, new double[] { referenceNiqe } );
			plot.addText( "reference", 0.02 * dx, referenceNiqe - 0.02 * dy );
		}
		plot.setColor( Color.BLACK );
		return plot;
	}
}
