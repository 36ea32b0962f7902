package sc.fiji.restoregan.model;

import java.util.Arrays;
import java.util.Locale;

import sc.fiji.restoregan.filter.ContextChannels;
import sc.fiji.restoregan.pipeline.PlaneNetwork;

/**
 * Two networks run on the same tile, their outputs averaged pixel by pixel:
 * {@code (1 - w) first + w second}. Where two models were trained in
 * different ways their errors differ, and the mean is nearer the truth than
 * either (the lighting model and its partner trained from scratch with
 * fitted surfaces, docs/decisions.md "Lighting"). The tile carries the
 * context channels of the network that sees more; the other's must be the
 * first of them ({@link ContextChannels#isPrefixOf}), and it is given just
 * those.
 */
final class MeanNetwork implements PlaneNetwork
{
	private final PlaneNetwork first, second;

	private final double weight;

	/** Whether the first network sees fewer context channels than the second (else the second sees as many as the first, or fewer). */
	private final boolean firstSeesFewer;

	/**
	 * Averages two open networks, and closes both when closed.
	 *
	 * @param weight the second network's weight, 0 to 1
	 * @throws IllegalArgumentException when their scales differ or neither
	 *             network's context channels are the first of the other's
	 */
	MeanNetwork( final PlaneNetwork first, final PlaneNetwork second, final double weight )
	{
		if ( !( weight >= 0 && weight <= 1 ) )
			throw new IllegalArgumentException( "The second network's weight must be between 0 and 1, not " + weight );
		if ( first.scale() != second.scale() )
			throw new IllegalArgumentException( "Networks that upsample by " + first.scale() + " and by " + second.scale() + " cannot be averaged" );
		final ContextChannels a = first.context(), b = second.context();
		if ( !a.isPrefixOf( b ) && !b.isPrefixOf( a ) )
			throw new IllegalArgumentException( "Networks cannot be averaged when neither's context channels are the first of the other's" );
		this.first = first;
		this.second = second;
		this.weight = weight;
		this.firstSeesFewer = a.count() < b.count();
	}

	@Override
	public float[] process( final float[] tile, final int height, final int width )
	{
		final float[] a = first.process( firstSeesFewer ? channels( tile, first, height, width ) : tile, height, width );
		if ( weight == 0 )
			return a;
		final float[] b = second.process( firstSeesFewer ? tile : channels( tile, second, height, width ), height, width );
		for ( int i = 0; i < a.length; i++ )
			a[ i ] = ( float ) ( ( 1 - weight ) * a[ i ] + weight * b[ i ] );
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

	@Override
	public String describeDevice()
	{
		return first.describeDevice() + String.format( Locale.ROOT, " (averaged with a second network, weight %.2f)", weight );
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
