package sc.fiji.restoregan.model;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;

import sc.fiji.restoregan.nn.GeneratorArchitecture;

/**
 * The JSON card that travels with every model ({@code card.json}): what the
 * network is, how its input is normalised, how it was trained, what it
 * scores, and the checksum of its weights. Read and written with Gson.
 */
public final class ModelCard
{
	/** Version of this card layout. */
	public static final int FORMAT = 1;

	/** Card layout version. */
	public int format = FORMAT;

	/** Model name, also its folder name. */
	public String name;

	/** The task it restores: denoise, deblur, dehaze, derain, lighting, sr, auto. */
	public String task;

	/** One or two sentences for users. */
	public String description;

	/**
	 * The generator's architecture; its {@code type} names the kind
	 * ({@code residual-unet}, {@code fpn-mobilenet}, {@code sr-subpixel}),
	 * absent meaning the residual U-Net.
	 */
	public GeneratorArchitecture architecture;

	/** Output pixels per input pixel (1 unless super-resolution; equal to the architecture's). */
	public int scale = 1;

	/** How input is normalised before the network. */
	public Normalization normalization = new Normalization();

	/** Free-form training recipe: data, degradation, loss, steps, seed, command. */
	public JsonObject training = new JsonObject();

	/** Free-form measured scores, with the command that measured them. */
	public JsonObject scores = new JsonObject();

	/** The weights file and its checksum. */
	public Weights weights = new Weights();

	/**
	 * The GAN-trained twin of this (faithful, L1-trained) model: same
	 * architecture, fine-tuned from these weights with an adversarial loss.
	 * A shipped model's name, or a folder next to this model's folder. The
	 * realism setting interpolates between the two networks' weights
	 * ({@link RealismBlend}); absent when the model has no twin.
	 */
	public String realismTwin;

	/**
	 * A partner model whose output this model's is averaged with, pixel by
	 * pixel and with equal weights (a shipped model's name, or a folder next
	 * to this model's folder): two networks trained in
	 * different ways whose errors differ ({@link MeanNetwork}). The partner
	 * must restore the same task at the same scale with the same
	 * normalisation, and see the context channels this model sees, maybe
	 * with polynomial surfaces added. Above realism 0 this model is blended
	 * with its GAN-trained twin, and so is the partner with its own if it has
	 * one; the two still weigh the same. Absent for a single network.
	 */
	public String meanWith;

	/**
	 * The geometric self-ensemble this model runs with unless the user picks
	 * another ({@link sc.fiji.restoregan.pipeline.RestoreOptions#ensemble}):
	 * 1 (none), 2, 4 or 8 flips and turns averaged. Cards written before it
	 * existed read as 1.
	 */
	public int ensemble = 1;

	/**
	 * For a model that first evens out the light of each whole plane: the
	 * networks that estimate the plane's illumination field and gamma
	 * ({@link IlluminationParts}); this model's own network then restores the
	 * corrected plane tile by tile. Absent for a model that restores the
	 * plane as it is.
	 */
	public IlluminationParts illumination;

	/**
	 * The two small networks of an illumination estimate
	 * ({@link sc.fiji.restoregan.illumination.IlluminationEstimator}), kept
	 * in the model's folder beside its own weights.
	 */
	public static final class IlluminationParts
	{
		/** Estimates the log illumination field from the plane averaged to 64 x 64 px. */
		public Part field;

		/** Estimates the plane's gamma from its 64 px tiles; absent to leave the gamma as it is. */
		public Part gamma;
	}

	/** One network of a model other than its own: its architecture, weights and how it was trained. */
	public static final class Part
	{
		/** The network's architecture. */
		public GeneratorArchitecture architecture;

		/** Its weights file in the model's folder, and their checksum. */
		public Weights weights = new Weights();

		/** Free-form training recipe, as {@link ModelCard#training}. */
		public JsonObject training = new JsonObject();
	}

	/** Percentile normalisation settings. */
	public static final class Normalization
	{
		/** Always "percentile" for now. */
		public String type = "percentile";

		/** Lower percentile, mapped to 0. */
		public double low = 1;

		/** Upper percentile, mapped to 1. */
		public double high = 99.8;

		/**
		 * How the network's output returns to the input's units:
		 * {@link #PERCENTILES} (the inverse of the input's percentile map, for
		 * models trained with targets under their input's map, so that they
		 * keep intensities) or {@link #LEAST_SQUARES} (then the least-squares
		 * affine fit of the output to the input plane, for models trained with
		 * targets normalised by their own percentiles, such as dehazing,
		 * lighting correction and the multi-task model: their output has no
		 * fixed intensity scale, and the input's percentiles, widened by its
		 * noise, would stretch it). Cards written before it read as
		 * {@link #PERCENTILES}.
		 */
		public String output = PERCENTILES;

		/** {@link #output}: the inverse percentile map. */
		public static final String PERCENTILES = "percentiles";

		/** {@link #output}: the inverse percentile map, then the least-squares fit to the input. */
		public static final String LEAST_SQUARES = "least-squares";

		/** Whether the output is fitted to the input ({@link #LEAST_SQUARES}). */
		public boolean fitsOutputToInput()
		{
			return LEAST_SQUARES.equals( output );
		}
	}

	/** The parameters file and what it must hash to. */
	public static final class Weights
	{
		/** File name inside the model folder. */
		public String file = "generator.params";

		/** Lower-case hex SHA-256 of the file. */
		public String sha256;

		/** File size in bytes. */
		public long bytes;

		/**
		 * How the file holds the parameters: null for DJL's float32 parameter
		 * file, {@link HalfPrecisionWeights#ENCODING} for half precision.
		 */
		public String encoding;

		/**
		 * For half-precision weights, the SHA-256 of the float32 parameters
		 * they were rounded from (a twin fine-tuned from those still
		 * descends from this model); null otherwise.
		 */
		public String halvedFrom;

		/**
		 * Where the file is when the weights are another model's: that
		 * model's name (a folder next to this model's, as for
		 * {@link ModelCard#meanWith}); the checksum must still match. Null
		 * for weights in this model's own folder.
		 */
		public String sharedWith;

		/** Whether the file holds half-precision weights. */
		public boolean halfPrecision()
		{
			return HalfPrecisionWeights.ENCODING.equals( encoding );
		}
	}

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

	/**
	 * Parses a card.
	 *
	 * @throws JsonParseException if it is not valid JSON of this shape
	 */
	public static ModelCard read( final Reader reader )
	{
		final ModelCard card = GSON.fromJson( reader, ModelCard.class );
		if ( card == null )
			throw new JsonParseException( "empty card" );
		return card;
	}

	/**
	 * Bytes of the weights files in this model's own folder: its weights
	 * unless they are another model's ({@link Weights#sharedWith}), and its
	 * illumination networks'.
	 */
	public long ownBytes()
	{
		long bytes = weights.sharedWith == null ? weights.bytes : 0;
		if ( illumination != null )
		{
			bytes += illumination.field.weights.bytes;
			if ( illumination.gamma != null )
				bytes += illumination.gamma.weights.bytes;
		}
		return bytes;
	}

	/** Whether {@code other} describes the same generator architecture (same JSON). */
	public boolean sameArchitecture( final ModelCard other )
	{
		return sameArchitecture( architecture, other.architecture );
	}

	/** Whether {@code other} normalises its input and output as this model does (the same JSON). */
	public boolean sameNormalization( final ModelCard other )
	{
		return GSON.toJsonTree( normalization ).equals( GSON.toJsonTree( other.normalization ) );
	}

	/** Whether two architectures are the same generator (the same JSON in a card). */
	public static boolean sameArchitecture( final GeneratorArchitecture a, final GeneratorArchitecture b )
	{
		return GSON.toJsonTree( a, GeneratorArchitecture.class ).equals( GSON.toJsonTree( b, GeneratorArchitecture.class ) );
	}

	/** Writes the card as indented JSON. */
	public void write( final Writer writer ) throws IOException
	{
		GSON.toJson( this, writer );
		writer.write( '\n' );
	}

	/** The card as indented JSON text. */
	public String toJson()
	{
		return GSON.toJson( this );
	}
}
