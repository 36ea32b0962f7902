package sc.fiji.restoregan.sisr.singan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.restoregan.metrics.DoublePlane;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.sisr.Resampling;
import sc.fiji.restoregan.sisr.SingleImageModel;
import sc.fiji.restoregan.sisr.SingleImageSr;
import sc.fiji.restoregan.sisr.SisrMethod;
import sc.fiji.restoregan.sisr.SisrPreset;
import sc.fiji.restoregan.sisr.SisrSettings;
import sc.fiji.restoregan.sisr.SisrTestImages;
import sc.fiji.restoregan.sisr.TrainingMonitor;

class SinganTest
{
	@TempDir
	Path dir;

	private static SisrSettings tiny( final double scale, final int iterations )
	{
		final SisrSettings s = SisrSettings.of( SisrMethod.SINGAN, SisrPreset.FAST, scale );
		s.width = 8;
		s.minSize = 14;
		s.iterations = iterations;
		s.innerSteps = 1;
		s.seed = 11;
		return s;
	}

	private static final class Recorder implements TrainingMonitor
	{
		final List< Map< String, Double > > rows = new ArrayList<>();

		final List< String > stages = new ArrayList<>();

		int stopAfter = Integer.MAX_VALUE;

		@Override
		public void stage( final String name, final int index, final int count )
		{
			stages.add( name );
		}

		@Override
		public void losses( final long step, final Map< String, Double > values )
		{
			rows.add( values );
		}

		@Override
		public boolean isCancelled()
		{
			return rows.size() >= stopAfter;
		}
	}

	@Test
	void pyramidFollowsSinGansSuperResolutionGeometry()
	{
		final SinganPyramid p = new SinganPyramid( 128, 128, 4, 32, 0 );
		assertEquals( 6, p.passes );
		assertEquals( Math.pow( 4, 1 / 6.0 ), p.passFactor, 1e-12 );
		assertEquals( 7, p.count() ); // 128 * 0.794^6 = 32
		assertArrayEquals( new int[] { 128, 128 }, p.sizes[ 6 ] );
		assertArrayEquals( new int[] { 32, 32 }, p.sizes[ 0 ] );
		assertArrayEquals( new int[] { 512, 512 }, p.passSize( 128, 128, 6, 4 ) );
		assertEquals( 3, new SinganPyramid( 100, 60, 2, 25, 0 ).passes );
		assertEquals( 4, new SinganPyramid( 100, 60, 2, 25, 4 ).count() );
	}

	@Test
	void trainsEveryScaleReconstructionFallsAndSuperResolves()
	{
		final DoublePlane low = Resampling.bin( SisrTestImages.blobs( 64, 48, 8 ), 2 );
		final Recorder rec = new Recorder();
		try ( SinganModel m = SinganTrainer.train( low, tiny( 2, 40 ), rec ) )
		{
			final int scales = m.pyramid.count();
			assertTrue( scales >= 3, "scales " + scales );
			assertEquals( scales, rec.stages.size() );
			assertEquals( 40L * scales, m.trainedIterations() );
			// per scale, the reconstruction error falls over its 40 iterations (finest scale)
			final List< Map< String, Double > > last = rec.rows.subList( rec.rows.size() - 40, rec.rows.size() );
			assertTrue( last.get( 39 ).get( "reconstruction" ) < last.get( 0 ).get( "reconstruction" ), last.get( 0 ) + " -> " + last.get( 39 ) );
			for ( final Map< String, Double > row : rec.rows )
				assertTrue( Double.isFinite( row.get( "d" ) ) && Double.isFinite( row.get( "g" ) ) && row.get( "gradient_penalty" ) >= 0 );
			final DoublePlane sr = m.apply( low, Progress.NONE );
			assertEquals( 64, sr.width );
			assertEquals( 48, sr.height );
			final List< DoublePlane > samples = m.samples( 2, 5 );
			assertEquals( 32, samples.get( 0 ).width );
			assertNotEquals( samples.get( 0 ).data[ 100 ], samples.get( 1 ).data[ 100 ] );
		}
	}

	@Test
	void savedModelReloadsWithTheSameOutputAndContinuesTraining() throws Exception
	{
		final DoublePlane low = Resampling.bin( SisrTestImages.blobs( 48, 48, 9 ), 2 );
		final Path folder = dir.resolve( "singan" );
		final DoublePlane before;
		final long trained;
		try ( SinganModel m = SinganTrainer.train( low, tiny( 4, 3 ), TrainingMonitor.NONE ) )
		{
			before = m.apply( low, Progress.NONE );
			trained = m.trainedIterations();
			m.save( folder );
		}
		assertEquals( 96, before.width );
		try ( SingleImageModel loaded = SingleImageSr.load( folder ) )
		{
			assertArrayEquals( before.data, loaded.apply( low, Progress.NONE ).data, 1e-5 );
			SingleImageSr.resume( loaded, low.toFloatImg(), TrainingMonitor.NONE );
			assertEquals( trained + 3, loaded.trainedIterations() );
		}
	}

	@Test
	void theSameSeedTrainsTheSameModel()
	{
		final DoublePlane low = Resampling.bin( SisrTestImages.blobs( 48, 48, 12 ), 2 );
		final double[][] outputs = new double[ 2 ][];
		for ( int run = 0; run < 2; run++ )
			try ( SinganModel m = SinganTrainer.train( low, tiny( 2, 4 ), TrainingMonitor.NONE ) )
			{
				outputs[ run ] = m.apply( low, Progress.NONE ).data;
			}
		assertArrayEquals( outputs[ 0 ], outputs[ 1 ], 0 );
	}

	@Test
	void stopEndsTrainingWithinOneIteration()
	{
		final Recorder rec = new Recorder();
		rec.stopAfter = 4;
		final DoublePlane low = Resampling.bin( SisrTestImages.blobs( 48, 48, 10 ), 2 );
		try ( SinganModel m = SinganTrainer.train( low, tiny( 2, 1000 ), rec ) )
		{
			assertEquals( 4, m.trainedIterations() );
			assertEquals( 48, m.apply( low, Progress.NONE ).width );
		}
	}

	@Test
	void detailScalesTheGeneratorsChangeAndTheEnsembleKeepsTheSize()
	{
		final DoublePlane low = Resampling.bin( SisrTestImages.blobs( 48, 40, 12 ), 2 );
		try ( SinganModel m = SinganTrainer.train( low, tiny( 2, 5 ), TrainingMonitor.NONE ) )
		{
			m.settings().selfEnsemble = false;
			m.settings().detail = 0;
			// detail 0: the passes are repeated bicubic upscaling, then back-projection
			DoublePlane bicubic = SinganModel.toUnit( low, low.min(), low.max() );
			for ( int p = 1; p <= m.pyramid.passes; p++ )
			{
				final int[] s = m.pyramid.passSize( low.width, low.height, p, 2 );
				bicubic = Resampling.resize( bicubic, s[ 0 ], s[ 1 ] );
			}
			final DoublePlane expected = Resampling.backProject( SinganModel.fromUnit( bicubic, low.min(), low.max() ), low, 2, m.settings().backProjection );
			assertArrayEquals( expected.data, m.apply( low, Progress.NONE ).data, 1e-9 );
			m.settings().detail = 1;
			final DoublePlane full = m.apply( low, Progress.NONE );
			m.settings().detail = 0.5;
			final DoublePlane half = m.apply( low, Progress.NONE );
			// half the change of each pass lies between bicubic and SinGAN (not exactly halfway: passes compound)
			double dFull = 0, dHalf = 0;
			for ( int i = 0; i < full.data.length; i++ )
			{
				dFull += Math.abs( full.data[ i ] - expected.data[ i ] );
				dHalf += Math.abs( half.data[ i ] - expected.data[ i ] );
			}
			assertTrue( dHalf > 0 && dHalf < dFull, dHalf + " vs " + dFull );
			m.settings().detail = 1;
			m.settings().selfEnsemble = true;
			final DoublePlane ensemble = m.apply( low, Progress.NONE );
			assertEquals( 48, ensemble.width );
			assertEquals( 40, ensemble.height );
			assertNotEquals( full.data[ 200 ], ensemble.data[ 200 ] );
		}
	}
}
