package sc.fiji.restoregan.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imglib2.img.array.ArrayImgs;

import sc.fiji.restoregan.metrics.DoublePlane;
import sc.fiji.restoregan.nn.UNetConfig;
import sc.fiji.restoregan.pipeline.Progress;

/** The per-step loss callback and the live preview of SupervisedTrainer, on in-memory pairs. */
class LossCallbackTest
{
	@TempDir
	Path run;

	@Test
	void everyStepReportsItsLossAndPreviewsComeEveryNSteps() throws Exception
	{
		final float[] a = new float[ 48 * 48 ], b = new float[ 48 * 48 ];
		for ( int i = 0; i < a.length; i++ )
		{
			b[ i ] = ( float ) Math.sin( i * 0.1 );
			a[ i ] = b[ i ] + ( i % 7 ) * 0.05f;
		}
		final PairSampler sampler = new ImagePairSampler( 1, 1, 16, new double[] { 1, 99.8 } ).add( ArrayImgs.floats( a, 48, 48 ), ArrayImgs.floats( b, 48, 48 ), "a", "b" );
		final TrainingConfig config = new TrainingConfig();
		config.architecture = new UNetConfig( 1, 4 );
		config.steps = 4;
		config.batch = 2;
		config.patch = 16;
		final List< Long > steps = new ArrayList<>();
		final List< Map< String, Double > > values = new ArrayList<>();
		final List< Long > previews = new ArrayList<>();
		new SupervisedTrainer( config, sampler, run ).onLosses( ( s, v ) -> {
			steps.add( s );
			values.add( v );
		} ).preview( new GeneratorPreview( new DoublePlane( 16, 16 ), 2, ( s, p ) -> {
			previews.add( s );
			assertEquals( 16, p.width );
		} ) ).train( false, Progress.NONE );
		assertEquals( List.of( 1L, 2L, 3L, 4L, 4L ), steps, "4 steps, then the validation at the end" );
		assertTrue( values.get( 0 ).containsKey( "loss" ) );
		assertTrue( values.get( 4 ).containsKey( "validation" ) );
		assertEquals( List.of( 2L, 4L ), previews );
	}
}
