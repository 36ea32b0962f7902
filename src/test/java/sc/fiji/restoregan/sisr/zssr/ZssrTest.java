package sc.fiji.restoregan.sisr.zssr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.restoregan.metrics.DoublePlane;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.sisr.ModelFolder;
import sc.fiji.restoregan.sisr.Resampling;
import sc.fiji.restoregan.sisr.SingleImageModel;
import sc.fiji.restoregan.sisr.SingleImageSr;
import sc.fiji.restoregan.sisr.SisrMethod;
import sc.fiji.restoregan.sisr.SisrPreset;
import sc.fiji.restoregan.sisr.SisrSettings;
import sc.fiji.restoregan.sisr.SisrTestImages;
import sc.fiji.restoregan.sisr.TrainingMonitor;

class ZssrTest
{
	@TempDir
	Path dir;

	private static SisrSettings tiny( final double scale, final int iterations )
	{
		final SisrSettings s = SisrSettings.of( SisrMethod.ZSSR, SisrPreset.FAST, scale );
		s.width = 8;
		s.crop = 24;
		s.batch = 2;
		s.iterations = iterations;
		s.seed = 7;
		s.selfEnsemble = true;
		s.backProjection = 2;
		return s;
	}

	/** Records the losses the trainer reports. */
	private static final class Recorder implements TrainingMonitor
	{
		final List< Double > l1 = new ArrayList<>(), reconstruction = new ArrayList<>();

		int stopAfter = Integer.MAX_VALUE;

		@Override
		public void losses( final long step, final Map< String, Double > values )
		{
			l1.add( values.get( "l1" ) );
			if ( step % LearningRatePolicy.TEST_EVERY == 1 )
				reconstruction.add( values.get( "reconstruction" ) );
		}

		@Override
		public boolean isCancelled()
		{
			return l1.size() >= stopAfter;
		}
	}

	@Test
	void lossFallsAndTheOutputHasTwiceTheSizeAndBeatsBicubic()
	{
		final DoublePlane high = SisrTestImages.blobs( 64, 48, 3 );
		final DoublePlane low = Resampling.bin( high, 2 );
		final Recorder rec = new Recorder();
		try ( ZssrModel m = ZssrTrainer.train( low, tiny( 2, 120 ), rec ) )
		{
			assertEquals( 120, m.trainedIterations() );
			// ZSSR's own test: reconstructing the whole input from its downscaled copy, at iterations 0, 50, 100
			assertEquals( 3, rec.reconstruction.size() );
			final double first = rec.reconstruction.get( 0 ), last = rec.reconstruction.get( 2 );
			assertTrue( last < 0.8 * first, first + " -> " + last );
			final DoublePlane out = m.apply( low, Progress.NONE );
			assertArrayEquals( new int[] { 64, 48 }, new int[] { out.width, out.height } );
			final double bicubic = rmse( high, Resampling.resize( low, 64, 48 ) ), ours = rmse( high, out );
			assertTrue( ours < bicubic, "ZSSR " + ours + " vs bicubic " + bicubic );
		}
	}

	@Test
	void timesFourTrainsTwoGradualStages()
	{
		final DoublePlane low = Resampling.bin( SisrTestImages.blobs( 96, 96, 4 ), 4 );
		try ( ZssrModel m = ZssrTrainer.train( low, tiny( 4, 6 ), TrainingMonitor.NONE ) )
		{
			assertEquals( 2, m.stages() );
			assertEquals( 12, m.trainedIterations() );
			assertArrayEquals( new int[] { 96, 96 }, m.outputSize( 24, 24 ) );
			final DoublePlane out = m.apply( low, Progress.NONE );
			assertEquals( 96, out.width );
		}
	}

	@Test
	void aSavedModelReloadsAndGivesTheSameOutput() throws Exception
	{
		final DoublePlane low = Resampling.bin( SisrTestImages.blobs( 48, 48, 5 ), 2 );
		final Path folder = dir.resolve( "zssr" );
		final DoublePlane before;
		try ( ZssrModel m = ZssrTrainer.train( low, tiny( 2, 10 ), TrainingMonitor.NONE ) )
		{
			before = m.apply( low, Progress.NONE );
			m.save( folder );
		}
		try ( SingleImageModel loaded = SingleImageSr.load( folder ) )
		{
			assertEquals( 10, loaded.trainedIterations() );
			assertArrayEquals( before.data, loaded.apply( low, Progress.NONE ).data, 1e-6 );
			// continue training: more updates on top
			SingleImageSr.resume( loaded, low.toFloatImg(), TrainingMonitor.NONE );
			assertEquals( 20, loaded.trainedIterations() );
		}
		// a damaged weight file is refused with a clear message
		final Path params = folder.resolve( "stage0.params" );
		final byte[] bytes = Files.readAllBytes( params );
		bytes[ bytes.length - 1 ] ^= 1;
		Files.write( params, bytes );
		final RestoreException e = assertThrows( RestoreException.class, () -> SingleImageSr.load( folder ) );
		assertTrue( e.getMessage().contains( "Checksum" ), e.getMessage() );
		assertTrue( Files.exists( folder.resolve( ModelFolder.DESCRIPTION ) ) );
	}

	@Test
	void stopEndsTrainingAfterTheCurrentUpdateAndKeepsTheModel()
	{
		final Recorder rec = new Recorder();
		rec.stopAfter = 5;
		final DoublePlane low = Resampling.bin( SisrTestImages.blobs( 48, 48, 6 ), 2 );
		try ( ZssrModel m = ZssrTrainer.train( low, tiny( 4, 1000 ), rec ) )
		{
			assertEquals( 5, m.trainedIterations() );
			assertEquals( 96, m.apply( low, Progress.NONE ).width );
		}
	}

	@Test
	void stageFactors()
	{
		assertEquals( List.of( 2.0 ), ZssrModel.stageFactors( 2 ) );
		assertEquals( List.of( 2.0, 2.0 ), ZssrModel.stageFactors( 4 ) );
		assertEquals( List.of( 3.0 ), ZssrModel.stageFactors( 3 ) );
		assertEquals( List.of( 1.5 ), ZssrModel.stageFactors( 1.5 ) );
	}

	private static double mean( final List< Double > v )
	{
		return v.stream().mapToDouble( Double::doubleValue ).average().orElseThrow();
	}

	private static double rmse( final DoublePlane a, final DoublePlane b )
	{
		double s = 0;
		for ( int i = 0; i < a.data.length; i++ )
			s += ( a.data[ i ] - b.data[ i ] ) * ( a.data[ i ] - b.data[ i ] );
		return Math.sqrt( s / a.data.length );
	}
}
