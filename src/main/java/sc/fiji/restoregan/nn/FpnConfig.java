package sc.fiji.restoregan.nn;

import java.util.Arrays;

import ai.djl.nn.Block;

/**
 * Hyperparameters of the FPN generator ({@link FpnGenerator}, after
 * DeblurGAN-v2's {@code FPNMobileNet}). The backbone has one stage per entry
 * of {@link #stageFilters}: stage 0 is a stride-2 3x3 stem convolution and an
 * inverted residual block without expansion (1/2 resolution); each further
 * stage halves the resolution with {@link #blocksPerStage} inverted residual
 * blocks. The defaults are DeblurGAN-v2's MobileNet widths (laterals from 16,
 * 24, 32, 64, 160 channels, FPN 128, heads 64), so the stride is 32; fewer
 * stages make a shallower, faster network of smaller stride.
 * Serialised as the {@code architecture} of a model card.
 */
public final class FpnConfig implements GeneratorArchitecture
{
	/** Architecture name written to model cards. */
	public static final String TYPE = "fpn-mobilenet";

	/** Always {@link #TYPE}. */
	public String type = TYPE;

	/** Input channels. */
	public int inChannels = 1;

	/** Output channels (equal to the input's: the input is added to the output). */
	public int outChannels = 1;

	/** Filters of the stem convolution (MobileNet-v2: 32). */
	public int stemFilters = 32;

	/** Output channels of each backbone stage, shallow to deep; its length is the number of stages (2 to 6). */
	public int[] stageFilters = { 16, 24, 32, 64, 160 };

	/** Inverted residual blocks per stage after the first. */
	public int blocksPerStage = 2;

	/** Channel expansion of the inverted residual blocks (MobileNet-v2: 6). */
	public int expansion = 6;

	/** Channels of the pyramid's maps (DeblurGAN-v2 MobileNet: 128). */
	public int fpnFilters = 128;

	/** Channels of the segmentation-style heads (DeblurGAN-v2 MobileNet: 64); even. */
	public int headFilters = 64;

	/** Instance normalisation without affine parameters after the convolutions (DeblurGAN-v2's choice). */
	public boolean norm = true;

	/** The DeblurGAN-v2 MobileNet widths. */
	public FpnConfig()
	{}

	/**
	 * A scaled-down configuration: {@code stages} backbone stages of
	 * {@code width}, 1.5, 2, 4 and 10 times {@code width} filters (the
	 * MobileNet-v2 proportions for width 16), FPN {@code 8 width}, heads
	 * {@code 4 width}.
	 */
	public static FpnConfig of( final int stages, final int width )
	{
		final FpnConfig c = new FpnConfig();
		final double[] ratios = { 1, 1.5, 2, 4, 10, 20 };
		c.stageFilters = new int[ stages ];
		for ( int k = 0; k < stages; k++ )
			c.stageFilters[ k ] = ( int ) Math.ceil( width * ratios[ Math.min( k, ratios.length - 1 ) ] );
		c.stemFilters = 2 * width;
		c.fpnFilters = 8 * width;
		c.headFilters = 4 * width;
		return c;
	}

	/** Number of backbone stages (the pyramid has one map per stage). */
	public int stages()
	{
		return stageFilters.length;
	}

	@Override
	public GeneratorKind kind()
	{
		return GeneratorKind.FPN;
	}

	@Override
	public int inChannels()
	{
		return inChannels;
	}

	@Override
	public int outChannels()
	{
		return outChannels;
	}

	@Override
	public Block newBlock()
	{
		return new FpnGenerator( this );
	}

	@Override
	public FpnConfig validate()
	{
		if ( !TYPE.equals( type ) )
			throw new IllegalArgumentException( "Unknown architecture '" + type + "', expected " + TYPE );
		if ( stageFilters == null || stageFilters.length < 2 || stageFilters.length > 6 || Arrays.stream( stageFilters ).anyMatch( f -> f < 1 ) || stemFilters < 1
				|| blocksPerStage < 1 || expansion < 1 || fpnFilters < 1 || headFilters < 2 || headFilters % 2 != 0 || inChannels < 1 )
			throw new IllegalArgumentException( "Invalid FPN configuration: " + this );
		if ( inChannels != outChannels )
			throw new IllegalArgumentException( "The FPN generator adds its input to its output, so it needs as many output as input channels" );
		return this;
	}

	/** 2 to the number of stages: the deepest map is this many times smaller than the input. */
	@Override
	public int blockSize()
	{
		return 1 << stages();
	}

	/**
	 * An upper bound, adding up (half kernel) x (stride) over the longest
	 * paths: backbone, top-down pathway (with the nearest-neighbour upsampling
	 * slack of one coarse pixel each), the deepest head's direct path, and the
	 * shared tail. Large: the FPN is meant to see the whole tile. NB: with
	 * instance normalisation every output also depends on the whole tile's
	 * statistics, beyond this radius.
	 */
	@Override
	public int receptiveFieldRadius()
	{
		final int levels = stages();
		int r = 1 + 2; // stem at full resolution, stage 0 depthwise at 1/2
		for ( int k = 1; k < levels; k++ )
			r += ( 1 << k ) + ( blocksPerStage - 1 ) * ( 1 << ( k + 1 ) );
		for ( int k = 1; k < levels - 1; k++ )
			r += ( 1 << ( k + 2 ) ) + ( 1 << ( k + 1 ) ); // upsampling from level k + 1, top-down conv at level k
		final int deepest = 1 << levels;
		r += 2 * 4 + 3 * deepest; // head of level 1; head of the deepest level and its upsampling
		r += 4 + 4 + 2 + 2 + 1; // smooth, upsample, smooth2, upsample, final
		final int b = blockSize();
		return ( r + b - 1 ) / b * b;
	}

	@Override
	public double flopsPerPixel()
	{
		final int levels = stages(), t = expansion, head = headFilters, fpn = fpnFilters;
		double macs = 9.0 * inChannels * stemFilters / 4 + 9.0 * stemFilters / 4 + ( double ) stemFilters * stageFilters[ 0 ] / 4;
		macs += ( double ) stageFilters[ 0 ] * head / 4;
		for ( int k = 1; k < levels; k++ )
		{
			final double above = 1.0 / ( 1L << ( 2 * k ) ), area = above / 4;
			int c = stageFilters[ k - 1 ];
			for ( int b = 0; b < blocksPerStage; b++ )
			{
				final int hidden = c * t, f = stageFilters[ k ];
				macs += ( t == 1 ? 0 : c * ( double ) hidden * ( b == 0 ? above : area ) ) + 9.0 * hidden * area + ( double ) hidden * f * area;
				c = f;
			}
			macs += ( double ) c * fpn * area + 9.0 * fpn * head * area + 9.0 * head * head * area;
			if ( k < levels - 1 )
				macs += 9.0 * fpn * fpn * area;
		}
		macs += 9.0 * ( levels - 1 ) * head * head / 16 + 9.0 * head * ( head / 2 ) / 4 + 9.0 * ( head / 2 ) * outChannels;
		return 2 * macs;
	}

	@Override
	public String toString()
	{
		return type + "(stages " + Arrays.toString( stageFilters ) + ", stem " + stemFilters + ", blocks " + blocksPerStage + ", expansion " + expansion + ", fpn " + fpnFilters
				+ ", head " + headFilters + ", channels " + inChannels + "->" + outChannels + ( norm ? ", instance norm" : "" ) + ")";
	}
}
