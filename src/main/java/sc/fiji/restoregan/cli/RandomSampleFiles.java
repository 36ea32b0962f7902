package sc.fiji.restoregan.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import sc.fiji.restoregan.bridge.Planes;
import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.metrics.DoublePlane;
import sc.fiji.restoregan.normalize.AffineNormalization;
import sc.fiji.restoregan.sisr.RandomSamples;
import sc.fiji.restoregan.sisr.SingleImageModel;
import sc.fiji.restoregan.sisr.SingleImageSr;

/** Writes a model's random samples (SinGAN) next to the output: {@code OUTPUT-sample-N.tif}, in the training plane's units. */
final class RandomSampleFiles
{
	private RandomSampleFiles()
	{}

	static void write( final SingleImageModel model, final int count, final RandomAccessibleInterval< ? extends RealType< ? > > image, final long plane, final Path output, final long seed ) throws IOException
	{
		if ( count <= 0 )
			return;
		if ( !( model instanceof RandomSamples ) )
			throw new IllegalArgumentException( "--samples needs a model that draws samples (--method singan)" );
		final AffineNormalization n = SingleImageSr.normalization( Planes.plane( image, plane ) );
		final List< DoublePlane > samples = new java.util.ArrayList<>();
		for ( int i = 0; i < count; i++ )
			samples.add( ( ( RandomSamples ) model ).sample( seed + i ) );
		final String base = output.getFileName().toString().replaceFirst( "\\.tiff?$", "" );
		for ( int i = 0; i < samples.size(); i++ )
		{
			final DoublePlane s = samples.get( i ).affine( 0, n.scale() ).affine( -n.offset(), 1 ); // invert the normalisation
			final Path file = output.resolveSibling( base + "-sample-" + ( i + 1 ) + ".tif" );
			ImageFiles.writeFloatTiff( s.toFloatImg(), file );
			System.out.println( "Wrote " + file );
		}
	}
}
