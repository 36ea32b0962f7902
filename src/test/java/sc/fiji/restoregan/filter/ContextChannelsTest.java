package sc.fiji.restoregan.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import sc.fiji.restoregan.baseline.NonLocalMeans;
import sc.fiji.restoregan.baseline.WedgeDestriping;
import sc.fiji.restoregan.baseline.WienerDeconvolution;
import sc.fiji.restoregan.degrade.Blur;
import sc.fiji.restoregan.degrade.Convolution;
import sc.fiji.restoregan.degrade.Kernel;
import sc.fiji.restoregan.degrade.KnownDegradation;

class ContextChannelsTest
{
	private static final int W = 96, H = 80;

	/** Seeded texture in [0.5, 1.5]. */
	private static float[] texture( final long seed )
	{
		final Random rnd = new Random( seed );
		final float[] t = new float[ W * H ];
		for ( int i = 0; i < t.length; i++ )
			t[ i ] = 0.5f + rnd.nextFloat();
		return t;
	}

	@Test
	void aConstantPlaneIsItsOwnBackgroundAndFlatField()
	{
		final float[] plane = new float[ W * H ];
		java.util.Arrays.fill( plane, 0.4f );
		final float[][] c = new ContextChannels( new double[] { 3, 40 } ).compute( plane, W, H );
		assertEquals( 4, c.length );
		for ( final float[] channel : c )
			for ( final float v : channel )
				assertEquals( 0.4, v, 1e-5 );
	}

	@Test
	void theFlatFieldRemovesASmoothIlluminationField()
	{
		final float[] t = texture( 1 ), lit = new float[ W * H ];
		for ( int y = 0; y < H; y++ )
			for ( int x = 0; x < W; x++ )
				lit[ y * W + x ] = t[ y * W + x ] * ( float ) ( 0.2 + 0.8 * x / ( W - 1.0 ) );
		final float[] flat = new ContextChannels( new double[] { 12 } ).compute( lit, W, H )[ 1 ];
		// the ratio of the right to the left columns' means: about 4.5 under the field, near 1 after the
		// flat-field (the mirrored border overestimates the dim edge's background a little)
		final double before = columnMean( lit, W - 9, W - 1 ) / columnMean( lit, 0, 8 );
		final double after = columnMean( flat, W - 9, W - 1 ) / columnMean( flat, 0, 8 );
		assertTrue( before > 3.5, "field ratio " + before );
		assertTrue( after > 0.9 && after < 1.4, "after the flat-field " + after );
	}

	private static double columnMean( final float[] img, final int x0, final int x1 )
	{
		double s = 0;
		int n = 0;
		for ( int y = 0; y < H; y++ )
			for ( int x = x0; x <= x1; x++, n++ )
				s += img[ y * W + x ];
		return s / n;
	}

	@Test
	void largeScalesApproximateTheExactBlur()
	{
		// a smooth plane: the block-averaged background is close to the exact Gaussian blur
		final float[] plane = new float[ W * H ];
		for ( int y = 0; y < H; y++ )
			for ( int x = 0; x < W; x++ )
				plane[ y * W + x ] = ( float ) ( 0.5 + 0.3 * Math.sin( x / 9.0 ) * Math.cos( y / 13.0 ) );
		final float[] approx = ContextChannels.background( plane, W, H, 24 ), exact = GaussianBlur.blur( plane, W, H, 24 );
		double worst = 0;
		for ( int i = 0; i < plane.length; i++ )
			worst = Math.max( worst, Math.abs( approx[ i ] - exact[ i ] ) );
		assertTrue( worst < 0.02, "largest difference " + worst );
		// small scales are exact
		assertEquals( 0, maxDifference( ContextChannels.background( plane, W, H, 5 ), GaussianBlur.blur( plane, W, H, 5 ) ), 0 );
	}

	private static double maxDifference( final float[] a, final float[] b )
	{
		double worst = 0;
		for ( int i = 0; i < a.length; i++ )
			worst = Math.max( worst, Math.abs( a[ i ] - b[ i ] ) );
		return worst;
	}

	@Test
	void countsDescribesAndChecks()
	{
		assertEquals( 0, ContextChannels.NONE.count() );
		assertTrue( ContextChannels.NONE.isEmpty() );
		assertEquals( 0, new ContextChannels( null ).count() );
		final ContextChannels c = new ContextChannels( new double[] { 16, 64 } );
		assertEquals( 4, c.count() );
		assertEquals( "background and flat-field at sigma 16, 64 px", c.describe() );
		assertEquals( c, new ContextChannels( new double[] { 16, 64 } ) );
		assertThrows( IllegalArgumentException.class, () -> new ContextChannels( new double[] { 0 } ) );
		final ContextChannels both = new ContextChannels( new double[] { 16 }, new double[] { 3, 15 } );
		assertEquals( 4, both.count() );
		assertEquals( "background and flat-field at sigma 16 px; destriped by FFT wedges of 3, 15 deg (sparing 0.01, 0.01 cycles/px) at the estimated direction", both.describe() );
		assertTrue( both.defaultCentres() );
		final ContextChannels centred = new ContextChannels( null, new double[] { 2.5 }, new double[] { 0.03 } );
		assertEquals( "destriped by FFT wedges of 2.5 deg (sparing 0.03 cycles/px) at the estimated direction", centred.describe() );
		assertTrue( !centred.defaultCentres() );
		assertTrue( !both.equals( new ContextChannels( new double[] { 16 } ) ) );
		assertTrue( !centred.equals( new ContextChannels( null, new double[] { 2.5 } ) ) );
		assertThrows( IllegalArgumentException.class, () -> new ContextChannels( null, new double[] { -1 } ) );
		assertThrows( IllegalArgumentException.class, () -> new ContextChannels( null, new double[] { 1, 2 }, new double[] { 0.01 } ) );
	}

	/**
	 * The wedge channels come after the scales' and hold the plane destriped
	 * at the direction estimated on it: zero-mean stripes along Y that cross a seeded
	 * texture are mostly gone, the texture mostly kept.
	 */
	@Test
	void wedgeChannelsRemoveStripesThatCrossThePlane()
	{
		final float[] clean = GaussianBlur.blur( texture( 3 ), W, H, 1.5 ), striped = clean.clone();
		final Random rnd = new Random( 4 );
		final double[] column = new double[ W ];
		double mean = 0;
		for ( int x = 0; x < W; x++ )
			mean += column[ x ] = rnd.nextDouble() < 0.2 ? -0.3 : 0;
		mean /= W;
		for ( int x = 0; x < W; x++ )
			column[ x ] -= mean; // the spared centre keeps the mean shading, which stripes must not shift here
		for ( int y = 0; y < H; y++ )
			for ( int x = 0; x < W; x++ )
				striped[ y * W + x ] += column[ x ];
		final float[][] c = new ContextChannels( new double[] { 8 }, new double[] { 3 } ).compute( striped, W, H );
		assertEquals( 3, c.length );
		final double before = rms( striped, clean ), after = rms( c[ 2 ], clean );
		assertTrue( after < 0.3 * before, "rms error " + before + " before, " + after + " after destriping" );
		// a plane without stripes loses little to the narrow wedge
		assertTrue( rms( new ContextChannels( null, new double[] { 3 } ).compute( clean, W, H )[ 0 ], clean ) < 0.3 * before );
		// a known direction replaces the estimate: told the stripes run along X, the wedge leaves these alone
		final ContextChannels wedge = new ContextChannels( null, new double[] { 3 } );
		final float[] alongX = wedge.compute( striped, W, H, KnownDegradation.NONE.withDirection( 0 ) )[ 0 ];
		assertArrayEquals( WedgeDestriping.filter( striped, W, H, 0, 3, ContextChannels.WEDGE_CENTRE ), alongX, 0 );
		assertTrue( rms( alongX, clean ) > 0.9 * before, "destriped along the wrong axis: " + rms( alongX, clean ) + " vs " + before );
		final double estimated = WedgeDestriping.estimateDirection( striped, W, H );
		assertEquals( 90, estimated, 2 );
		assertArrayEquals( c[ 2 ], new ContextChannels( new double[] { 8 }, new double[] { 3 } ).compute( striped, W, H, KnownDegradation.NONE.withDirection( estimated ) )[ 2 ], 0 );
	}

	/**
	 * Axis wedges come after the estimated ones, two channels each: the plane
	 * destriped along X, then along Y, whatever the estimated direction; they
	 * are the wedge filter at 0 and 90 degrees.
	 */
	@Test
	void axisWedgesDestripeAlongXThenY()
	{
		final float[] plane = GaussianBlur.blur( texture( 5 ), W, H, 1 );
		final ContextChannels c = new ContextChannels( new double[] { 6 }, new double[] { 15 }, null, new double[] { 3, 8 }, new double[] { 0.01, 0.05 } );
		assertEquals( 2 + 1 + 4, c.count() );
		final float[][] channels = c.compute( plane, W, H );
		assertEquals( 7, channels.length );
		assertEquals( 0, maxDifference( channels[ 3 ], WedgeDestriping.filter( plane, W, H, 0, 3, 0.01 ) ), 1e-6 );
		assertEquals( 0, maxDifference( channels[ 4 ], WedgeDestriping.filter( plane, W, H, 90, 3, 0.01 ) ), 1e-6 );
		assertEquals( 0, maxDifference( channels[ 5 ], WedgeDestriping.filter( plane, W, H, 0, 8, 0.05 ) ), 1e-6 );
		assertEquals( 0, maxDifference( channels[ 6 ], WedgeDestriping.filter( plane, W, H, 90, 8, 0.05 ) ), 1e-6 );
		assertEquals( "background and flat-field at sigma 6 px; destriped by FFT wedges of 15 deg (sparing 0.01 cycles/px) at the estimated direction; "
				+ "destriped along X and along Y by FFT wedges of 3, 8 deg (sparing 0.01, 0.05 cycles/px)", c.describe() );
		assertTrue( !c.defaultAxisCentres() );
		assertTrue( new ContextChannels( null, null, null, new double[] { 3 }, null ).defaultAxisCentres() );
		assertTrue( !c.equals( new ContextChannels( new double[] { 6 }, new double[] { 15 } ) ) );
		assertThrows( IllegalArgumentException.class, () -> new ContextChannels( null, null, null, new double[] { 3 }, new double[] { 0.01, 0.02 } ) );
		assertThrows( IllegalArgumentException.class, () -> new ContextChannels( null, null, null, new double[] { 0 }, null ) );
	}

	/**
	 * The channels of a transposed plane are the plane's own channels,
	 * transposed, in {@link ContextChannels#channelOrder(boolean)}'s order:
	 * the axis wedges' X and Y swap, nothing else moves; mirrors move nothing.
	 */
	@Test
	void theChannelOrderFollowsATranspose()
	{
		final float[] plane = GaussianBlur.blur( texture( 6 ), W, H, 1 ), transposed = new float[ W * H ];
		for ( int y = 0; y < H; y++ )
			for ( int x = 0; x < W; x++ )
				transposed[ x * H + y ] = plane[ y * W + x ];
		final ContextChannels c = new ContextChannels( new double[] { 4 }, null, null, new double[] { 3, 8 }, null );
		final int[] order = c.channelOrder( true );
		assertArrayEquals( new int[] { 0, 1, 3, 2, 5, 4 }, order );
		assertArrayEquals( new int[] { 0, 1, 2, 3, 4, 5 }, c.channelOrder( false ) );
		final float[][] own = c.compute( plane, W, H ), turned = c.compute( transposed, H, W );
		for ( int k = 0; k < order.length; k++ )
		{
			final float[] back = new float[ W * H ];
			for ( int y = 0; y < H; y++ )
				for ( int x = 0; x < W; x++ )
					back[ y * W + x ] = turned[ k ][ x * H + y ];
			assertEquals( 0, maxDifference( back, own[ order[ k ] ] ), 1e-4, "channel " + k );
		}
	}

	/**
	 * Wiener channels come last, one per balance, and are the plane
	 * deconvolved with the PSF given; they need that PSF, and a transpose
	 * leaves them where they are.
	 */
	@Test
	void wienerChannelsDeconvolveWithTheGivenPsf()
	{
		final Kernel psf = Blur.gaussian( 2 ).kernel();
		final float[] blurred = Convolution.apply( GaussianBlur.blur( texture( 8 ), W, H, 0.7 ), W, H, psf );
		final ContextChannels c = new ContextChannels( new double[] { 4 }, null, null, new double[] { 3 }, null, new double[] { 0.001, 0.1 } );
		assertEquals( 6, c.count() );
		assertEquals( 4, c.firstWienerChannel() );
		assertTrue( c.needsPsf() && !ContextChannels.NONE.needsPsf() );
		assertArrayEquals( new int[] { 0, 1, 3, 2, 4, 5 }, c.channelOrder( true ) );
		assertTrue( c.describe().endsWith( "Wiener-deconvolved with the known PSF at balances 0.001, 0.1" ), c.describe() );
		assertThrows( IllegalStateException.class, () -> c.compute( blurred, W, H ) );
		final float[][] channels = c.compute( blurred, W, H, KnownDegradation.NONE.withPsf( psf ) );
		final float[][] wiener = WienerDeconvolution.deconvolve( blurred, W, H, psf, 0.001, 0.1 );
		assertArrayEquals( wiener[ 0 ], channels[ 4 ], 0 );
		assertArrayEquals( wiener[ 1 ], channels[ 5 ], 0 );
		// the weakly regularised one is sharper: closer to the unblurred plane than the blurred input
		final float[] sharp = GaussianBlur.blur( texture( 8 ), W, H, 0.7 );
		assertTrue( rms( channels[ 4 ], sharp ) < 0.8 * rms( blurred, sharp ), rms( channels[ 4 ], sharp ) + " vs " + rms( blurred, sharp ) );
		assertEquals( c, c.withWiener( new double[] { 0.001, 0.1 } ) );
		assertTrue( !c.equals( c.withWiener( null ) ) && c.withWiener( null ).count() == 4 );
		assertThrows( IllegalArgumentException.class, () -> c.withWiener( new double[] { 0 } ) );
	}

	/**
	 * Non-local means channels come after the Wiener ones, one per strength,
	 * and are {@link NonLocalMeans#rooted} at the channels' patch and window;
	 * they need no PSF, stay in place under a transpose, and the channels of
	 * a transposed plane are the transposed channels.
	 */
	@Test
	void nlmChannelsFilterThePlaneAndFollowItsTranspose()
	{
		final Random rnd = new Random( 11 );
		final float[] plane = GaussianBlur.blur( texture( 9 ), W, H, 2 );
		for ( int i = 0; i < plane.length; i++ )
			plane[ i ] += ( float ) ( 0.05 * rnd.nextGaussian() );
		final ContextChannels c = new ContextChannels( new double[] { 4 }, null, null, null, null, null, new double[] { 0.6, 1.2 } );
		assertEquals( 4, c.count() );
		assertEquals( 2, c.firstNlmChannel() );
		assertTrue( !c.needsPsf() );
		assertArrayEquals( new int[] { 0, 1, 2, 3 }, c.channelOrder( true ) );
		assertTrue( c.describe().endsWith( "non-local means (5 px patches, 13 px window, on the square root) at h 0.6, 1.2 times the noise sigma" ), c.describe() );
		final float[][] channels = c.compute( plane, W, H );
		final float[][] nlm = NonLocalMeans.rooted( plane, W, H, ContextChannels.NLM_PATCH, ContextChannels.NLM_SEARCH, 0.6, 1.2 );
		assertArrayEquals( nlm[ 0 ], channels[ 2 ], 0 );
		assertArrayEquals( nlm[ 1 ], channels[ 3 ], 0 );
		// both remove much of the noise
		final float[] smooth = GaussianBlur.blur( texture( 9 ), W, H, 2 );
		for ( int k = 2; k < 4; k++ )
			assertTrue( rms( channels[ k ], smooth ) < 0.6 * rms( plane, smooth ), k + ": " + rms( channels[ k ], smooth ) + " vs " + rms( plane, smooth ) );
		final float[] transposed = new float[ W * H ];
		for ( int y = 0; y < H; y++ )
			for ( int x = 0; x < W; x++ )
				transposed[ x * H + y ] = plane[ y * W + x ];
		final float[][] turned = c.compute( transposed, H, W );
		for ( int k = 2; k < 4; k++ )
		{
			final float[] back = new float[ W * H ];
			for ( int y = 0; y < H; y++ )
				for ( int x = 0; x < W; x++ )
					back[ y * W + x ] = turned[ k ][ x * H + y ];
			assertEquals( 0, maxDifference( back, channels[ k ] ), 1e-4, "channel " + k );
		}
		assertEquals( c, new ContextChannels( new double[] { 4 } ).withNlm( new double[] { 0.6, 1.2 } ) );
		assertTrue( !c.equals( c.withNlm( null ) ) && c.withNlm( null ).count() == 2 );
		assertThrows( IllegalArgumentException.class, () -> c.withNlm( new double[] { -1 } ) );
	}

	private static double rms( final float[] a, final float[] b )
	{
		double s = 0;
		for ( int i = 0; i < a.length; i++ )
			s += ( a[ i ] - b[ i ] ) * ( a[ i ] - b[ i ] );
		return Math.sqrt( s / a.length );
	}

	/**
	 * Surface channels come last, the surface then the plane divided by it
	 * for each degree: a quadric fits a vignette, whose flat-field is then
	 * even from the centre to the corners; a transpose leaves them where they
	 * are.
	 */
	@Test
	void surfaceChannelsFitAndDivideOutAVignette()
	{
		final float[] t = texture( 11 ), lit = new float[ W * H ];
		for ( int y = 0; y < H; y++ )
			for ( int x = 0; x < W; x++ )
			{
				final double dx = ( x - W / 2.0 ) / W, dy = ( y - H / 2.0 ) / H;
				lit[ y * W + x ] = t[ y * W + x ] * ( float ) ( 1 - 1.5 * ( dx * dx + dy * dy ) );
			}
		final ContextChannels c = new ContextChannels( new double[] { 8 } ).withNlm( new double[] { 1 } ).withSurfaces( new double[] { 1, 2 } );
		assertEquals( 2 + 1 + 4, c.count() );
		assertEquals( 3, c.firstSurfaceChannel() );
		assertArrayEquals( new int[] { 0, 1, 2, 3, 4, 5, 6 }, c.channelOrder( true ) );
		assertEquals( "background and flat-field at sigma 8 px; non-local means (5 px patches, 13 px window, on the square root) at h 1 times the noise sigma; "
				+ "least-squares polynomial surface and the plane divided by it at degree 1, 2", c.describe() );
		final float[][] channels = c.compute( lit, W, H );
		final float[] quadric = channels[ 5 ], flat = channels[ 6 ];
		assertArrayEquals( PolynomialSurface.fit( lit, W, H, 2 ), quadric );
		final double before = cornerToCentre( lit ), after = cornerToCentre( flat );
		assertTrue( before < 0.72, "corners against the centre under the vignette: " + before );
		assertEquals( 1, after, 0.06, "after dividing by the quadric" );
		// the plane (degree 1) cannot follow a vignette centred on the plane
		assertTrue( cornerToCentre( channels[ 4 ] ) < 0.8, "after dividing by the plane" );
		assertThrows( IllegalArgumentException.class, () -> c.withSurfaces( new double[] { 1.5 } ) );
		assertThrows( IllegalArgumentException.class, () -> c.withSurfaces( new double[] { PolynomialSurface.MAX_DEGREE + 1 } ) );
		assertTrue( !c.equals( c.withSurfaces( new double[] { 2 } ) ) );
	}

	/** Mean of the four 10 x 10 corners over the mean of the central 10 x 10. */
	private static double cornerToCentre( final float[] img )
	{
		double corners = 0, centre = 0;
		for ( int y = 0; y < 10; y++ )
			for ( int x = 0; x < 10; x++ )
			{
				corners += img[ y * W + x ] + img[ y * W + W - 1 - x ] + img[ ( H - 1 - y ) * W + x ] + img[ ( H - 1 - y ) * W + W - 1 - x ];
				centre += img[ ( H / 2 - 5 + y ) * W + W / 2 - 5 + x ];
			}
		return corners / 4 / centre;
	}
}
