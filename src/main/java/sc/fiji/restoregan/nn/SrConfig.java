package sc.fiji.restoregan.nn;

import ai.djl.nn.Block;

/**
 * Hyperparameters of the super-resolution generator ({@link SrGenerator}):
 * {@link #blocks} residual blocks of {@link #filters} channels at the input's
 * resolution, then one sub-pixel x2 stage per factor of 2 of {@link #scale}
 * (x4 = two x2 stages), added to the bilinearly upsampled input.
 * Serialised as the {@code architecture} of a model card.
 */
public final class SrConfig implements GeneratorArchitecture
{
	/** Architecture name written to model cards. */
	public static final String TYPE = "sr-subpixel";

	/** Always {@link #TYPE}. */
	public String type = TYPE;

	/** Input channels. */
	public int inChannels = 1;

	/** Output channels (equal to the input's: the upsampled input is added). */
	public int outChannels = 1;

	/** Output pixels per input pixel along X and Y: 2 or 4. */
	public int scale = 2;

	/** Channels of the body. */
	public int filters = 32;

	/** Residual blocks (conv-ReLU-conv plus skip) in the body. */
	public int blocks = 4;

	/** Odd kernel size of the convolutions. */
	public int kernelSize = 3;

	/** x2, 32 filters, 4 residual blocks. */
	public SrConfig()
	{}

	/**
	 * @param scale 2 or 4
	 * @param filters channels of the body
	 * @param blocks residual blocks
	 */
	public SrConfig( final int scale, final int filters, final int blocks )
	{
		this.scale = scale;
		this.filters = filters;
		this.blocks = blocks;
	}

	/** Number of x2 sub-pixel stages. */
	public int stages()
	{
		return Integer.numberOfTrailingZeros( scale );
	}

	@Override
	public GeneratorKind kind()
	{
		return GeneratorKind.SR;
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
	public int scale()
	{
		return scale;
	}

	@Override
	public Block newBlock()
	{
		return new SrGenerator( this );
	}

	@Override
	public SrConfig validate()
	{
		if ( !TYPE.equals( type ) )
			throw new IllegalArgumentException( "Unknown architecture '" + type + "', expected " + TYPE );
		if ( scale != 2 && scale != 4 )
			throw new IllegalArgumentException( "The super-resolution generator upsamples by 2 or 4, not " + scale );
		if ( filters < 1 || blocks < 0 || kernelSize < 1 || kernelSize % 2 == 0 || inChannels < 1 )
			throw new IllegalArgumentException( "Invalid super-resolution configuration: " + this );
		if ( inChannels != outChannels )
			throw new IllegalArgumentException( "The super-resolution generator adds its upsampled input, so it needs as many output as input channels" );
		return this;
	}

	/** Any input size works (no pooling). */
	@Override
	public int blockSize()
	{
		return 1;
	}

	/**
	 * In input pixels: half a kernel for the head, two per block and the body
	 * convolution, at most one more for the upsampling stages and the final
	 * convolution together (they run at 2, 4, ... times the resolution), and
	 * one for the bilinear residual.
	 */
	@Override
	public int receptiveFieldRadius()
	{
		return kernelSize / 2 * ( 2 * blocks + 4 ) + 1;
	}

	/** Per input pixel: head, blocks, body, each x2 stage at its resolution, the final convolution at the output's. */
	@Override
	public double flopsPerPixel()
	{
		final double k2 = kernelSize * kernelSize;
		double macs = k2 * inChannels * filters + ( 2.0 * blocks + 1 ) * k2 * filters * filters;
		for ( int s = 0; s < stages(); s++ )
			macs += k2 * filters * 4 * filters * ( 1L << ( 2 * s ) );
		macs += k2 * filters * outChannels * scale * scale;
		return 2 * macs;
	}

	@Override
	public String toString()
	{
		return type + "(x" + scale + ", filters " + filters + ", blocks " + blocks + ", kernel " + kernelSize + ", channels " + inChannels + "->" + outChannels + ")";
	}
}
