package sc.fiji.restoregan.io;

import java.nio.file.Path;
import java.util.List;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;

/** Side-by-side 8-bit PNG figures of same-sized float images, for reports. */
public final class Montage
{
	private Montage()
	{}

	/**
	 * Writes the images next to each other, all mapped linearly from
	 * {@code [min, max]} to grey levels 0 to 255, with a 4-pixel white gap.
	 */
	public static void savePng( final List< float[] > images, final int width, final int height, final double min, final double max, final Path file )
	{
		final int gap = 4;
		final ByteProcessor out = new ByteProcessor( images.size() * ( width + gap ) - gap, height );
		out.setColor( 255 );
		out.fill();
		for ( int k = 0; k < images.size(); k++ )
		{
			final float[] img = images.get( k );
			final int x0 = k * ( width + gap );
			for ( int y = 0; y < height; y++ )
				for ( int x = 0; x < width; x++ )
				{
					final double v = ( img[ y * width + x ] - min ) / ( max - min ) * 255;
					out.set( x0 + x, y, ( int ) Math.max( 0, Math.min( 255, Math.round( v ) ) ) );
				}
		}
		if ( !new FileSaver( new ImagePlus( "montage", out ) ).saveAsPng( file.toAbsolutePath().toString() ) )
			throw new IllegalStateException( "ImageJ could not write " + file );
	}
}
