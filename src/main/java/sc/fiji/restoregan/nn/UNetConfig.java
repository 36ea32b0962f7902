package sc.fiji.restoregan.nn;

import com.google.gson.Gson;

import ai.djl.nn.Block;

import sc.fiji.restoregan.filter.ContextChannels;

/**
 * Hyperparameters of the residual U-Net generator (CARE style): {@code depth}
 * poolings, {@code baseFilters} filters at full resolution doubling at each
 * level, {@code convsPerLevel} convolutions of {@code kernelSize} with ReLU
 * per level, optionally followed by {@code residualBlocks} residual blocks
 * (as DRUNet's levels have), a 1x1 output convolution and, when
 * {@code residual}, the input added to the output. Serialised as the {@code architecture} of a model
 * card.
 */
public final class UNetConfig implements GeneratorArchitecture
{
	/** Architecture name written to model cards. */
	public static final String TYPE = "residual-unet";

	/** Always {@link #TYPE}; lets a card name its architecture. */
	public String type = TYPE;

	/** Number of 2x2 max-poolings (levels below full resolution). */
	public int depth = 2;

	/** Filters of the convolutions at full resolution. */
	public int baseFilters = 32;

	/** Convolutions per level (encoder, bottom and decoder each). */
	public int convsPerLevel = 2;

	/**
	 * Residual blocks after each level's convolutions (encoder, bottom and
	 * decoder each): {@code x + conv(relu(conv(x)))} at the level's width, as
	 * in DRUNet; null or absent (as in cards written before they existed) for
	 * none, never 0 (so that one architecture has one card).
	 */
	public Integer residualBlocks;

	/** Odd kernel size of the convolutions. */
	public int kernelSize = 3;

	/** Input channels: the image's, then {@link #context}'s, {@link #contextWedges}' and {@link #contextAxisWedges}'. */
	public int inChannels = 1;

	/** Output channels. */
	public int outChannels = 1;

	/** Whether the input's image channels are added to the output (as many as it has). */
	public boolean residual = true;

	/**
	 * Scales, in pixels, of the context channels the network sees beside the
	 * image ({@link ContextChannels}: two per scale, counted in
	 * {@link #inChannels}); null or absent (as in cards written before
	 * context existed) for none.
	 */
	public double[] context;

	/**
	 * Half-widths, in degrees, of the FFT wedges whose destriped planes the
	 * network sees beside the image ({@link ContextChannels}: one per wedge,
	 * after the scales' channels, counted in {@link #inChannels}); null or
	 * absent for none.
	 */
	public double[] contextWedges;

	/**
	 * For each of {@link #contextWedges}, the radius of its spared centre in
	 * cycles per pixel; null or absent for
	 * {@link ContextChannels#WEDGE_CENTRE} each.
	 */
	public double[] contextWedgeCentres;

	/**
	 * Half-widths, in degrees, of the FFT wedges that destripe the plane
	 * along X and along Y whatever the estimated direction
	 * ({@link ContextChannels}: two channels per wedge, after the estimated
	 * wedges' channels); null or absent for none.
	 */
	public double[] contextAxisWedges;

	/**
	 * For each of {@link #contextAxisWedges}, the radius of its spared centre
	 * in cycles per pixel; null or absent for
	 * {@link ContextChannels#WEDGE_CENTRE} each.
	 */
	public double[] contextAxisWedgeCentres;

	/**
	 * Balances of the Wiener deconvolutions with the known PSF that the
	 * network sees beside the image ({@link ContextChannels}: one channel
	 * per balance, after the destriping ones), or null for none; such a
	 * network needs the PSF at inference.
	 */
	public double[] contextWiener;

	/**
	 * Strengths, in units of the estimated noise sigma, of the non-local
	 * means filterings of the plane that the network sees beside the image
	 * ({@link ContextChannels}: one channel per strength, after the Wiener ones), or null for
	 * none.
	 */
	public double[] contextNlm;

	/**
	 * Total degrees of the least-squares polynomial surfaces of the plane
	 * that the network sees beside the image, each with the plane divided by
	 * it ({@link ContextChannels}: two channels per degree, last), or null
	 * for none.
	 */
	public double[] contextSurfaces;

	/**
	 * With {@link #residual}: the input channel the output is a residual of,
	 * or null for the image (channel 0). For example the first Wiener
	 * channel, so the network learns only what the deconvolution got wrong.
	 */
	public Integer residualChannel;

	/**
	 * Reversible downsampling factor before the U-Net (1: none). With 2, each
	 * 2x2 block of pixels becomes 4 channels at half resolution (pixel
	 * unshuffle, as in FFDNet), the U-Net runs there, and the output is
	 * shuffled back: wider convolutions at a quarter of the pixels, which
	 * CPUs run far more efficiently, and twice the receptive field.
	 */
	public int shuffle = 1;

	/** The CARE default shape: depth 2, 32 filters, 2 convolutions of 3x3. */
	public UNetConfig()
	{}

	/**
	 * @param depth number of poolings
	 * @param baseFilters filters at full resolution
	 */
	public UNetConfig( final int depth, final int baseFilters )
	{
		this.depth = depth;
		this.baseFilters = baseFilters;
	}

	@Override
	public GeneratorKind kind()
	{
		return GeneratorKind.UNET;
	}

	@Override
	public int inChannels()
	{
		return inChannels;
	}

	@Override
	public ContextChannels context()
	{
		return new ContextChannels( context, contextWedges, contextWedgeCentres, contextAxisWedges, contextAxisWedgeCentres, contextWiener, contextNlm, contextSurfaces );
	}

	@Override
	public UNetConfig withContext( final ContextChannels channels )
	{
		final UNetConfig c = copy();
		c.inChannels = imageChannels() + channels.count();
		c.context = channels.sigmas().length == 0 ? null : channels.sigmas();
		c.contextWedges = channels.wedges().length == 0 ? null : channels.wedges();
		c.contextWedgeCentres = channels.defaultCentres() ? null : channels.centres();
		c.contextAxisWedges = channels.axisWedges().length == 0 ? null : channels.axisWedges();
		c.contextAxisWedgeCentres = channels.defaultAxisCentres() ? null : channels.axisCentres();
		c.contextWiener = channels.wiener().length == 0 ? null : channels.wiener();
		c.contextNlm = channels.nlm().length == 0 ? null : channels.nlm();
		c.contextSurfaces = channels.surfaces().length == 0 ? null : channels.surfaces();
		return c;
	}

	/**
	 * This architecture with {@code newDepth} poolings, all else the same
	 * (see {@link sc.fiji.restoregan.train.InitialWeights#deepen}).
	 */
	public UNetConfig withDepth( final int newDepth )
	{
		final UNetConfig c = copy();
		c.depth = newDepth;
		return c;
	}

	/** A deep copy (through the card's JSON, so no field is forgotten). */
	private UNetConfig copy()
	{
		final Gson gson = new Gson();
		return gson.fromJson( gson.toJson( this ), UNetConfig.class );
	}

	/** Input channels that are the image's own, not context. */
	public int imageChannels()
	{
		return inChannels - context().count();
	}

	@Override
	public int outChannels()
	{
		return outChannels;
	}

	@Override
	public Block newBlock()
	{
		return new ResidualUNet( this );
	}

	/** Checks the values, with a message naming the bad one. */
	@Override
	public UNetConfig validate()
	{
		if ( !TYPE.equals( type ) )
			throw new IllegalArgumentException( "Unknown architecture '" + type + "', expected " + TYPE );
		if ( shuffle < 1 || shuffle > 4 || depth < 0 || depth > 6 || baseFilters < 1 || convsPerLevel < 1 || kernelSize < 1 || kernelSize % 2 == 0 || inChannels < 1 || outChannels < 1 )
			throw new IllegalArgumentException( "Invalid U-Net configuration: " + this );
		if ( residualBlocks != null && ( residualBlocks < 1 || residualBlocks > 8 ) )
			throw new IllegalArgumentException( "A U-Net's residual blocks per level must be in [1, 8], or absent for none, not " + residualBlocks );
		if ( imageChannels() < 1 )
			throw new IllegalArgumentException( "A U-Net with " + context().count() + " context channels needs more than " + inChannels + " input channels" );
		if ( residual && imageChannels() != outChannels )
			throw new IllegalArgumentException( "A residual U-Net needs as many output channels as the input has image channels" );
		if ( residualChannel != null && ( !residual || outChannels != 1 || residualChannel < 0 || residualChannel >= inChannels ) )
			throw new IllegalArgumentException( "A residual channel needs a residual U-Net with one output channel and an input channel in [0, " + inChannels + "), not " + residualChannel );
		return this;
	}

	/** Residual blocks per level: {@link #residualBlocks}, 0 where null. */
	public int residualBlocksPerLevel()
	{
		return residualBlocks == null ? 0 : residualBlocks;
	}

	/** Convolutions per level in all: the plain ones and two per residual block. */
	int convolutionsPerLevel()
	{
		return convsPerLevel + 2 * residualBlocksPerLevel();
	}

	/** Tile sizes must be multiples of this: the shuffle factor times 2 to the power of depth. */
	@Override
	public int blockSize()
	{
		return shuffle << depth;
	}

	/**
	 * An upper bound of the receptive field's radius, rounded up to a multiple
	 * of {@link #blockSize()}: each convolution at level l adds
	 * {@code (k - 1) / 2 * 2^l} (two per residual block), each pooling and upsampling at most
	 * {@code 2^l}; all times the shuffle factor, plus the shuffle block.
	 */
	@Override
	public int receptiveFieldRadius()
	{
		final int half = kernelSize / 2;
		int r = 0;
		for ( int l = 0; l < depth; l++ )
			r += 2 * convolutionsPerLevel() * half * ( 1 << l ) + 2 * ( 1 << l );
		r += convolutionsPerLevel() * half * ( 1 << depth );
		r = r * shuffle + shuffle - 1;
		final int b = blockSize();
		return ( r + b - 1 ) / b * b;
	}

	/** Multiply-adds per output pixel, times two (so: FLOP per pixel). */
	@Override
	public double flopsPerPixel()
	{
		final double k2 = kernelSize * kernelSize;
		final int s2 = shuffle * shuffle, convs = convolutionsPerLevel();
		double flops = 0;
		int in = inChannels * s2;
		for ( int l = 0; l < depth; l++ )
		{
			final int f = baseFilters << l;
			final double area = 1.0 / ( 1L << ( 2 * l ) );
			flops += area * k2 * f * ( in + ( convs - 1 ) * f );
			in = f;
		}
		final int fb = baseFilters << depth;
		flops += 1.0 / ( 1L << ( 2 * depth ) ) * k2 * fb * ( in + ( convs - 1 ) * fb );
		int below = fb;
		for ( int l = depth - 1; l >= 0; l-- )
		{
			final int f = baseFilters << l;
			final double area = 1.0 / ( 1L << ( 2 * l ) );
			flops += area * k2 * f * ( below + f + ( convs - 1 ) * f );
			below = f;
		}
		flops += below * outChannels * s2;
		return 2 * flops / s2;
	}

	@Override
	public String toString()
	{
		return type + "(depth " + depth + ", filters " + baseFilters + ", convs " + convsPerLevel + ( residualBlocksPerLevel() > 0 ? ", residual blocks " + residualBlocks : "" ) + ", kernel " + kernelSize + ", channels " + inChannels + "->" + outChannels + ( residual ? ", residual" + ( residualChannel == null || residualChannel == 0 ? "" : " of channel " + residualChannel ) : "" ) + ( shuffle > 1 ? ", shuffle " + shuffle : "" ) + ( context().isEmpty() ? "" : ", context " + context().describe() ) + ")";
	}
}
