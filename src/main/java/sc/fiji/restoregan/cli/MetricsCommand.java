package sc.fiji.restoregan.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.metrics.Evaluation;
import sc.fiji.restoregan.metrics.NiqeModel;
import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * {@code metrics}: scores an image against a reference (PSNR, SSIM, MS-SSIM,
 * NIQE, RMSE) or without one (NIQE only) and prints one JSON object; {@code
 * metrics fit-niqe} fits a NIQE pristine model to a folder of clean images.
 * Scores that do not apply or are not finite are {@code null}, with the
 * reason in {@code notes}.
 */
@Command( name = "metrics", mixinStandardHelpOptions = true, subcommands = { MetricsCommand.FitNiqe.class },
		description = "Print PSNR, SSIM, MS-SSIM and NIQE of --input against --reference (NIQE only without one) as JSON." )
final class MetricsCommand implements Callable< Integer >
{
	@Spec
	CommandSpec spec;

	@Option( names = "--reference", description = "Ground-truth image (TIFF, PNG, JPEG). Without it only NIQE is computed." )
	Path reference;

	@Option( names = "--input", description = "Image to score (required unless a subcommand is given)." )
	Path input;

	@Option( names = "--data-range", description = "Data range R for PSNR, SSIM and NIQE's 0..255 mapping. Default: the reference's max - min (without a reference, the input's)." )
	Double dataRange;

	@Option( names = "--niqe-model", defaultValue = NiqeModel.LIVE, description = "NIQE pristine model: 'live', a fitted model's name, or a .json file. Default: ${DEFAULT-VALUE}." )
	String niqeModel;

	@Override
	public Integer call()
	{
		if ( input == null )
			throw new RestoreException( "Give the image to score with --input (and the ground truth with --reference)." );
		final NiqeModel model = NiqeModel.resolve( niqeModel );
		final Evaluation evaluation = new Evaluation( reference == null ? null : ImageFiles.read( reference ), dataRange == null ? Double.NaN : dataRange, model );
		final Evaluation.Scores s = evaluation.evaluate( input.getFileName().toString(), ImageFiles.read( input ) );
		final JsonObject json = new JsonObject();
		final JsonArray notes = new JsonArray();
		s.notes().forEach( notes::add );
		if ( evaluation.hasReference() )
		{
			if ( Double.isInfinite( s.psnr() ) )
				notes.add( "the images are identical: PSNR is infinite" );
			put( json, "psnr", s.psnr() );
			put( json, "ssim", s.ssim() );
			put( json, "ms_ssim", s.msSsim() );
		}
		put( json, "niqe", s.niqe() );
		if ( evaluation.hasReference() )
			put( json, "rmse", s.rmse() );
		if ( !Double.isNaN( evaluation.dataRange() ) )
			put( json, "data_range", evaluation.dataRange() );
		json.addProperty( "niqe_model", model.name );
		if ( !notes.isEmpty() )
			json.add( "notes", notes );
		final PrintWriter out = spec.commandLine().getOut();
		out.println( new GsonBuilder().serializeNulls().create().toJson( json ) );
		out.flush();
		return 0;
	}

	private static void put( final JsonObject json, final String key, final double value )
	{
		json.addProperty( key, Double.isFinite( value ) ? value : null );
	}

	/** {@code metrics fit-niqe}: fits and saves a NIQE pristine model. */
	@Command( name = "fit-niqe", mixinStandardHelpOptions = true,
			description = "Fit a NIQE pristine model to a folder of clean images and save it, selectable by name with --niqe-model." )
	static final class FitNiqe implements Callable< Integer >
	{
		@Spec
		CommandSpec spec;

		@Option( names = "--images", required = true, description = "Folder of clean images (TIFF, PNG, JPEG), at least 192x192 pixels each." )
		Path images;

		@Option( names = "--name", required = true, description = "Name of the model." )
		String name;

		@Option( names = "--output", description = "Where to save it (.json file, or a folder for the CSV form). Default: <name>.json in ~/.restoregan/niqe-models." )
		Path output;

		@Override
		public Integer call() throws IOException
		{
			if ( !name.matches( "[A-Za-z0-9._-]+" ) || name.equals( NiqeModel.LIVE ) )
				throw new RestoreException( "Choose a model name of letters, digits, '.', '_' or '-', other than '" + NiqeModel.LIVE + "'." );
			final NiqeModel model = NiqeModel.fit( name, images );
			final Path file;
			if ( output == null )
				file = model.saveToUserDirectory();
			else
			{
				model.save( output );
				file = output;
			}
			final PrintWriter out = spec.commandLine().getOut();
			out.println( "NIQE model '" + name + "' (" + model.description + ") written to " + file );
			out.flush();
			return 0;
		}
	}
}
