package sc.fiji.restoregan.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imglib2.img.array.ArrayImgs;

import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.pipeline.RestoreException;

class FolderPairSamplerTest
{
	@TempDir
	Path dir;

	private static final double[] PERCENTILES = { 1, 99.8 };

	/** A pair folder: random inputs of w x h, targets {@code scale} times larger by pixel replication, brighter and offset. */
	private Path pairs( final int w, final int h, final int scale ) throws Exception
	{
		final Path root = dir.resolve( "x" + scale );
		Files.createDirectories( root.resolve( "input" ) );
		Files.createDirectories( root.resolve( "target" ) );
		for ( final String name : new String[] { "a.tif", "b.tif" } )
		{
			final Random rnd = new Random( name.hashCode() );
			final float[] in = new float[ w * h ], out = new float[ w * h * scale * scale ];
			for ( int i = 0; i < in.length; i++ )
				in[ i ] = rnd.nextFloat() * 100;
			for ( int y = 0; y < h * scale; y++ )
				for ( int x = 0; x < w * scale; x++ )
					out[ y * w * scale + x ] = 3 * in[ y / scale * w + x / scale ] + 7;
			ImageFiles.writeFloatTiff( ArrayImgs.floats( in, w, h ), root.resolve( "input" ).resolve( name ) );
			ImageFiles.writeFloatTiff( ArrayImgs.floats( out, w * scale, h * scale ), root.resolve( "target" ).resolve( name ) );
		}
		return root;
	}

	@Test
	void cropsAreAlignedAndSeeded() throws Exception
	{
		final FolderPairSampler sampler = new FolderPairSampler( pairs( 40, 30, 1 ), 1, 5, 16, PERCENTILES );
		final Batch b = sampler.batch( 3, 4 );
		assertEquals( 16, b.size() );
		// an affine change of brightness disappears under percentile normalisation: the target equals the input
		assertArrayEquals( b.inputs(), b.targets(), 1e-4f );
		assertArrayEquals( b.inputs(), sampler.batch( 3, 4 ).inputs(), "the same step gives the same pairs" );
		assertTrue( sampler.recipe().get( "pairs" ).getAsString().contains( "a.tif, b.tif" ) );
	}

	@Test
	void superResolutionTargetsAreScaleTimesLarger() throws Exception
	{
		final FolderPairSampler sampler = new FolderPairSampler( pairs( 20, 24, 2 ), 2, 5, 16, PERCENTILES );
		final ScaledBatch b = sampler.pairs( 0, 3 );
		assertEquals( 8, b.inputSize() );
		assertEquals( 16, b.targetSize() );
		for ( int i = 0; i < 3; i++ )
			for ( int y = 0; y < 8; y++ )
				for ( int x = 0; x < 8; x++ )
					assertEquals( b.inputs()[ i * 64 + y * 8 + x ], b.targets()[ i * 256 + 2 * y * 16 + 2 * x ], 0.02, "pair " + i + " at " + x + ", " + y );
		assertThrows( IllegalStateException.class, () -> sampler.batch( 0, 1 ) );
		assertThrows( RestoreException.class, () -> new FolderPairSampler( dir.resolve( "x2" ), 1, 5, 16, PERCENTILES ), "targets of another size" );
	}
}
