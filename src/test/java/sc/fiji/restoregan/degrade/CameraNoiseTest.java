package sc.fiji.restoregan.degrade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Statistics of {@link CameraNoise} on flat images. */
class CameraNoiseTest
{
	private static final int N = 256 * 256;

	@ParameterizedTest
	@ValueSource( doubles = { 0.05, 0.2, 0.5, 1.0 } )
	void poissonVarianceTracksTheMeanOverThePhotonScale( final double level )
	{
		final double peak = 20;
		final float[] out = CameraNoise.poissonGaussian( peak, 0 ).apply( Images.flat( N, ( float ) level ), 256, 256, new Random( 1 ) );
		assertEquals( level, Images.mean( out ), 0.01 * level + 1e-3 );
		assertEquals( level / peak, Images.variance( out ), 0.05 * level / peak );
	}

	@Test
	void readNoiseGainAndOffsetCombine()
	{
		final double peak = 50, read = 0.02, gain = 1.5, offset = 0.1, level = 0.4;
		final float[] out = new CameraNoise( peak, read, offset, gain, 0, 0 ).apply( Images.flat( N, ( float ) level ), 256, 256, new Random( 2 ) );
		assertEquals( offset + gain * level, Images.mean( out ), 0.005 );
		final double expected = gain * gain * ( level / peak + read * read );
		assertEquals( expected, Images.variance( out ), 0.05 * expected );
	}

	@Test
	void scmosVarianceMapHasTheLogNormalMean()
	{
		final double read = 0.01, spread = 0.5;
		final float[] out = new CameraNoise( 100, read, 0, 1, 0, spread ).apply( new float[ N ], 256, 256, new Random( 3 ) );
		// E[sigma_i^2] = read^2 exp(spread^2) for sigma_i = read exp(spread z - spread^2 / 2)
		final double expected = read * read * Math.exp( spread * spread );
		assertEquals( expected, Images.variance( out ), 0.06 * expected );
	}

	@Test
	void hotPixelsAppearAtTheirRate()
	{
		final float[] out = new CameraNoise( 1000, 0, 0, 1, 0.01, 0 ).apply( new float[ N ], 256, 256, new Random( 4 ) );
		final long hot = Arrays.stream( box( out ) ).filter( v -> v >= 0.5 ).count();
		assertEquals( 0.01 * N, hot, 4 * Math.sqrt( 0.01 * N ) );
	}

	@Test
	void sameSeedSameNoiseDifferentSeedsDiffer()
	{
		final float[] clean = Images.scene( 64, 1 );
		final CameraNoise noise = CameraNoise.random( new Random( 5 ) );
		assertArrayEquals( noise.apply( clean, 64, 64, new Random( 6 ) ), noise.apply( clean, 64, 64, new Random( 6 ) ) );
		assertFalse( Arrays.equals( noise.apply( clean, 64, 64, new Random( 6 ) ), noise.apply( clean, 64, 64, new Random( 7 ) ) ) );
		assertTrue( Images.allFinite( noise.apply( clean, 64, 64, new Random( 8 ) ) ) );
	}

	private static double[] box( final float[] a )
	{
		final double[] d = new double[ a.length ];
		for ( int i = 0; i < a.length; i++ )
			d[ i ] = a[ i ];
		return d;
	}
}
