package sc.fiji.restoregan.degrade;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * JPEG compression artefacts: the image is mapped linearly from its own
 * [min, max] to 8 bits, encoded with the JDK's JPEG writer at the given
 * quality, decoded and mapped back. Deterministic (no randomness).
 *
 * @param quality JPEG quality, 1 to 100 (documented range 30 to 95)
 */
public record JpegCompression( int quality ) implements Degradation
{
	/** JPEG quality. */
	public static final Range QUALITY = Range.uniform( 30, 95 );

	/** Checks the quality. */
	public JpegCompression
	{
		if ( quality < 1 || quality > 100 )
			throw new IllegalArgumentException( "JPEG quality must be 1 to 100, not " + quality );
	}

	@Override
	public float[] apply( final float[] img, final int width, final int height, final Random rnd )
	{
		float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
		for ( final float v : img )
		{
			min = Math.min( min, v );
			max = Math.max( max, v );
		}
		final double range = max > min ? max - min : 1;
		final BufferedImage bi = new BufferedImage( width, height, BufferedImage.TYPE_BYTE_GRAY );
		final byte[] pixels = ( ( DataBufferByte ) bi.getRaster().getDataBuffer() ).getData();
		for ( int i = 0; i < img.length; i++ )
			pixels[ i ] = ( byte ) Math.round( 255 * ( img[ i ] - min ) / range );
		final BufferedImage decoded = roundTrip( bi );
		final float[] out = new float[ img.length ];
		final int[] row = new int[ width ];
		for ( int y = 0; y < height; y++ )
		{
			decoded.getRaster().getPixels( 0, y, width, 1, row );
			for ( int x = 0; x < width; x++ )
				out[ y * width + x ] = ( float ) ( min + range * row[ x ] / 255.0 );
		}
		return out;
	}

	private BufferedImage roundTrip( final BufferedImage bi )
	{
		final ImageWriter writer = ImageIO.getImageWritersByFormatName( "jpeg" ).next();
		try
		{
			final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try ( MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream( bytes ) )
			{
				writer.setOutput( stream );
				final ImageWriteParam param = writer.getDefaultWriteParam();
				param.setCompressionMode( ImageWriteParam.MODE_EXPLICIT );
				param.setCompressionQuality( quality / 100f );
				writer.write( null, new IIOImage( bi, null, null ), param );
			}
			return ImageIO.read( new ByteArrayInputStream( bytes.toByteArray() ) );
		}
		catch ( final IOException e )
		{
			throw new UncheckedIOException( "JPEG round trip failed", e );
		}
		finally
		{
			writer.dispose();
		}
	}

	@Override
	public String describe()
	{
		return String.format( Locale.ROOT, "JPEG quality %d", quality );
	}
}
