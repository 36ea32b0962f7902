package sc.fiji.restoregan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import net.imglib2.img.array.ArrayImgs;

import sc.fiji.restoregan.TestModels;
import sc.fiji.restoregan.bench.BenchmarkImages;
import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.io.Montage;
import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.model.ModelStore;

/** {@code figure} with tiny models on a small simulated image: one row per task, one column per method. */
class FigureCommandTest
{
	private static final int CROP = 48;

	@Test
	void writesOneRowPerTaskAndOneColumnPerMethod( @TempDir final Path dir ) throws Exception
	{
		final Path images = Files.createDirectories( dir.resolve( "images" ) );
		ImageFiles.writeFloatTiff( ArrayImgs.floats( BenchmarkImages.scenes( 1, 64, 8 ).get( 0 ).pixels(), 64, 64 ), images.resolve( "scene.tif" ) );
		final Path models = dir.resolve( "models" );
		final ModelCard card = TestModels.saveTiny( models.resolve( "denoise" ), 1 );
		card.realismTwin = "denoise-gan";
		ModelStore.writeCard( models.resolve( "denoise" ), card );
		TestModels.saveTiny( models.resolve( "denoise-gan" ), 2 );
		TestModels.saveTinySr( models.resolve( "sr2" ), 3, 2 );
		final Path png = dir.resolve( "out" ).resolve( "figure.png" );
		// denoise: model and twin; sr2: a model without twin; sr4: no model in the folder (shipped ones not used)
		assertEquals( 0, Main.run( "figure", "--tasks", "denoise,sr2,sr4", "--images", images.toString(), "--image", "scene.tif", "--crop", String.valueOf( CROP ),
				"--model-dir", models.toString(), "--only-model-dir", "--output", png.toString() ) );
		final ImagePlus imp = IJ.openImage( png.toString() );
		final int columns = 5, rows = 3; // input, best classical, realism 0, realism 1, clean
		assertEquals( columns * CROP + ( columns - 1 ) * Montage.GAP, imp.getWidth() );
		assertEquals( Montage.LINE + Montage.GAP + rows * ( CROP + FigureCommand.CAPTION_LINES * Montage.LINE ) + ( rows - 1 ) * Montage.GAP, imp.getHeight() );
		// the model columns of the sr4 row are empty (white), those of the denoise row are not
		final int rowStep = CROP + FigureCommand.CAPTION_LINES * Montage.LINE + Montage.GAP, top = Montage.LINE + Montage.GAP;
		final int centre = CROP / 2, column2 = 2 * ( CROP + Montage.GAP ) + centre, column3 = 3 * ( CROP + Montage.GAP ) + centre;
		assertEquals( 255, imp.getProcessor().get( column2, top + 2 * rowStep + centre ) );
		assertEquals( 255, imp.getProcessor().get( column3, top + rowStep + centre ), "sr2's model has no twin" );
		assertFalse( uniform( imp, column2 - 8, top + centre - 8 ), "the denoise row shows the model's output" );
	}

	/** Whether a 16x16 square of the figure has one grey level. */
	private static boolean uniform( final ImagePlus imp, final int x0, final int y0 )
	{
		final int v = imp.getProcessor().get( x0, y0 );
		for ( int y = y0; y < y0 + 16; y++ )
			for ( int x = x0; x < x0 + 16; x++ )
				if ( imp.getProcessor().get( x, y ) != v )
					return false;
		return true;
	}
}
