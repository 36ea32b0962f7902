package sc.fiji.restoregan.io;

import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;

/**
 * 8-bit PNG figures of float images for reports: a row of images side by
 * side ({@link #savePng}), or a grid with column titles, a caption under each
 * image and a short badge (such as its PSNR) on its corner
 * ({@link #saveGrid}). Grey levels map a fixed {@code [min, max]} linearly to
 * 0 to 255; images are separated by {@link #GAP} white pixels.
 */
public final class Montage
{
	/** White pixels between neighbouring images. */
	public static final int GAP = 4;

	/** Pixels per line of text (titles, captions). */
	public static final int LINE = 15;

	private static final Font FONT = new Font( "SansSerif", Font.PLAIN, 12 );

	private static final Font TITLE_FONT = new Font( "SansSerif", Font.BOLD, 12 );

	/** Space left of text, in pixels. */
	private static final int MARGIN = 2;

	private Montage()
	{}

	/**
	 * One image of a grid.
	 *
	 * @param pixels row-major values, or null for an empty (white) cell that
	 *            only has a caption
	 * @param width columns of {@code pixels}
	 * @param height rows of {@code pixels}
	 * @param caption text under the image, wrapped at word boundaries to the
	 *            cell's width; {@code \n} starts a new line; null for none
	 * @param badge short text in white on black on the image's top-left
	 *            corner, or null for none
	 */
	public record Tile( float[] pixels, int width, int height, String caption, String badge )
	{
		/** An empty cell with only a caption (for example "no model yet"). */
		public static Tile empty( final String caption )
		{
			return new Tile( null, 0, 0, caption, null );
		}
	}

	/**
	 * Writes the images next to each other, all mapped linearly from
	 * {@code [min, max]} to grey levels 0 to 255, with a {@link #GAP}-pixel
	 * white gap.
	 */
	public static void savePng( final List< float[] > images, final int width, final int height, final double min, final double max, final Path file )
	{
		final List< Tile > row = new ArrayList<>();
		for ( final float[] img : images )
			row.add( new Tile( img, width, height, null, null ) );
		saveGrid( null, List.of( row ), 0, min, max, file );
	}

	/**
	 * Writes a grid of images with optional column titles and captions.
	 * Every cell is as large as the largest image; smaller images sit at the
	 * cell's top-left. The figure is {@link #gridWidth} by
	 * {@link #gridHeight} pixels.
	 *
	 * @param columnTitles one bold line above each column, or null for none
	 * @param rows the rows, each with the same number of tiles
	 * @param captionLines lines of caption text under every image (longer
	 *            captions are cut with "..."); 0 for none
	 * @param min the value shown black
	 * @param max the value shown white
	 * @param file the PNG to write
	 */
	public static void saveGrid( final List< String > columnTitles, final List< List< Tile > > rows, final int captionLines, final double min, final double max, final Path file )
	{
		if ( rows.isEmpty() || rows.get( 0 ).isEmpty() )
			throw new IllegalArgumentException( "A figure needs at least one image." );
		final int columns = rows.get( 0 ).size();
		int cellW = 1, cellH = 1;
		for ( final List< Tile > row : rows )
		{
			if ( row.size() != columns )
				throw new IllegalArgumentException( "Every row needs " + columns + " tiles, not " + row.size() + "." );
			for ( final Tile t : row )
			{
				cellW = Math.max( cellW, t.width() );
				cellH = Math.max( cellH, t.height() );
			}
		}
		final boolean titles = columnTitles != null;
		final ByteProcessor out = new ByteProcessor( gridWidth( columns, cellW ), gridHeight( rows.size(), cellH, captionLines, titles ) );
		out.setColor( 255 );
		out.fill();
		out.setAntialiasedText( true );
		int y0 = 0;
		if ( titles )
		{
			out.setFont( TITLE_FONT );
			for ( int c = 0; c < Math.min( columns, columnTitles.size() ); c++ )
				drawLines( out, wrap( out, columnTitles.get( c ), cellW - MARGIN, 1 ), c * ( cellW + GAP ), 0 );
			y0 = LINE + GAP;
		}
		for ( final List< Tile > row : rows )
		{
			for ( int c = 0; c < columns; c++ )
			{
				final Tile t = row.get( c );
				final int x0 = c * ( cellW + GAP );
				if ( t.pixels() != null )
					draw( out, t, x0, y0, min, max );
				if ( t.badge() != null && t.pixels() != null )
				{
					out.setFont( FONT );
					out.setColor( Color.white );
					out.drawString( t.badge(), x0 + MARGIN, y0 + LINE - 2, Color.black );
				}
				if ( captionLines > 0 && t.caption() != null )
				{
					out.setFont( FONT );
					drawLines( out, wrap( out, t.caption(), cellW - MARGIN, captionLines ), x0, y0 + cellH );
				}
			}
			y0 += cellH + captionLines * LINE + GAP;
		}
		if ( !new FileSaver( new ImagePlus( "montage", out ) ).saveAsPng( file.toAbsolutePath().toString() ) )
			throw new IllegalStateException( "ImageJ could not write " + file );
	}

	/** The width of a grid of {@code columns} cells {@code cellWidth} wide. */
	public static int gridWidth( final int columns, final int cellWidth )
	{
		return columns * ( cellWidth + GAP ) - GAP;
	}

	/**
	 * The height of a grid of {@code rows} cells {@code cellHeight} high,
	 * each with {@code captionLines} lines of caption under it, and a line of
	 * column titles on top if {@code titles}.
	 */
	public static int gridHeight( final int rows, final int cellHeight, final int captionLines, final boolean titles )
	{
		return ( titles ? LINE + GAP : 0 ) + rows * ( cellHeight + captionLines * LINE + GAP ) - GAP;
	}

	/**
	 * A small image enlarged {@code scale} times by repeating each pixel
	 * (nearest neighbour), to show a low-resolution input at its target size.
	 */
	public static float[] enlargeNearest( final float[] img, final int width, final int height, final int scale )
	{
		final int w = width * scale;
		final float[] out = new float[ w * height * scale ];
		for ( int y = 0; y < height * scale; y++ )
			for ( int x = 0; x < w; x++ )
				out[ y * w + x ] = img[ ( y / scale ) * width + x / scale ];
		return out;
	}

	private static void draw( final ByteProcessor out, final Tile t, final int x0, final int y0, final double min, final double max )
	{
		final float[] img = t.pixels();
		for ( int y = 0; y < t.height(); y++ )
			for ( int x = 0; x < t.width(); x++ )
			{
				final double v = ( img[ y * t.width() + x ] - min ) / ( max - min ) * 255;
				out.set( x0 + x, y0 + y, ( int ) Math.max( 0, Math.min( 255, Math.round( v ) ) ) );
			}
	}

	private static void drawLines( final ByteProcessor out, final List< String > lines, final int x0, final int y0 )
	{
		out.setColor( Color.black );
		for ( int i = 0; i < lines.size(); i++ )
			out.drawString( lines.get( i ), x0 + MARGIN, y0 + ( i + 1 ) * LINE - 3 );
	}

	/**
	 * {@code text} broken into at most {@code maxLines} lines no wider than
	 * {@code width} pixels in the processor's font: at spaces, and at
	 * {@code \n}. A word too long for a line is cut, and so is the last line
	 * when text is left over, each ending in "...".
	 */
	static List< String > wrap( final ByteProcessor ip, final String text, final int width, final int maxLines )
	{
		final List< String > lines = new ArrayList<>();
		if ( maxLines <= 0 )
			return lines;
		for ( final String paragraph : text.split( "\n" ) )
		{
			String line = "";
			for ( final String word : paragraph.trim().split( " +" ) )
			{
				final String longer = line.isEmpty() ? word : line + " " + word;
				if ( ip.getStringWidth( longer ) <= width )
					line = longer;
				else
				{
					if ( !line.isEmpty() )
						lines.add( line );
					line = ip.getStringWidth( word ) <= width ? word : ellipsis( ip, word, width );
				}
			}
			lines.add( line );
		}
		if ( lines.size() <= maxLines )
			return lines;
		final List< String > kept = new ArrayList<>( lines.subList( 0, maxLines ) );
		kept.set( maxLines - 1, ellipsis( ip, kept.get( maxLines - 1 ), width ) );
		return kept;
	}

	/** The longest start of {@code s} that fits {@code width} pixels with "..." after it, and the "...". */
	private static String ellipsis( final ByteProcessor ip, final String s, final int width )
	{
		String start = s.endsWith( "..." ) ? s.substring( 0, s.length() - 3 ) : s;
		while ( !start.isEmpty() && ip.getStringWidth( start + "..." ) > width )
			start = start.substring( 0, start.length() - 1 );
		return start + "...";
	}
}
