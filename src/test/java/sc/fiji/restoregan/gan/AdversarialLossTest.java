package sc.fiji.restoregan.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * Every objective against values computed by hand from two real outputs
 * {2, 0} and two fake outputs {-1, 1} (means 1 and 0).
 */
class AdversarialLossTest
{
	private static final double TOLERANCE = 1e-6;

	private NDManager manager;

	private NDArray real, fake;

	@BeforeEach
	void setUp()
	{
		manager = NDManager.newBaseManager( "PyTorch" );
		real = manager.create( new float[] { 2, 0 } );
		fake = manager.create( new float[] { -1, 1 } );
	}

	@AfterEach
	void tearDown()
	{
		manager.close();
	}

	/** -log sigmoid(x). */
	private static double nlSig( final double x )
	{
		return Math.log( 1 + Math.exp( -x ) );
	}

	/** -log(1 - sigmoid(x)). */
	private static double nlOneMinusSig( final double x )
	{
		return Math.log( 1 + Math.exp( x ) );
	}

	private static void assertScalar( final double expected, final NDArray actual )
	{
		assertEquals( 0, actual.getShape().dimension(), "a scalar" );
		assertEquals( DataType.FLOAT32, actual.getDataType(), "the input's data type" );
		assertEquals( expected, actual.getFloat(), TOLERANCE );
	}

	@Test
	void softplusIsStableForLargeLogits()
	{
		final float[] v = Logits.softplus( manager.create( new float[] { -100, 0, 100 } ) ).toFloatArray();
		assertEquals( 0, v[ 0 ], 1e-30 );
		assertEquals( Math.log( 2 ), v[ 1 ], 1e-7 );
		assertEquals( 100, v[ 2 ], 1e-5 );
	}

	@Test
	void nonSaturating()
	{
		final AdversarialLoss loss = new NonSaturatingLoss( 1 );
		final double realTerm = ( nlSig( 2 ) + nlSig( 0 ) ) / 2, fakeTerm = ( nlOneMinusSig( -1 ) + nlOneMinusSig( 1 ) ) / 2;
		assertScalar( 0.5 * ( realTerm + fakeTerm ), loss.discriminatorLoss( real, fake ) );
		assertScalar( ( nlSig( -1 ) + nlSig( 1 ) ) / 2, loss.generatorLoss( real, fake ) );
	}

	@Test
	void oneSidedLabelSmoothingChangesOnlyTheRealTerm()
	{
		final AdversarialLoss loss = new NonSaturatingLoss( 0.9 );
		// cross-entropy against 0.9: 0.9 (-log s(x)) + 0.1 (-log(1 - s(x)))
		final double realTerm = ( 0.9 * nlSig( 2 ) + 0.1 * nlOneMinusSig( 2 ) + 0.9 * nlSig( 0 ) + 0.1 * nlOneMinusSig( 0 ) ) / 2;
		final double fakeTerm = ( nlOneMinusSig( -1 ) + nlOneMinusSig( 1 ) ) / 2;
		assertScalar( 0.5 * ( realTerm + fakeTerm ), loss.discriminatorLoss( real, fake ) );
		assertScalar( ( nlSig( -1 ) + nlSig( 1 ) ) / 2, loss.generatorLoss( real, fake ) );
	}

	@Test
	void leastSquares()
	{
		final AdversarialLoss loss = new LeastSquaresLoss( 1 );
		// real: ((2-1)^2 + (0-1)^2)/2 = 1; fake: (1 + 1)/2 = 1
		assertScalar( 0.5 * ( 1 + 1 ), loss.discriminatorLoss( real, fake ) );
		// ((-1-1)^2 + (1-1)^2)/2 = 2
		assertScalar( 2, loss.generatorLoss( real, fake ) );
	}

	@Test
	void hinge()
	{
		final AdversarialLoss loss = new HingeLoss();
		// real: (max(0, -1) + max(0, 1))/2 = 0.5; fake: (max(0, 0) + max(0, 2))/2 = 1
		assertScalar( 1.5, loss.discriminatorLoss( real, fake ) );
		assertScalar( -0.0, loss.generatorLoss( real, fake ) );
		assertScalar( -1, loss.generatorLoss( real, manager.create( new float[] { 0, 2 } ) ) );
	}

	@Test
	void wasserstein()
	{
		final AdversarialLoss loss = new WassersteinLoss();
		assertScalar( 0 - 1, loss.discriminatorLoss( real, fake ) );
		assertScalar( -3, loss.generatorLoss( real, manager.create( new float[] { 2, 4 } ) ) );
	}

	@Test
	void relativistic()
	{
		final AdversarialLoss loss = new RelativisticLoss( 1 );
		// r = real - mean(fake) = {2, 0}; f = fake - mean(real) = {-2, 0}
		final double d = 0.5 * ( ( nlSig( 2 ) + nlSig( 0 ) ) / 2 + ( nlOneMinusSig( -2 ) + nlOneMinusSig( 0 ) ) / 2 );
		final double g = 0.5 * ( ( nlOneMinusSig( 2 ) + nlOneMinusSig( 0 ) ) / 2 + ( nlSig( -2 ) + nlSig( 0 ) ) / 2 );
		assertScalar( d, loss.discriminatorLoss( real, fake ) );
		assertScalar( g, loss.generatorLoss( real, fake ) );
	}

	@Test
	void relativisticLeastSquares()
	{
		final AdversarialLoss loss = new RelativisticLeastSquaresLoss( 1 );
		// r - 1 = {1, -1} -> 1; f + 1 = {-1, 1} -> 1; D = (1 + 1)/2
		assertScalar( 1, loss.discriminatorLoss( real, fake ) );
		// r + 1 = {3, 1} -> 5; f - 1 = {-3, -1} -> 5; G = (5 + 5)/2
		assertScalar( 5, loss.generatorLoss( real, fake ) );
		// smoothing 0.9: r - 0.9 = {1.1, -0.9} -> (1.21 + 0.81)/2 = 1.01
		assertScalar( 0.5 * ( 1.01 + 1 ), new RelativisticLeastSquaresLoss( 0.9 ).discriminatorLoss( real, fake ) );
	}

	@Test
	void patchMapsAreAveragedOverAllPositions()
	{
		final NDArray r = real.reshape( 1, 1, 1, 2 ), f = fake.reshape( 1, 1, 2, 1 );
		assertScalar( 1, new RelativisticLeastSquaresLoss( 1 ).discriminatorLoss( r, f ) );
		assertScalar( 2, new LeastSquaresLoss( 1 ).generatorLoss( r, f ) );
	}
}
