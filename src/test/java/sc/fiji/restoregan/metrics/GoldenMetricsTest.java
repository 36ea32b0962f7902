package sc.fiji.restoregan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

import sc.fiji.restoregan.io.ImageFiles;

/**
 * PSNR, SSIM and NIQE against the golden values of scikit-image 0.19.3 and
 * scikit-video 1.3.0 in {@code src/test/resources/golden/} (see its README).
 */
class GoldenMetricsTest
{
	/** One row of {@code golden_metrics.csv}. */
	record Row( String reference, String test, double dataRange, double psnr, double ssim, double niqe )
	{}

	private final Map< String, RandomAccessibleInterval< ? extends RealType< ? > > > images = new HashMap<>();

	static List< Row > rows() throws IOException, URISyntaxException
	{
		return Files.readAllLines( golden( "golden_metrics.csv" ) ).stream().skip( 1 ).filter( l -> !l.isBlank() ).map( l -> {
			final String[] f = l.split( "," );
			return new Row( f[ 0 ], f[ 1 ], Double.parseDouble( f[ 2 ] ), parse( f[ 3 ] ), Double.parseDouble( f[ 4 ] ), Double.parseDouble( f[ 5 ] ) );
		} ).collect( Collectors.toList() );
	}

	private static double parse( final String s )
	{
		return s.equals( "inf" ) ? Double.POSITIVE_INFINITY : Double.parseDouble( s );
	}

	static Path golden( final String name ) throws URISyntaxException
	{
		return Paths.get( GoldenMetricsTest.class.getResource( "/golden/" + name ).toURI() );
	}

	private RandomAccessibleInterval< ? extends RealType< ? > > image( final String name ) throws URISyntaxException
	{
		if ( !images.containsKey( name ) )
			images.put( name, ImageFiles.read( golden( name ) ) );
		return images.get( name );
	}

	@Test
	void psnrMatchesScikitImage() throws Exception
	{
		for ( final Row r : rows() )
		{
			final double psnr = Psnr.compute( image( r.reference() ), image( r.test() ), r.dataRange() );
			if ( Double.isInfinite( r.psnr() ) )
				assertEquals( Double.POSITIVE_INFINITY, psnr, r.test() );
			else
				assertEquals( r.psnr(), psnr, 1e-4, r.test() );
		}
	}

	@Test
	void ssimMatchesScikitImage() throws Exception
	{
		for ( final Row r : rows() )
			assertEquals( r.ssim(), Ssim.compute( image( r.reference() ), image( r.test() ), r.dataRange() ), 1e-4, r.test() );
	}

	@Test
	void niqeWithinThreePercentOfScikitVideo() throws Exception
	{
		final NiqeModel live = NiqeModel.resolve( NiqeModel.LIVE );
		final StringBuilder report = new StringBuilder();
		double worst = 0;
		for ( final Row r : rows() )
		{
			final RandomAccessibleInterval< ? extends RealType< ? > > ref = image( r.reference() );
			final double min = Psnr.dataRange( ref ) >= 0 ? minimum( ref ) : 0;
			final double niqe = Niqe.compute( image( r.test() ), live, min, r.dataRange() );
			final double rel = Math.abs( niqe - r.niqe() ) / r.niqe();
			worst = Math.max( worst, rel );
			report.append( String.format( "%s %.6f vs %.6f (%.2f%%)%n", r.test(), niqe, r.niqe(), 100 * rel ) );
		}
		System.out.print( report );
		assertTrue( worst <= 0.03, report.toString() );
	}

	private static double minimum( final RandomAccessibleInterval< ? extends RealType< ? > > image )
	{
		return DoublePlane.of( image.numDimensions() == 2 ? image : net.imglib2.view.Views.dropSingletonDimensions( image ) ).min();
	}
}
