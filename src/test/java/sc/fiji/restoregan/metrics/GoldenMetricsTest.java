package sc.fiji.restoregan.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * scikit-video 1.3.0, and MS-SSIM against the independent numpy/scipy
 * reference, all in {@code src/test/resources/golden/} (see its README).
 */
class GoldenMetricsTest
{
	/** One row of {@code golden_metrics.csv} (ms_ssim from {@code ms_ssim.csv}). */
	record Row( String reference, String test, double dataRange, double psnr, double ssim, double niqe, double msSsim )
	{}

	private static final Map< String, RandomAccessibleInterval< ? extends RealType< ? > > > IMAGES = new HashMap<>();

	static List< Row > rows()
	{
		final Map< String, Double > msSsim = new HashMap<>();
		lines( "ms_ssim.csv" ).forEach( f -> msSsim.put( f[ 0 ] + "," + f[ 1 ], Double.parseDouble( f[ 3 ] ) ) );
		return lines( "golden_metrics.csv" ).stream().map( f -> new Row( f[ 0 ], f[ 1 ], Double.parseDouble( f[ 2 ] ),
				f[ 3 ].equals( "inf" ) ? Double.POSITIVE_INFINITY : Double.parseDouble( f[ 3 ] ), Double.parseDouble( f[ 4 ] ),
				Double.parseDouble( f[ 5 ] ), msSsim.get( f[ 0 ] + "," + f[ 1 ] ) ) ).collect( Collectors.toList() );
	}

	private static List< String[] > lines( final String csv )
	{
		try
		{
			return Files.readAllLines( golden( csv ) ).stream().skip( 1 ).filter( l -> !l.isBlank() ).map( l -> l.split( "," ) ).collect( Collectors.toList() );
		}
		catch ( final IOException e )
		{
			throw new UncheckedIOException( e );
		}
	}

	/** A file of the golden test resources. */
	static Path golden( final String name )
	{
		try
		{
			return Paths.get( GoldenMetricsTest.class.getResource( "/golden/" + name ).toURI() );
		}
		catch ( final URISyntaxException e )
		{
			throw new IllegalStateException( e );
		}
	}

	/** A golden image, read once. */
	static synchronized RandomAccessibleInterval< ? extends RealType< ? > > image( final String name )
	{
		return IMAGES.computeIfAbsent( name, n -> ImageFiles.read( golden( n ) ) );
	}

	@Test
	void psnrMatchesScikitImage()
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
	void defaultDataRangeIsTheReferenceSpan()
	{
		// the membranes rows use max(ref) - min(ref); the 8-bit rows use 255
		final Row r = rows().stream().filter( x -> x.test().equals( "membranes_noise.tif" ) ).findFirst().orElseThrow();
		assertEquals( r.dataRange(), Psnr.dataRange( image( r.reference() ) ), 1e-9 );
		assertEquals( r.psnr(), Psnr.compute( image( r.reference() ), image( r.test() ) ), 1e-4 );
		assertEquals( r.ssim(), Ssim.compute( image( r.reference() ), image( r.test() ) ), 1e-4 );
	}

	@Test
	void ssimMatchesScikitImage()
	{
		for ( final Row r : rows() )
			assertEquals( r.ssim(), Ssim.compute( image( r.reference() ), image( r.test() ), r.dataRange() ), 1e-4, r.test() );
	}

	@Test
	void msSsimMatchesTheIndependentReference()
	{
		for ( final Row r : rows() )
			assertEquals( r.msSsim(), MsSsim.compute( image( r.reference() ), image( r.test() ), r.dataRange() ), 1e-6, r.test() );
	}

	/**
	 * Our NIQE follows MATLAB's {@code imresize} (symmetric borders) for the
	 * half-size scale; scikit-video resizes with Pillow, which drops the taps
	 * beyond the border and renormalises. The two differ only in the outer
	 * two rows and columns of the half-size image, which moves the score by
	 * up to 0.5% on these images (coins_ref.tif); see the next test.
	 */
	@Test
	void niqeWithinThreePercentOfScikitVideo()
	{
		assertNiqe( BicubicResize.Border.SYMMETRIC, 0.03 );
	}

	/**
	 * With Pillow's border handling the agreement is 0.04% or better on every
	 * row (most agree to 1e-6): the resize borders explain the difference
	 * above; what remains is float32 arithmetic in scikit-video and its
	 * counting of exact zeros as positive in the AGGD fit (MATLAB counts them
	 * on neither side), which matters only where the image is flat.
	 */
	@Test
	void niqeWithPillowBordersMatchesScikitVideoClosely()
	{
		assertNiqe( BicubicResize.Border.TRUNCATE, 0.0005 );
	}

	private static void assertNiqe( final BicubicResize.Border border, final double tolerance )
	{
		final NiqeModel live = NiqeModel.resolve( NiqeModel.LIVE );
		final StringBuilder report = new StringBuilder();
		double worst = 0;
		for ( final Row r : rows() )
		{
			final double min = Evaluation.min( image( r.reference() ) );
			final DoublePlane test = DoublePlane.planes( image( r.test() ) ).get( 0 ).affine( min, 255 / r.dataRange() );
			final double niqe = Niqe.score( test, live, border );
			final double rel = Math.abs( niqe - r.niqe() ) / r.niqe();
			worst = Math.max( worst, rel );
			report.append( String.format( "%s: %.6f, scikit-video %.6f (%.3f%%)%n", r.test(), niqe, r.niqe(), 100 * rel ) );
		}
		assertTrue( worst <= tolerance, report.toString() );
	}

	@Test
	void niqeOfTheEvaluationUsesTheReferenceScaling()
	{
		final Row r = rows().stream().filter( x -> x.test().equals( "membranes_blur.tif" ) ).findFirst().orElseThrow();
		final Evaluation e = new Evaluation( image( r.reference() ), Double.NaN, NiqeModel.resolve( NiqeModel.LIVE ) );
		final Evaluation.Scores s = e.evaluate( r.test(), image( r.test() ) );
		assertEquals( r.niqe(), s.niqe(), 0.03 * r.niqe() );
		assertEquals( r.psnr(), s.psnr(), 1e-4 );
		assertEquals( r.ssim(), s.ssim(), 1e-4 );
		assertEquals( r.msSsim(), s.msSsim(), 1e-6 );
	}
}
