package sc.fiji.restoregan.simulate;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ij.io.FileSaver;
import ij.ImagePlus;
import ij.process.ByteProcessor;

import sc.fiji.restoregan.degrade.AtmosphericHaze;
import sc.fiji.restoregan.degrade.Blur;
import sc.fiji.restoregan.degrade.CameraNoise;
import sc.fiji.restoregan.degrade.Composite;
import sc.fiji.restoregan.degrade.Degradation;
import sc.fiji.restoregan.degrade.Downsample;
import sc.fiji.restoregan.degrade.Drops;
import sc.fiji.restoregan.degrade.IlluminationField;
import sc.fiji.restoregan.degrade.Lighting;
import sc.fiji.restoregan.degrade.ScatterHaze;
import sc.fiji.restoregan.degrade.Streaks;
import sc.fiji.restoregan.degrade.Stripes;

/**
 * Draws {@code docs/degradations.png}: one simulated scene and each
 * degradation applied to it (a documentation utility, not a test). Run with
 * {@code java -cp target/classes:target/test-classes:DEPS
 * sc.fiji.restoregan.simulate.DegradationFigure docs/degradations.png}.
 */
public final class DegradationFigure
{
	private static final int TILE = 256, COLUMNS = 5;

	private DegradationFigure()
	{}

	/** Writes the figure to {@code args[0]}. */
	public static void main( final String[] args )
	{
		final float[] clean = new MicroscopyScene( TILE, TILE, 1, SceneContent.DEFAULT ).generate( 7 );
		final Random k = new Random( 3 );
		final List< String > labels = new ArrayList<>();
		final List< Degradation > list = new ArrayList<>();
		add( labels, list, "clean scene", null );
		add( labels, list, "noise: 10 photons, read 0.01", CameraNoise.poissonGaussian( 10, 0.01 ) );
		add( labels, list, "sCMOS: 30 ph, hot px, spread 0.5", new CameraNoise( 30, 0.02, 0.05, 1, 0.002, 0.5 ) );
		add( labels, list, "gaussian blur sigma 2.5", Blur.gaussian( 2.5 ) );
		add( labels, list, "defocus disk radius 4", Blur.defocus( 4 ) );
		add( labels, list, "widefield PSF, 1.5 waves", Blur.widefield( 2, 1.5 ) );
		add( labels, list, "motion blur (trajectory) 30 px", Blur.motion( k, 30, 0.005, 1 ) );
		add( labels, list, "anisotropic blur 3.5 / 0.7 px", Blur.anisotropic( 3.5, 0.7, 30 ) );
		add( labels, list, "scatter haze 10+25 px", new ScatterHaze( new double[] { 10, 25 }, new double[] { 1, 1 }, 0.05 ) );
		add( labels, list, "atmospheric haze", new AtmosphericHaze( 0.8, 0.2, 96 ) );
		add( labels, list, "streaks at 30 deg", new Streaks( 30, 30, 5, 0.8, 0.5, 0.3 ) );
		add( labels, list, "light-sheet stripes", new Stripes( 25, 0, 0.7, 3 ) );
		add( labels, list, "drops and dust", new Drops( 10, 24, 0.3, 4 ) );
		add( labels, list, "lighting: gradient to 0.2, dim 0.3", new Lighting( IlluminationField.GRADIENT, 0.2, 0.3, 200, 0.003, 1 ) );
		add( labels, list, "low resolution x4 (nearest)", new Downsample( 4, 1.5, CameraNoise.poissonGaussian( 1000, 0.002 ), null ) );
		add( labels, list, "composite (random, 4+ steps)", richComposite() );
		final int rows = ( list.size() + COLUMNS - 1 ) / COLUMNS, gap = 4;
		final ByteProcessor canvas = new ByteProcessor( COLUMNS * ( TILE + gap ) - gap, rows * ( TILE + gap ) - gap );
		canvas.setColor( 255 );
		canvas.fill();
		canvas.setFont( new Font( "SansSerif", Font.BOLD, 13 ) );
		canvas.setAntialiasedText( false );
		for ( int i = 0; i < list.size(); i++ )
		{
			final Degradation d = list.get( i );
			float[] img = d == null ? clean : d.apply( clean, TILE, TILE, new Random( 100 + i ) );
			img = upsample( img, d == null ? 1 : d.scale() );
			final int ox = ( i % COLUMNS ) * ( TILE + gap ), oy = ( i / COLUMNS ) * ( TILE + gap );
			draw( canvas, img, ox, oy );
			canvas.setColor( Color.white );
			canvas.drawString( labels.get( i ), ox + 4, oy + 18, Color.black );
			System.out.println( labels.get( i ) + ( d == null ? "" : ": " + d.describe() ) );
		}
		if ( !new FileSaver( new ImagePlus( "degradations", canvas ) ).saveAsPng( args[ 0 ] ) )
			throw new IllegalStateException( "Could not write " + args[ 0 ] );
	}

	/** The first random composite (seeds from 1) with at least four steps. */
	private static Composite richComposite()
	{
		for ( long seed = 1;; seed++ )
		{
			final Composite c = Composite.random( new Random( seed ), 1 );
			if ( c.steps().size() >= 4 )
				return c;
		}
	}

	private static void add( final List< String > labels, final List< Degradation > list, final String label, final Degradation d )
	{
		labels.add( label );
		list.add( d );
	}

	private static float[] upsample( final float[] img, final int s )
	{
		if ( s == 1 )
			return img;
		final int small = TILE / s;
		final float[] out = new float[ TILE * TILE ];
		for ( int y = 0; y < TILE; y++ )
			for ( int x = 0; x < TILE; x++ )
				out[ y * TILE + x ] = img[ Math.min( small - 1, y / s ) * small + Math.min( small - 1, x / s ) ];
		return out;
	}

	/** Gray levels from the 0.1 to 99.8 percentiles of the tile. */
	private static void draw( final ByteProcessor canvas, final float[] img, final int ox, final int oy )
	{
		final float[] sorted = img.clone();
		java.util.Arrays.sort( sorted );
		final double lo = sorted[ ( int ) ( 0.001 * ( sorted.length - 1 ) ) ], hi = sorted[ ( int ) ( 0.998 * ( sorted.length - 1 ) ) ];
		for ( int y = 0; y < TILE; y++ )
			for ( int x = 0; x < TILE; x++ )
			{
				final double v = ( img[ y * TILE + x ] - lo ) / Math.max( 1e-9, hi - lo );
				canvas.set( ox + x, oy + y, ( int ) Math.round( 255 * Math.min( 1, Math.max( 0, v ) ) ) );
			}
	}
}
