package sc.fiji.restoregan.gan;

/**
 * Hyperparameters of a PatchGAN discriminator (pix2pix's
 * {@code NLayerDiscriminator}): a 4x4 convolution with stride 2 and
 * LeakyReLU, then {@code layers - 1} more stride-2 and one stride-1
 * convolution with doubling filters (at most 8 times {@code filters}), each
 * followed by instance normalisation (when {@link #norm}) and LeakyReLU, and
 * a 4x4 convolution to one score per position. Three layers give the 70x70
 * receptive field of pix2pix and DeblurGAN; five give DeblurGAN-v2's "full"
 * 286x286 discriminator. Gson-serialisable.
 */
public final class PatchConfig
{
	/** Channels of the images judged (1 for grey images, 2 for conditional input+output). */
	public int inChannels = 1;

	/** Filters of the first convolution (pix2pix: 64). */
	public int filters = 64;

	/** Number of stride-2 convolutions. */
	public int layers = 3;

	/** Instance normalisation without affine parameters (DeblurGAN's choice) after each inner convolution. */
	public boolean norm = true;

	/** Whether a {@link MinibatchStd} channel is appended before the scoring convolution. */
	public boolean minibatchStd = false;

	/** Slope of the LeakyReLU for negative inputs. */
	public float slope = 0.2f;

	/** The pix2pix default: 64 filters, 3 layers, instance norm. */
	public PatchConfig()
	{}

	/**
	 * @param filters filters of the first convolution
	 * @param layers number of stride-2 convolutions
	 */
	public PatchConfig( final int filters, final int layers )
	{
		this.filters = filters;
		this.layers = layers;
	}

	/** A copy with another number of stride-2 layers. */
	public PatchConfig withLayers( final int layers )
	{
		final PatchConfig c = new PatchConfig( filters, layers );
		c.inChannels = inChannels;
		c.norm = norm;
		c.minibatchStd = minibatchStd;
		c.slope = slope;
		return c;
	}

	/** Checks the values, with a message naming the configuration. */
	public PatchConfig validate()
	{
		if ( inChannels < 1 || filters < 1 || layers < 1 || layers > 8 || slope < 0 )
			throw new IllegalArgumentException( "Invalid PatchGAN configuration: " + this );
		return this;
	}

	/** Filters of convolution {@code i} (0-based, the last one excluded). */
	public int filtersAt( final int i )
	{
		return filters * Math.min( 1 << i, 8 );
	}

	/**
	 * Side of the square of input pixels one output score sees: going back
	 * from one output, each 4x4 convolution of stride s maps a field r to
	 * r s + 4 − s.
	 */
	public int receptiveField()
	{
		int r = 1;
		r = r + 3; // last convolution, stride 1
		r = r + 3; // stride-1 convolution
		for ( int i = 0; i < layers; i++ )
			r = 2 * r + 2;
		return r;
	}

	@Override
	public String toString()
	{
		return "patchgan(filters " + filters + ", layers " + layers + ", channels " + inChannels + ( norm ? ", instance norm" : "" ) + ", receptive field " + receptiveField() + ")";
	}
}
