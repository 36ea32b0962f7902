package sc.fiji.restoregan.device;

import java.util.Locale;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;

import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * Where the network runs: {@code auto} (a GPU when DJL's PyTorch engine sees
 * one, otherwise the CPU), {@code cpu} or {@code gpu} (an error when there is
 * none). DJL uses CUDA only when a CUDA build of libtorch is on the class
 * path or in its cache; the CPU build ships with RestoreGAN.
 */
public enum DeviceChoice
{
	/** A GPU if there is one, else the CPU. */
	AUTO,
	/** Always the CPU. */
	CPU,
	/** The first GPU; fails when none is visible. */
	GPU;

	/** The engine every network of RestoreGAN runs on. */
	public static final String ENGINE = "PyTorch";

	/**
	 * Parses {@code auto}, {@code cpu} or {@code gpu} (any case).
	 *
	 * @throws RestoreException for anything else
	 */
	public static DeviceChoice parse( final String name )
	{
		try
		{
			return valueOf( name.trim().toUpperCase( Locale.ROOT ) );
		}
		catch ( final IllegalArgumentException | NullPointerException e )
		{
			throw new RestoreException( "Unknown device '" + name + "': use auto, cpu or gpu." );
		}
	}

	/** The PyTorch engine, loaded on first use, with a clear error if it cannot load. */
	public static Engine engine()
	{
		try
		{
			return Engine.getEngine( ENGINE );
		}
		catch ( final EngineException | IllegalArgumentException e )
		{
			throw new RestoreException( "DJL's PyTorch engine could not be loaded (" + e.getMessage() + "). Check that pytorch-jni and pytorch-native-cpu are on the class path.", e );
		}
	}

	/** How many CUDA devices the engine sees (0 on a CPU-only build). */
	public static int gpuCount()
	{
		return engine().getGpuCount();
	}

	/**
	 * The DJL device for this choice.
	 *
	 * @throws RestoreException for {@link #GPU} when none is available
	 */
	public Device resolve()
	{
		final int gpus = gpuCount();
		switch ( this )
		{
		case CPU:
			return Device.cpu();
		case GPU:
			if ( gpus == 0 )
				throw new RestoreException( "No GPU is available: DJL's PyTorch engine sees no CUDA device (a CUDA build of libtorch is needed, see docs/gpu.md). Use device auto or cpu." );
			return Device.gpu();
		default:
			return gpus > 0 ? Device.gpu() : Device.cpu();
		}
	}

	/** For example "PyTorch 2.7.1 on cpu()". */
	public static String describe( final Device device )
	{
		return ENGINE + " " + engine().getVersion() + " on " + device;
	}
}
