package sc.fiji.restoregan.ui;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.Image;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.List;

import javax.swing.BorderFactory;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JFileChooser;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.WindowConstants;

import ij.gui.Plot;
import ij.process.FloatProcessor;

import sc.fiji.restoregan.metrics.DoublePlane;

/**
 * The non-modal training window: status line, live loss plot (ImageJ's
 * {@link Plot}), preview of the input region and the current result, and
 * the buttons Stop, Save model... and Apply to image. It only renders a
 * {@link TrainingWindowModel} (redrawn by a timer when the model says a
 * refresh is due) and forwards clicks to a {@link TrainingController}.
 */
public final class TrainingWindow
{
	private static final Color[] COLORS = { Color.BLUE, Color.RED, new Color( 0, 140, 0 ), Color.MAGENTA, Color.ORANGE, Color.CYAN.darker(), Color.GRAY, Color.BLACK };

	private static final int PLOT_W = 420, PLOT_H = 240, PREVIEW = 200;

	private final TrainingController controller;

	private final TrainingWindowModel model;

	private final JFrame frame = new JFrame();

	private final JLabel status = new JLabel( " " ), plot = new JLabel(), previewIn = new JLabel(), previewOut = new JLabel(), caption = new JLabel( " " );

	private final JButton stop = new JButton( "Stop" ), save = new JButton( "Save model..." ), apply = new JButton( "Apply to image" );

	private final JCheckBox log = new JCheckBox( "Log scale" );

	private final Timer timer;

	private TrainingWindow( final TrainingController controller )
	{
		this.controller = controller;
		this.model = controller.model();
		final JPanel previews = new JPanel( new FlowLayout( FlowLayout.LEFT ) );
		previews.add( previewIn );
		previews.add( previewOut );
		final JPanel right = new JPanel( new BorderLayout() );
		right.add( caption, BorderLayout.NORTH );
		right.add( previews, BorderLayout.CENTER );
		final JPanel centre = new JPanel( new BorderLayout() );
		centre.add( plot, BorderLayout.WEST );
		centre.add( right, BorderLayout.CENTER );
		final JPanel buttons = new JPanel( new FlowLayout( FlowLayout.RIGHT ) );
		buttons.add( log );
		buttons.add( stop );
		buttons.add( save );
		buttons.add( apply );
		status.setBorder( BorderFactory.createEmptyBorder( 4, 6, 4, 6 ) );
		frame.getContentPane().add( status, BorderLayout.NORTH );
		frame.getContentPane().add( centre, BorderLayout.CENTER );
		frame.getContentPane().add( buttons, BorderLayout.SOUTH );
		stop.addActionListener( e -> controller.stop() );
		save.addActionListener( e -> chooseFolder() );
		apply.addActionListener( e -> controller.apply() );
		log.addActionListener( e -> model.setLogScale( log.isSelected() ) );
		frame.setDefaultCloseOperation( WindowConstants.DISPOSE_ON_CLOSE );
		timer = new Timer( 100, e -> {
			if ( model.refreshDue() )
				render();
		} );
		frame.addWindowListener( new WindowAdapter()
		{
			@Override
			public void windowClosed( final WindowEvent e )
			{
				timer.stop();
				controller.dispose();
			}
		} );
	}

	/** Opens a window for the controller's run (on the event thread) and starts training. */
	public static void open( final TrainingController controller )
	{
		SwingUtilities.invokeLater( () -> {
			final TrainingWindow w = new TrainingWindow( controller );
			w.render();
			w.frame.pack();
			w.frame.setLocationByPlatform( true );
			w.frame.setVisible( true );
			w.timer.start();
			controller.start();
		} );
	}

	private void chooseFolder()
	{
		final JFileChooser chooser = new JFileChooser();
		chooser.setDialogTitle( "Save the model to a folder" );
		chooser.setFileSelectionMode( JFileChooser.DIRECTORIES_ONLY );
		if ( chooser.showSaveDialog( frame ) == JFileChooser.APPROVE_OPTION )
			controller.save( chooser.getSelectedFile().toPath() );
	}

	private void render()
	{
		frame.setTitle( model.title() );
		status.setText( model.status() );
		stop.setEnabled( model.stopEnabled() );
		save.setEnabled( model.saveEnabled() );
		apply.setEnabled( model.applyEnabled() );
		plot.setIcon( new ImageIcon( plotImage( model.curves(), model.logScale() ) ) );
		caption.setText( model.previewCaption() );
		previewIn.setIcon( icon( controller.previewInput() ) );
		previewOut.setIcon( icon( controller.previewOutput() ) );
	}

	private static Image plotImage( final List< TrainingWindowModel.Curve > curves, final boolean logScale )
	{
		final Plot p = new Plot( "Losses", "update", "loss" );
		p.setFrameSize( PLOT_W, PLOT_H );
		final StringBuilder legend = new StringBuilder();
		for ( int i = 0; i < curves.size(); i++ )
		{
			p.setColor( COLORS[ i % COLORS.length ] );
			p.addPoints( curves.get( i ).x(), curves.get( i ).y(), Plot.LINE );
			legend.append( i > 0 ? "\t" : "" ).append( curves.get( i ).name() );
		}
		if ( !curves.isEmpty() )
		{
			p.setColor( Color.BLACK );
			p.addLegend( legend.toString() );
			p.setAxisYLog( logScale );
			p.setLimitsToFit( false );
		}
		return p.getProcessor().getBufferedImage();
	}

	private static ImageIcon icon( final DoublePlane plane )
	{
		if ( plane == null )
			return null;
		final FloatProcessor fp = new FloatProcessor( plane.width, plane.height );
		for ( int i = 0; i < plane.data.length; i++ )
			fp.setf( i, ( float ) plane.data[ i ] );
		fp.resetMinAndMax();
		final double zoom = ( double ) PREVIEW / Math.max( plane.width, plane.height );
		return new ImageIcon( fp.getBufferedImage().getScaledInstance( ( int ) Math.round( plane.width * zoom ), ( int ) Math.round( plane.height * zoom ), Image.SCALE_FAST ) );
	}
}
