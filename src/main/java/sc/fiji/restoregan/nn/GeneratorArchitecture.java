package sc.fiji.restoregan.nn;

import com.google.gson.annotations.JsonAdapter;

import ai.djl.nn.Block;

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
}
