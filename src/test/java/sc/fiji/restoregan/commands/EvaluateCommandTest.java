package sc.fiji.restoregan.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogService;

import ij.ImagePlus;
import ij.macro.Interpreter;
import ij.measure.ResultsTable;
import ij.process.FloatProcessor;

import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.metrics.MetricsTable;
import sc.fiji.restoregan.metrics.MsSsim;
import sc.fiji.restoregan.metrics.Niqe;
import sc.fiji.restoregan.metrics.NiqeModel;
import sc.fiji.restoregan.metrics.Psnr;
import sc.fiji.restoregan.metrics.Ssim;

/** {@code Plugins>Restore>Evaluate...} run through a SciJava context. */
class EvaluateCommandTest
{
	private Context context;

	private ImagePlus truth, noisy, blurred;

	@BeforeEach
	void setUp()
	{
		context = new Context( CommandService.class, LogService.class, StatusService.class );
		truth = image( "truth", 0 );
		noisy = image( "noisy", 15 );
		blurred = new ImagePlus( "blurred", truth.getProcessor().duplicate() );
		blurred.getProcessor().blurGaussian( 2 );
	}

	@AfterEach
	void tearDown()
	{
		context.dispose();
		if ( Interpreter.batchMode )
		{
			Interpreter.removeBatchModeImage( blurred );
			Interpreter.batchMode = false;
		}
	}

	/** A 200x200 seeded smooth pattern on 0..255, with optional noise. */
	private static ImagePlus image( final String title, final double noise )
	{
		final java.util.Random random = new java.util.Random( 42 );
		final float[] p = new float[ 200 * 200 ];
		for ( int y = 0; y < 200; y++ )
			for ( int x = 0; x < 200; x++ )
				p[ y * 200 + x ] = ( float ) ( 128 + 100 * Math.sin( x / 7.0 ) * Math.cos( y / 11.0 ) + noise * random.nextGaussian() );
		return new ImagePlus( title, new FloatProcessor( 200, 200, p ) );
	}

	private CommandModule run( final Object... inputs ) throws InterruptedException, ExecutionException
	{
		return context.service( CommandService.class ).run( EvaluateCommand.class, true, inputs ).get();
	}

	@Test
	void isFoundUnderItsMenuPath()
	{
		final CommandInfo info = context.service( CommandService.class ).getCommand( EvaluateCommand.class );
		assertNotNull( info );
		assertEquals( "Plugins>Restore>Evaluate...", info.getMenuPath().getMenuString().replace( " > ", ">" ) );
	}

	@Test
	void scoresAgainstAReference() throws Exception
	{
		final CommandModule m = run( "input", noisy, "reference", truth, "showSsimMap", true, "showPlot", true );
		assertFalse( m.isCanceled(), m.getCancelReason() );
		final ResultsTable t = ( ResultsTable ) m.getOutput( "results" );
		assertEquals( 1, t.size() );
		final double range = Psnr.dataRange( ImageFiles.wrap( truth ) );
		assertEquals( "noisy", t.getStringValue( MetricsTable.IMAGE, 0 ) );
		assertEquals( Psnr.compute( ImageFiles.wrap( truth ), ImageFiles.wrap( noisy ) ), t.getValue( MetricsTable.PSNR, 0 ), 1e-9 );
		assertEquals( Ssim.compute( ImageFiles.wrap( truth ), ImageFiles.wrap( noisy ) ), t.getValue( MetricsTable.SSIM, 0 ), 1e-9 );
		assertEquals( MsSsim.compute( ImageFiles.wrap( truth ), ImageFiles.wrap( noisy ) ), t.getValue( MetricsTable.MS_SSIM, 0 ), 1e-9 );
		assertEquals( Niqe.compute( ImageFiles.wrap( noisy ), NiqeModel.resolve( "live" ), 0 + minimum( truth ), range ), t.getValue( MetricsTable.NIQE, 0 ), 1e-9 );
		assertEquals( range, t.getValue( MetricsTable.DATA_RANGE, 0 ), 1e-9 );
		final ImagePlus map = ( ImagePlus ) m.getOutput( "ssimMap" );
		assertEquals( 190, map.getWidth() );
		assertNotNull( m.getOutput( "plot" ) );
	}

	@Test
	void comparesSeveralImagesNamedByTitle() throws Exception
	{
		Interpreter.batchMode = true;
		Interpreter.addBatchModeImage( blurred );
		final CommandModule m = run( "input", noisy, "moreInputs", "blurred", "reference", truth, "dataRange", 255.0, "showPlot", true );
		final ResultsTable t = ( ResultsTable ) m.getOutput( "results" );
		assertEquals( 2, t.size() );
		assertEquals( "blurred", t.getStringValue( MetricsTable.IMAGE, 1 ) );
		assertEquals( 255, t.getValue( MetricsTable.DATA_RANGE, 1 ), 0 );
		assertEquals( Math.sqrt( Psnr.mse( ImageFiles.wrap( truth ), ImageFiles.wrap( blurred ) ) ), t.getValue( MetricsTable.RMSE, 1 ), 1e-9 );
		final ImagePlus plot = ( ImagePlus ) m.getOutput( "plot" );
		assertNotNull( plot );
	}

	@Test
	void withoutAReferenceOnlyNiqe() throws Exception
	{
		final CommandModule m = run( "input", noisy );
		final ResultsTable t = ( ResultsTable ) m.getOutput( "results" );
		assertEquals( Niqe.compute( ImageFiles.wrap( noisy ), NiqeModel.resolve( "live" ) ), t.getValue( MetricsTable.NIQE, 0 ), 1e-9 );
		assertTrue( Double.isNaN( t.getValue( MetricsTable.PSNR, 0 ) ) );
		assertNull( m.getOutput( "plot" ) );
	}

	@Test
	void sizeMismatchCancelsWithAClearReason() throws Exception
	{
		final ImagePlus small = new ImagePlus( "small", new FloatProcessor( 100, 200 ) );
		final CommandModule m = run( "input", small, "reference", truth );
		assertTrue( m.isCanceled() );
		assertTrue( m.getCancelReason().contains( "same size" ), m.getCancelReason() );
	}

	private static double minimum( final ImagePlus imp )
	{
		return imp.getProcessor().getStatistics().min;
	}
}
