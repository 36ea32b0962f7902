package sc.fiji.restoregan.model;

import java.util.Arrays;

import sc.fiji.restoregan.filter.ContextChannels;
import sc.fiji.restoregan.pipeline.PlaneCorrection;
import sc.fiji.restoregan.pipeline.PlaneNetwork;

/**
 * Two networks run on the same tile, their outputs averaged pixel by pixel
 * with equal weights. Where two models were trained in different ways their
 * errors differ, and the mean is nearer the truth than either (the lighting
 * model and its partner trained from scratch with fitted surfaces,
 * docs/decisions.md "A model and its partner"). The tile carries the
 * context channels of the network that sees more; the other's must be the
 * first of them ({@link ContextChannels#isPrefixOf}), and it is given just
 * those.
 */
final class MeanNetwork implements PlaneNetwork
{
	private final PlaneNetwork first, second;

	/** Whether the first network sees fewer context channels than the second (else the second sees as many as the first, or fewer). */
	private final boolean firstSeesFewer;

	/**
	 * Averages two open networks, and closes both when closed.
	 *
	 * @throws IllegalArgumentException when their scales differ or neither
	 *             network's context channels are the first of the other's
	 */
	MeanNetwork( final PlaneNetwork first, final PlaneNetwork second )
	{
		if ( first.scale() != second.scale() )
			throw new IllegalArgumentException( "Networks that upsample by " + first.scale() + " and by " + second.scale() + " cannot be averaged" );
		final ContextChannels a = first.context(), b = second.context();
		if ( !a.isPrefixOf( b ) && !b.isPrefixOf( a ) )
			throw new IllegalArgumentException( "Networks cannot be averaged when neither's context channels are the first of the other's" );
		this.first = first;
		this.second = second;
		this.firstSeesFewer = a.count() < b.count();
	}

	@Override
	public float[] process( final float[] tile, final int height, final int width )
	{
		final float[] a = first.process( firstSeesFewer ? channels( tile, first, height, width ) : tile, height, width );
		final float[] b = second.process( firstSeesFewer ? tile : channels( tile, second, height, width ), height, width );
		for ( int i = 0; i < a.length; i++ )
			a[ i ] = 0.5f * ( a[ i ] + b[ i ] );
		return a;
	}

	/** The image and the context channels {@code network} sees, the first of the tile's. */
	private static float[] channels( final float[] tile, final PlaneNetwork network, final int height, final int width )
	{
		return Arrays.copyOf( tile, ( 1 + network.context().count() ) * height * width );
	}

	@Override
	public ContextChannels context()
	{
		return firstSeesFewer ? second.context() : first.context();
	}

	/** The first network's: the partner restores the plane as the first corrects it. */
	@Override
	public PlaneCorrection correction()
	{
		return first.correction();
	}

	@Override
	public int scale()
	{
		return first.scale();
	}

	@Override
	public int blockSize()
	{
		final int a = first.blockSize(), b = second.blockSize();
		return a / gcd( a, b ) * b;
	}

	private static int gcd( final int a, final int b )
	{
		return b == 0 ? a : gcd( b, a % b );
	}

	@Override
	public int receptiveFieldRadius()
	{
		return Math.max( first.receptiveFieldRadius(), second.receptiveFieldRadius() );
	}

	/** The first network's: the two run on the same device. */
	@Override
	public String describeDevice()
	{
		return first.describeDevice();
	}

	@Override
	public void close()
	{
		try
		{
			first.close();
		}
		finally
		{
			second.close();
		}
	}
}
