package sc.fiji.restoregan.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import sc.fiji.restoregan.degrade.DegradationKind;
import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.train.CleanSource;
import sc.fiji.restoregan.train.DegradationPairSampler;
import sc.fiji.restoregan.train.ImageFolderSource;
import sc.fiji.restoregan.train.MicroscopySceneSource;
import sc.fiji.restoregan.train.PairExport;

/** {@code pairs}: exports training pairs (input and target TIFFs) for inspection. */
@Command( name = "pairs", mixinStandardHelpOptions = true, sortOptions = false,
		description = "Write N training pairs (NNNN-input.tif, NNNN-target.tif, pairs.tsv, recipe.json) as the trainer would see them." )
final class PairsCommand implements Callable< Integer >
{
	@Option( names = "--output-dir", required = true, description = "Folder to write into (created if needed)." )
	Path outputDir;

	@Option( names = "--count", defaultValue = "16", description = "Number of pairs. Default: ${DEFAULT-VALUE}." )
	int count;

	@Option( names = "--kind", defaultValue = "composite", description = "noise, blur, haze, streaks, lighting, lowres or composite. Default: ${DEFAULT-VALUE}." )
	String kind;

	@Option( names = "--fields", split = ",", description = "With --kind lighting: the illumination fields to draw from (vignette, gradient, smooth). Default: all three." )
	List< String > fields;

	@Option( names = "--scale", defaultValue = "1", description = "Low-resolution factor (lowres needs 2 to 4; composite may use one). Default: ${DEFAULT-VALUE}." )
	int scale;

	@Option( names = "--patch", defaultValue = "128", description = "Target patch side, px. Default: ${DEFAULT-VALUE}." )
	int patch;

	@Option( names = "--region", defaultValue = "192", description = "Clean region the degradation sees, px. Default: ${DEFAULT-VALUE}." )
	int region;

	@Option( names = "--clean", description = "Folder of clean images to crop from, besides the simulated scenes." )
	Path clean;

	@Option( names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}." )
	long seed;

	@Override
	public Integer call() throws Exception
	{
		if ( count < 1 )
			throw new RestoreException( "--count must be at least 1." );
		final List< CleanSource > sources = new ArrayList<>();
		sources.add( new MicroscopySceneSource() );
		if ( clean != null )
			sources.add( ImageFolderSource.of( clean, Set.of() ) );
		final DegradationPairSampler sampler;
		try
		{
			final DegradationKind k = DegradationKind.parse( kind );
			final ModelCard card = new ModelCard();
			final int effective = k == DegradationKind.LOWRES && scale == 1 ? 2 : scale;
			final DegradationPairSampler all = new DegradationPairSampler( sources, k, effective, seed, region, patch, new double[] { card.normalization.low, card.normalization.high } );
			sampler = fields == null ? all : all.fields( TrainingData.fields( fields ) );
		}
		catch ( final IllegalArgumentException e )
		{
			throw new RestoreException( e.getMessage(), e );
		}
		PairExport.write( sampler, count, outputDir );
		System.out.println( "Wrote " + count + " pairs to " + outputDir );
		return 0;
	}
}
