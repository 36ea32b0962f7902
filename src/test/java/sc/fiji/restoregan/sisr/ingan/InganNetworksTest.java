package sc.fiji.restoregan.sisr.ingan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import sc.fiji.restoregan.metrics.DoublePlane;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.sisr.Resampling;
import sc.fiji.restoregan.sisr.SisrMethod;
import sc.fiji.restoregan.sisr.SisrPreset;
import sc.fiji.restoregan.sisr.SisrSettings;
import sc.fiji.restoregan.sisr.SisrTestImages;
import sc.fiji.restoregan.sisr.TensorPlanes;

/** Shapes and schedules of InGAN's parts, without training. */
class InganNetworksTest
{
	static SisrSettings tiny( final int iterations )
	{
		final SisrSettings s = SisrSettings.of( SisrMethod.INGAN, SisrPreset.FAST, 2 );
		s.width = 4;
		s.crop = 32;
		s.iterations = iterations;
		s.seed = 11;
		return s;
	}

	@Test
	void theGeneratorMakesAnySizeAndStartsAsABicubicResize()
	{
		final DoublePlane in = SisrTestImages.blobs( 30, 20, 1 );
		try ( InganModel m = InganModel.create( tiny( 1 ) ) )
		{
			assertArrayEquals( new int[] { 60, 40 }, m.outputSize( 30, 20 ) );
			final DoublePlane sr = m.apply( in, Progress.NONE );
			assertArrayEquals( new int[] { 60, 40 }, new int[] { sr.width, sr.height } );
			// non-square, not multiples of 8, shrinking along one axis
			final DoublePlane odd = m.generate( in, 45, 13 );
			assertArrayEquals( new int[] { 45, 13 }, new int[] { odd.width, odd.height } );
			// the last layer starts small and the input's resize is added: close to bicubic
			final DoublePlane bicubic = Resampling.resize( in, 60, 40 );
			double s = 0;
			for ( int i = 0; i < sr.data.length; i++ )
				s += Math.abs( sr.data[ i ] - bicubic.data[ i ] );
			assertTrue( s / sr.data.length < 0.1, "mean |G - bicubic| " + s / sr.data.length );
		}
		final SisrSettings retarget = tiny( 1 );
		retarget.outWidth = 50;
		retarget.outHeight = 24;
		try ( InganModel m = InganModel.create( retarget ) )
		{
			assertArrayEquals( new int[] { 50, 24 }, m.outputSize( 30, 20 ) );
			final DoublePlane out = m.apply( in, Progress.NONE );
			assertArrayEquals( new int[] { 50, 24 }, new int[] { out.width, out.height } );
		}
	}

	@Test
	void theDiscriminatorScoresEveryScaleInZeroToOne()
	{
		assertEquals( 9, InganDiscriminator.scalesFor( 256 ) );
		assertEquals( 5, InganDiscriminator.scalesFor( 64 ) );
		try ( NDManager manager = NDManager.newBaseManager() )
		{
			final InganDiscriminator d = new InganDiscriminator( 4, 3 );
			d.initialize( manager, DataType.FLOAT32, new Shape( 1, 1, 32, 32 ) );
			final NDArray x = TensorPlanes.of( manager, SisrTestImages.blobs( 40, 24, 2 ) );
			final NDArray map = d.score( new ParameterStore( manager, false ), x, new double[] { 0.2, 0.3, 0.5 }, false );
			assertEquals( new Shape( 1, 1, 12, 20 ), map.getShape() );
			assertTrue( map.min().getFloat() > 0 && map.max().getFloat() < 1 );
		}
	}

	@Test
	void schedulesScaleWithTheRunLength()
	{
		final InganSchedule s = new InganSchedule( 1000 );
		final Random r = new Random( 1 );
		// the geometry starts at the identity (rounded up to the multiple) and widens over the first 40%
		assertArrayEquals( new int[] { 64, 48 }, s.outputSize( r, 0, 64, 41, 8 ) );
		int min = Integer.MAX_VALUE, max = 0;
		for ( int i = 0; i < 2000; i++ )
		{
			final int[] size = s.outputSize( r, 400, 64, 64, 8 );
			assertEquals( 0, size[ 0 ] % 8 );
			min = Math.min( min, size[ 0 ] );
			max = Math.max( max, size[ 1 ] );
		}
		assertEquals( 16, min );
		assertEquals( 144, max );
		// coarse scales weigh more at first, all equal from a third of the run
		final double[] early = s.scaleWeights( 0, 3 ), late = s.scaleWeights( 334, 3 );
		assertTrue( early[ 2 ] > early[ 1 ] && early[ 1 ] > early[ 0 ] );
		assertArrayEquals( new double[] { 1 / 3.0, 1 / 3.0, 1 / 3.0 }, late, 1e-12 );
		assertEquals( 1, early[ 0 ] + early[ 1 ] + early[ 2 ], 1e-12 );
		// constant learning rate, then linear decay from 20/75 of the run
		assertEquals( 1e-3, s.learningRate( 1e-3, 266 ), 1e-15 );
		assertEquals( 0.5e-3, s.learningRate( 1e-3, ( 1000 + 1000 * 20 / 75 ) / 2 ), 1e-5 );
	}
}
