package sc.fiji.restoregan.gan;

import ai.djl.ndarray.NDArray;

/**
 * LSGAN (Mao et al.) with the 0-1 coding pix2pix uses: the discriminator's
 * loss is half the sum of mean (D(real) - realLabel)^2 and mean D(fake)^2;
 * the generator's loss is mean (D(fake) - 1)^2.
 */
public final class LeastSquaresLoss implements AdversarialLoss
{
	private final double realLabel;

	/** @param realLabel target for real images: 1, or less for one-sided label smoothing */
	public LeastSquaresLoss( final double realLabel )
	{
		this.realLabel = realLabel;
	}

	@Override
	public NDArray discriminatorLoss( final NDArray real, final NDArray fake )
	{
		return Logits.average( real.sub( realLabel ).square().mean(), fake.square().mean() );
	}

	@Override
	public NDArray generatorLoss( final NDArray real, final NDArray fake )
	{
		return fake.sub( 1 ).square().mean();
	}
}
