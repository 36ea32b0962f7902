package sc.fiji.restoregan.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.pipeline.RestoreException;

/** Loading, fitting, saving and selecting NIQE pristine models. */
class NiqeModelTest
{
	@TempDir
	Path dir;

	private String oldProperty;

	@BeforeEach
	void useTemporaryUserDirectory()
	{
		oldProperty = System.getProperty( "restoregan.niqe.models" );
		System.setProperty( "restoregan.niqe.models", dir.resolve( "models" ).toString() );
	}

	@AfterEach
	void restoreUserDirectory()
	{
		if ( oldProperty == null )
			System.clearProperty( "restoregan.niqe.models" );
		else
			System.setProperty( "restoregan.niqe.models", oldProperty );
	}

	@Test
	void shippedLiveModelIsPositiveDefinite()
	{
		final NiqeModel live = NiqeModel.resolve( NiqeModel.LIVE );
		assertEquals( NiqeFeatures.COUNT, live.mu.length );
		assertEquals( 2.6013136801541448, live.mu[ 0 ], 0 );
		assertTrue( live.isPositiveDefinite() );
		assertEquals( NiqeModel.LIVE, NiqeModel.resolve( null ).name );
	}

	@Test
	void fitsAModelFromAFolderAndSelectsItByName() throws IOException
	{
		final Path clean = dir.resolve( "clean" );
		java.nio.file.Files.createDirectories( clean );
		for ( int i = 0; i < 3; i++ )
			ImageFiles.writeFloatTiff( TestImages.img( TestImages.texture( 384, 384, 10 + i ), 384, 384 ), clean.resolve( "clean" + i + ".tif" ) );
		final NiqeModel model = NiqeModel.fit( "synthetic", clean );
		assertTrue( model.isPositiveDefinite() );
		for ( final double v : model.mu )
			assertTrue( Double.isFinite( v ) );
		assertTrue( model.description.contains( "3 image planes" ), model.description );

		final Path saved = model.saveToUserDirectory();
		assertEquals( dir.resolve( "models" ).resolve( "synthetic.json" ), saved );
		assertTrue( NiqeModel.available().contains( "synthetic" ) );
		final NiqeModel byName = NiqeModel.resolve( "synthetic" );
		assertArrayEquals( model.mu, byName.mu, 0 );
		assertArrayEquals( model.cov[ 5 ], byName.cov[ 5 ], 0 );

		// a clean image of the same kind is closer to its own model than to LIVE's natural images, and noise moves it away
		final float[] other = TestImages.texture( 384, 384, 99 );
		final double own = Niqe.compute( TestImages.img( other, 384, 384 ), byName );
		final double noisy = Niqe.compute( TestImages.img( TestImages.noisy( other, 30, 1 ), 384, 384 ), byName, 0, 255 );
		assertTrue( Double.isFinite( own ) && own >= 0, "NIQE " + own );
		assertTrue( own < noisy, "clean " + own + ", noisy " + noisy );
		assertTrue( own < Niqe.compute( TestImages.img( other, 384, 384 ), NiqeModel.resolve( NiqeModel.LIVE ) ) );
	}

	@Test
	void csvAndJsonRoundTrips() throws IOException
	{
		final NiqeModel live = NiqeModel.resolve( NiqeModel.LIVE );
		live.save( dir.resolve( "csv" ) );
		live.save( dir.resolve( "m.json" ) );
		for ( final NiqeModel m : new NiqeModel[] { NiqeModel.resolve( dir.resolve( "csv" ).toString() ), NiqeModel.load( dir.resolve( "m.json" ) ) } )
		{
			assertArrayEquals( live.mu, m.mu, 0 );
			for ( int i = 0; i < live.cov.length; i++ )
				assertArrayEquals( live.cov[ i ], m.cov[ i ], 0 );
		}
	}

	@Test
	void unknownNamesAndUnusableFoldersAreClearErrors() throws IOException
	{
		final RestoreException e = assertThrows( RestoreException.class, () -> NiqeModel.resolve( "no-such-model" ) );
		assertTrue( e.getMessage().contains( "Available: live" ), e.getMessage() );
		final Path small = dir.resolve( "small" );
		java.nio.file.Files.createDirectories( small );
		ImageFiles.writeFloatTiff( TestImages.img( TestImages.texture( 100, 100, 1 ), 100, 100 ), small.resolve( "a.tif" ) );
		assertThrows( RestoreException.class, () -> NiqeModel.fit( "x", small ) );
	}
}
