package sc.fiji.restoregan.sisr.ingan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.util.Pair;

import sc.fiji.restoregan.gan.Gradients;
import sc.fiji.restoregan.metrics.DoublePlane;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.sisr.SingleImageModel;
import sc.fiji.restoregan.sisr.SingleImageSr;
import sc.fiji.restoregan.sisr.SisrSettings;
import sc.fiji.restoregan.sisr.SisrTestImages;
import sc.fiji.restoregan.sisr.TensorPlanes;
import sc.fiji.restoregan.sisr.TrainingMonitor;

/** Tiny seeded InGAN runs: losses, frozen networks, saving, resuming, stopping. */
class InganTrainerTest
{
	@TempDir
	Path dir;

	/** Records what the trainer reports. */
	private static final class Recorder implements TrainingMonitor
	{
		final List< Map< String, Double > > losses = new ArrayList<>();

		final List< DoublePlane > previews = new ArrayList<>();

		long lastDone, lastTotal;

		int stopAfter = Integer.MAX_VALUE;

		DoublePlane preview;

		@Override
		public void losses( final long step, final Map< String, Double > values )
		{
			losses.add( values );
		}

		@Override
		public void step( final long done, final long total )
		{
			lastDone = done;
			lastTotal = total;
		}

		@Override
		public boolean isCancelled()
		{
			return losses.size() >= stopAfter;
		}

		@Override
		public DoublePlane previewInput()
		{
			return preview;
		}

		@Override
		public int previewEvery()
		{
			return 10;
		}

		@Override
		public void preview( final long step, final DoublePlane output )
		{
			previews.add( output );
		}

		double mean( final String key, final int from, final int to )
		{
			return losses.subList( from, to ).stream().mapToDouble( m -> m.get( key ) ).average().orElseThrow();
		}
	}

	@Test
	void theReconstructionLossFallsAndPreviewsHaveTheOutputSize()
	{
		final DoublePlane image = SisrTestImages.blobs( 40, 40, 3 );
		final Recorder rec = new Recorder();
		rec.preview = SisrTestImages.blobs( 20, 12, 4 );
		try ( InganModel m = InganTrainer.train( image, InganNetworksTest.tiny( 60 ), rec ) )
		{
			assertEquals( 60, m.trainedIterations() );
			assertEquals( 60, rec.losses.size() );
			assertEquals( 60, rec.lastDone );
			assertEquals( 60, rec.lastTotal );
			for ( final Map< String, Double > l : rec.losses )
			{
				assertTrue( l.keySet().containsAll( List.of( "g", "d", "reconstruction" ) ), l.toString() );
				assertTrue( l.values().stream().allMatch( Double::isFinite ), l.toString() );
			}
			final double first = rec.mean( "reconstruction", 0, 10 ), last = rec.mean( "reconstruction", 50, 60 );
			assertTrue( last < 0.8 * first, first + " -> " + last );
			assertEquals( 6, rec.previews.size() );
			assertArrayEquals( new int[] { 40, 24 }, new int[] { rec.previews.get( 0 ).width, rec.previews.get( 0 ).height } );
		}
	}

	@Test
	void aGeneratorUpdateLeavesTheDiscriminatorAloneAndViceVersa()
	{
		try ( InganModel m = InganModel.create( InganNetworksTest.tiny( 1 ) ); NDManager optimiser = m.manager().newSubManager(); NDManager sub = m.manager().newSubManager() )
		{
			Gradients.track( m.generator().getParameters(), true );
			Gradients.track( m.discriminator().getParameters(), true );
			final InganStep step = new InganStep( m, optimiser );
			final NDArray real = TensorPlanes.of( sub, SisrTestImages.blobs( 32, 32, 5 ) );
			final double[] weights = InganSchedule.uniform( m.discriminator().scales() );
			final List< float[] > d0 = values( m.discriminator().getParameters() ), g0 = values( m.generator().getParameters() );
			final InganStep.GeneratorResult g = step.generatorStep( real, new int[] { 48, 24 }, weights, 1e-3 );
			assertEquals( new ai.djl.ndarray.types.Shape( 1, 1, 24, 48 ), g.output().getShape() );
			assertEquals( d0, values( m.discriminator().getParameters() ), "the discriminator changed in a generator update" );
			final List< float[] > g1 = values( m.generator().getParameters() );
			assertFalse( same( g0, g1 ), "the generator did not change" );
			step.discriminatorStep( real, g.output(), weights, 1e-3 );
			assertTrue( same( g1, values( m.generator().getParameters() ) ), "the generator changed in a discriminator update" );
			assertFalse( same( d0, values( m.discriminator().getParameters() ) ), "the discriminator did not change" );
		}
	}

	@Test
	void aSavedModelReloadsWithTheSameOutputAndTrainsFurther() throws Exception
	{
		final DoublePlane image = SisrTestImages.blobs( 36, 28, 6 );
		final SisrSettings s = InganNetworksTest.tiny( 5 );
		s.outWidth = 56;
		s.outHeight = 20;
		final Path folder = dir.resolve( "ingan" );
		final DoublePlane before;
		try ( SingleImageModel m = SingleImageSr.train( image, s, TrainingMonitor.NONE ) )
		{
			assertTrue( m instanceof InganModel );
			before = m.apply( image, Progress.NONE );
			assertArrayEquals( new int[] { 56, 20 }, new int[] { before.width, before.height } );
			m.save( folder );
		}
		try ( SingleImageModel loaded = SingleImageSr.load( folder ) )
		{
			assertEquals( 5, loaded.trainedIterations() );
			assertArrayEquals( before.data, loaded.apply( image, Progress.NONE ).data, 1e-6 );
			final Recorder rec = new Recorder();
			SingleImageSr.resume( loaded, image.toFloatImg(), rec );
			assertEquals( 10, loaded.trainedIterations() );
			assertEquals( 5, rec.losses.size() );
			assertTrue( rec.losses.stream().allMatch( l -> Double.isFinite( l.get( "g" ) ) ) );
			assertFalse( same( List.of( toFloats( before ) ), List.of( toFloats( loaded.apply( image, Progress.NONE ) ) ) ), "resuming changed nothing" );
		}
	}

	@Test
	void stopEndsTrainingAfterTheCurrentUpdateAndKeepsTheModel()
	{
		final Recorder rec = new Recorder();
		rec.stopAfter = 3;
		try ( InganModel m = InganTrainer.train( SisrTestImages.blobs( 32, 32, 7 ), InganNetworksTest.tiny( 1000 ), rec ) )
		{
			assertEquals( 3, m.trainedIterations() );
			assertEquals( 3, rec.losses.size() );
			assertEquals( 64, m.apply( SisrTestImages.blobs( 32, 32, 7 ), Progress.NONE ).width );
		}
	}

	private static List< float[] > values( final ParameterList parameters )
	{
		final List< float[] > v = new ArrayList<>();
		for ( final Pair< String, Parameter > p : parameters )
			v.add( p.getValue().getArray().toFloatArray() );
		return new ArrayList<>( v )
		{
			private static final long serialVersionUID = 1L;

			@Override
			public boolean equals( final Object o )
			{
				return o instanceof List && same( this, ( List< float[] > ) o );
			}
		};
	}

	private static boolean same( final List< float[] > a, final List< float[] > b )
	{
		if ( a.size() != b.size() )
			return false;
		for ( int i = 0; i < a.size(); i++ )
			if ( !java.util.Arrays.equals( a.get( i ), b.get( i ) ) )
				return false;
		return true;
	}

	private static float[] toFloats( final DoublePlane p )
	{
		final float[] f = new float[ p.data.length ];
		for ( int i = 0; i < f.length; i++ )
			f[ i ] = ( float ) p.data[ i ];
		return f;
	}
}
