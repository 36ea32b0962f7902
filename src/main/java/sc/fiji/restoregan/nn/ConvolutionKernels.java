package sc.fiji.restoregan.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

import sc.fiji.restoregan.device.DeviceChoice;

/**
 * Whether the engine's CPU convolutions compute what they should, checked
 * once per JVM against a plain loop. On some CPUs (seen on a virtualised
 * AMD EPYC with AVX-512, docs/decisions.md "oneDNN kernels on AVX-512
 * CPUs") oneDNN's AVX2 and AVX-512 kernels return wrong 3x3 convolutions,
 * off by as much as the output itself, when the input has more channels
 * than one register block (8 or 16 floats) and not a multiple of it: 12,
 * 20, 24 or 36 channels, as in the U-Nets with 12 or 24 base filters. With
 * channels and filters zero-padded to multiples of 16
 * ({@link PaddedConvolution}) they compute right.
 * <p>
 * The check runs a few such convolutions, seeded, with and without that
 * padding, on the CPU: under a second. A GPU runs cuDNN, not oneDNN, and is
 * not checked. The system property {@value #SKIP_PROPERTY}{@code =true} skips
 * the check (and with it the padding), to reproduce what the kernels do
 * unaided.
 * </p>
 */
public final class ConvolutionKernels
{
	/** What the check found. */
	public enum Status
	{
		/** Every probed convolution agreed with the plain loop. */
		SOUND,
		/** Some were wrong, and all were right with their channels and filters padded to multiples of 16. */
		PADDED,
		/** Some were wrong even padded: this engine cannot be trusted on this CPU. */
		UNSOUND
	}

	/** Input channel counts probed: above one AVX2 block (8) and not multiples of 8 or 16. */
	static final int[] CHANNELS = { 12, 20, 24, 36 };

	/** Plane sides probed (the kernels block the width differently for each). */
	static final int[] SIDES = { 32, 64 };

	/** Output channels of each probe. */
	static final int FILTERS = 4;

	/** Largest absolute difference from the plain loop accepted (the outputs are of order 1). */
	static final double TOLERANCE = 1e-3;

	/** Set to {@code true} to take the kernels as sound without checking them. */
	public static final String SKIP_PROPERTY = "restoregan.skipKernelCheck";

	private static volatile Result cpu;

	/**
	 * The outcome of a check.
	 *
	 * @param status what it found
	 * @param faults one line per probe that disagreed, unpadded, e.g. "24 channels, 32 px: off by 0.99"
	 */
	public record Result( Status status, List< String > faults )
	{
		/** A sentence for a log or a device description; empty when sound. */
		public String describe()
		{
			return switch ( status )
			{
			case SOUND -> "";
			case PADDED -> "this CPU's convolution kernels are wrong for some channel counts (" + String.join( "; ", faults )
					+ "), so convolutions run on channels and filters zero-padded to multiples of 16, which they compute right";
			case UNSOUND -> "this CPU's convolution kernels compute wrong results (" + String.join( "; ", faults )
					+ "), even with padded channels. Start Fiji or the command line with the environment variable ONEDNN_MAX_CPU_ISA=SSE41 (docs/decisions.md, \"oneDNN kernels on AVX-512 CPUs\")";
			};
		}
	}

	private ConvolutionKernels()
	{}

	/** The check of this JVM's CPU convolutions, run on first use. */
	public static Result cpu()
	{
		Result r = cpu;
		if ( r == null )
			synchronized ( ConvolutionKernels.class )
			{
				if ( cpu == null )
					cpu = Boolean.getBoolean( SKIP_PROPERTY ) ? new Result( Status.SOUND, List.of() ) : check();
				r = cpu;
			}
		return r;
	}

	/**
	 * Tells {@code log} what the check found when it is not
	 * {@link Status#SOUND}, for code that trains on the CPU (checking the
	 * kernels if no network has yet).
	 */
	public static void reportOnCpu( final Consumer< String > log )
	{
		final String found = cpu().describe();
		if ( !found.isEmpty() )
			log.accept( "Note: " + found + "." );
	}

	/** Whether convolutions on {@code device} need {@link PaddedConvolution}'s padding. */
	public static boolean padOn( final Device device )
	{
		return Device.Type.CPU.equals( device.getDeviceType() ) && cpu().status() == Status.PADDED;
	}

	/** Runs the probes on the engine's CPU kernels. */
	static Result check()
	{
		try ( NDManager manager = NDManager.newBaseManager( Device.cpu(), DeviceChoice.ENGINE ) )
		{
			return check( engine( manager ) );
		}
	}

	/**
	 * The engine's convolution of the probes, in arrays of {@code manager};
	 * padded, it is {@link PaddedConvolution}'s own, so the check tests what
	 * then runs.
	 */
	static Convolution engine( final NDManager manager )
	{
		final Shape one = new Shape( 1, 1 );
		return ( x, w, b, padded ) -> {
			try ( NDManager sub = manager.newSubManager() )
			{
				final NDArray input = sub.create( x.values(), x.shape() ), weight = sub.create( w.values(), w.shape() ), bias = sub.create( b );
				final NDArray y = padded ? PaddedConvolution.padded( input, weight, bias, one, one, one ) : Conv2d.conv2d( input, weight, bias, one, one ).singletonOrThrow();
				return y.toFloatArray();
			}
		};
	}

	/** A seeded NCHW array of data and its shape. */
	record Data( float[] values, Shape shape )
	{}

	/** A 3x3 convolution with padding 1 to be checked: input, weight, bias, and whether to pad its channels and filters. */
	@FunctionalInterface
	interface Convolution
	{
		float[] apply( Data input, Data weight, float[] bias, boolean padded );
	}

	/** Runs the probes on {@code conv}. */
	static Result check( final Convolution conv )
	{
		final List< String > faults = new ArrayList<>();
		boolean paddedWrong = false;
		final Random rnd = new Random( 1 );
		for ( final int side : SIDES )
			for ( final int ic : CHANNELS )
			{
				final Data x = gaussian( rnd, new Shape( 1, ic, side, side ), 1 );
				final Data w = gaussian( rnd, new Shape( FILTERS, ic, 3, 3 ), 1 / Math.sqrt( 9.0 * ic ) );
				final float[] b = gaussian( rnd, new Shape( FILTERS ), 0.1 ).values();
				final float[] expected = reference( x, w, b );
				final double off = maxDifference( conv.apply( x, w, b, false ), expected );
				if ( off > TOLERANCE )
				{
					faults.add( String.format( Locale.ROOT, "%d channels, %d px: off by %.2g", ic, side, off ) );
					paddedWrong |= maxDifference( conv.apply( x, w, b, true ), expected ) > TOLERANCE;
				}
			}
		return new Result( faults.isEmpty() ? Status.SOUND : paddedWrong ? Status.UNSOUND : Status.PADDED, List.copyOf( faults ) );
	}

	private static Data gaussian( final Random rnd, final Shape shape, final double sigma )
	{
		final float[] v = new float[ ( int ) shape.size() ];
		for ( int i = 0; i < v.length; i++ )
			v[ i ] = ( float ) ( sigma * rnd.nextGaussian() );
		return new Data( v, shape );
	}

	/** The 3x3 convolution (cross-correlation) with zero padding 1, as a plain loop in double precision. */
	static float[] reference( final Data x, final Data w, final float[] b )
	{
		final int ic = ( int ) x.shape().get( 1 ), h = ( int ) x.shape().get( 2 ), wd = ( int ) x.shape().get( 3 ), oc = ( int ) w.shape().get( 0 );
		final float[] y = new float[ oc * h * wd ];
		for ( int o = 0; o < oc; o++ )
			for ( int i = 0; i < h; i++ )
				for ( int j = 0; j < wd; j++ )
				{
					double t = b[ o ];
					for ( int c = 0; c < ic; c++ )
						for ( int di = -1; di <= 1; di++ )
							for ( int dj = -1; dj <= 1; dj++ )
							{
								final int ii = i + di, jj = j + dj;
								if ( ii >= 0 && jj >= 0 && ii < h && jj < wd )
									t += x.values()[ ( c * h + ii ) * wd + jj ] * w.values()[ ( ( o * ic + c ) * 3 + di + 1 ) * 3 + dj + 1 ];
							}
					y[ ( o * h + i ) * wd + j ] = ( float ) t;
				}
		return y;
	}

	private static double maxDifference( final float[] a, final float[] b )
	{
		if ( a.length != b.length )
			return Double.POSITIVE_INFINITY;
		double m = 0;
		for ( int i = 0; i < a.length; i++ )
			m = Math.max( m, Math.abs( ( double ) a[ i ] - b[ i ] ) );
		return Double.isNaN( m ) ? Double.POSITIVE_INFINITY : m;
	}
}
