package sc.fiji.restoregan.gan;

import ai.djl.ndarray.NDArray;

/**
 * The hinge objective of SAGAN and BigGAN: the discriminator's loss is
 * mean max(0, 1 - D(real)) + mean max(0, 1 + D(fake)); the generator's loss
 * is -mean D(fake).
 */
public final class HingeLoss implements AdversarialLoss
{
	@Override
	public NDArray discriminatorLoss( final NDArray real, final NDArray fake )
	{
		return real.neg().add( 1 ).maximum( 0 ).mean().add( fake.add( 1 ).maximum( 0 ).mean() );
	}

	@Override
	public NDArray generatorLoss( final NDArray real, final NDArray fake )
	{
		return fake.mean().neg();
	}
}
