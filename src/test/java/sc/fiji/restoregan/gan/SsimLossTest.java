package sc.fiji.restoregan.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.restoregan.metrics.Ssim;

class SsimLossTest
{
	@Test
	void equalsOneMinusTheSsimMetricAndIsDifferentiable()
	{
		final int w = 24, h = 20;
		final Random rnd = new Random( 4 );
		final float[] a = new float[ w * h ], b = new float[ w * h ];
		for ( int i = 0; i < a.length; i++ )
		{
			a[ i ] = ( float ) ( 0.5 + 0.3 * Math.sin( i % w / 3.0 ) * Math.cos( i / w / 4.0 ) );
			b[ i ] = ( float ) ( a[ i ] + 0.1 * rnd.nextGaussian() );
		}
		final ArrayImg< FloatType, FloatArray > ia = ArrayImgs.floats( a.clone(), w, h ), ib = ArrayImgs.floats( b.clone(), w, h );
		final double metric = Ssim.compute( ia, ib, 1.0 );
		try ( NDManager manager = NDManager.newBaseManager( "PyTorch" ) )
		{
			final NDArray x = manager.create( b, new Shape( 1, 1, h, w ) ), y = manager.create( a, new Shape( 1, 1, h, w ) );
			final SsimLoss loss = new SsimLoss( 1.0 );
			assertEquals( 1 - metric, loss.loss( x, y ).getFloat(), 1e-4, "1 - SSIM of the metrics package" );
			assertEquals( 0, loss.loss( y, y ).getFloat(), 1e-5, "identical images" );
			assertEquals( 1 - metric, ContentLoss.of( "ssim" ).loss( x, y ).getFloat(), 1e-4, "selectable as content loss" );
			x.setRequiresGradient( true );
			try ( GradientCollector gc = Engine.getEngine( "PyTorch" ).newGradientCollector() )
			{
				gc.backward( loss.loss( x, y ) );
			}
			assertTrue( x.getGradient().abs().sum().getFloat() > 0, "gradient reaches the output" );
		}
	}
}
