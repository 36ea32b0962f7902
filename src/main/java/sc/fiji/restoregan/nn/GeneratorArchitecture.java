package sc.fiji.restoregan.nn;

import com.google.gson.annotations.JsonAdapter;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

import sc.fiji.restoregan.filter.ContextChannels;

/**
 * A generator's hyperparameters, as stored in a model card's
 * {@code architecture} and in training configurations: enough to build the
 * block again and to tile its input. The JSON object names its kind in
 * {@code type} ({@link GeneratorKind#type()}); objects without one are
 * residual U-Nets, so cards written before other generators existed load
 * unchanged.
 */
@JsonAdapter( ArchitectureJson.class )
public interface GeneratorArchitecture
{
	/** Which generator this configures. */
	GeneratorKind kind();

	/** Channels of the input. */
	int inChannels();

	/**
	 * The context channels computed from the whole plane and fed beside the
	 * image (they are the last of {@link #inChannels()}); none by default.
	 */
	default ContextChannels context()
	{
		return ContextChannels.NONE;
	}

	/**
	 * This architecture with {@code channels} as its context (the input
	 * channels adjusted to match).
	 *
	 * @throws IllegalArgumentException for generators without context
	 *             support, unless {@code channels} is empty
	 */
	default GeneratorArchitecture withContext( final ContextChannels channels )
	{
		if ( !channels.isEmpty() )
			throw new IllegalArgumentException( "The " + kind() + " generator takes no context channels; use the U-Net." );
		return this;
	}

	/** Channels of the output. */
	int outChannels();

	/** Output pixels per input pixel along X and Y (1 unless super-resolution). */
	default int scale()
	{
		return 1;
	}

	/** Input sides must be multiples of this (the network's total stride). */
	int blockSize();

	/**
	 * An upper bound, in input pixels, of the receptive field's radius,
	 * rounded up to a multiple of {@link #blockSize()}.
	 */
	int receptiveFieldRadius();

	/** Multiply-adds per input pixel, times two (so: FLOP per input pixel). */
	double flopsPerPixel();

	/**
	 * Checks the values.
	 *
	 * @throws IllegalArgumentException naming the bad one
	 */
	GeneratorArchitecture validate();

	/** A new, uninitialised block of this architecture (validated first). */
	Block newBlock();

	/**
	 * A new block of this architecture with its parameters created on
	 * {@code manager} (randomly initialised, for weights to be loaded into).
	 */
	default Block newInitializedBlock( final NDManager manager )
	{
		final Block block = newBlock();
		block.initialize( manager, DataType.FLOAT32, new Shape( 1, inChannels(), blockSize(), blockSize() ) );
		return block;
	}
}
