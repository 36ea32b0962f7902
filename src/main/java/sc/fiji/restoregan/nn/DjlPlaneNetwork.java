package sc.fiji.restoregan.nn;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;

import sc.fiji.restoregan.device.DeviceChoice;
import sc.fiji.restoregan.filter.ContextChannels;
import sc.fiji.restoregan.pipeline.PlaneCorrection;
import sc.fiji.restoregan.pipeline.PlaneNetwork;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * A DJL generator block behind the {@link PlaneNetwork} interface. Owns a
 * {@link Model} and one {@link Predictor}; each tile runs in the predictor's
 * own short-lived NDManager, so nothing accumulates across tiles. Not
 * thread-safe: use one instance per thread.
 */
public final class DjlPlaneNetwork implements PlaneNetwork
{
	private final Model model;

	private final Predictor< Tile, float[] > predictor;

	private final int blockSize;

	private final int radius;

	private final int scale;

	private final ContextChannels context;

	private final PlaneCorrection correction;

	/**
	 * Wraps an already initialised model.
	 *
	 * @param model its block holds the trained parameters; closed with this
	 * @param blockSize tile sizes must be multiples of this
	 * @param radius receptive-field radius in input pixels
	 * @param scale output pixels per input pixel
	 * @param context the context channels the network sees beside the image
	 * @throws RestoreException on a CPU whose convolution kernels
	 *             {@link ConvolutionKernels} found wrong beyond repair (the
	 *             caller still owns the model then)
	 */
	public DjlPlaneNetwork( final Model model, final int blockSize, final int radius, final int scale, final ContextChannels context )
	{
		this( model, blockSize, radius, scale, context, PlaneCorrection.NONE );
	}

	/**
	 * As {@link #DjlPlaneNetwork(Model, int, int, int, ContextChannels)},
	 * with a correction of each whole plane before the network, closed with
	 * this (when the constructor throws, the caller still owns both).
	 */
	public DjlPlaneNetwork( final Model model, final int blockSize, final int radius, final int scale, final ContextChannels context, final PlaneCorrection correction )
	{
		this.correction = correction;
		if ( onCpu( model ) && ConvolutionKernels.cpu().status() == ConvolutionKernels.Status.UNSOUND )
			throw new RestoreException( "Cannot run the network: " + ConvolutionKernels.cpu().describe() + "." );
		this.context = context;
		this.model = model;
		this.predictor = model.newPredictor( new TileTranslator() );
		this.blockSize = blockSize;
		this.radius = radius;
		this.scale = scale;
	}

	@Override
	public float[] process( final float[] tile, final int height, final int width )
	{
		try
		{
			return predictor.predict( new Tile( tile, 1 + context.count(), height, width ) );
		}
		catch ( final TranslateException e )
		{
			throw new RestoreException( "The network failed on a " + width + "x" + height + " tile: " + e.getMessage(), e );
		}
	}

	@Override
	public ContextChannels context()
	{
		return context;
	}

	@Override
	public PlaneCorrection correction()
	{
		return correction;
	}

	@Override
	public int scale()
	{
		return scale;
	}

	@Override
	public int blockSize()
	{
		return blockSize;
	}

	@Override
	public int receptiveFieldRadius()
	{
		return radius;
	}

	/**
	 * The engine and device, for example "PyTorch 2.7.1 on cpu()", followed
	 * on a CPU whose kernels need padded channels by what
	 * {@link ConvolutionKernels} found.
	 */
	@Override
	public String describeDevice()
	{
		final String kernels = onCpu( model ) ? ConvolutionKernels.cpu().describe() : "";
		return DeviceChoice.describe( model.getNDManager().getDevice() ) + ( kernels.isEmpty() ? "" : "; " + kernels );
	}

	private static boolean onCpu( final Model model )
	{
		return Device.Type.CPU.equals( model.getNDManager().getDevice().getDeviceType() );
	}

	@Override
	public void close()
	{
		predictor.close();
		model.close();
		correction.close();
	}
}
