package sc.fiji.restoregan.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.model.ModelRegistry;
import sc.fiji.restoregan.model.ModelShipping;
import sc.fiji.restoregan.model.ModelSource;
import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.model.StoredModel;

/** {@code models}: lists the shipped models with their scores, or sets a model's default self-ensemble. */
@Command( name = "models", mixinStandardHelpOptions = true, description = "List the shipped models, their architecture, default self-ensemble and measured scores." )
final class ModelsCommand implements Callable< Integer >
{
	@Option( names = "--set-ensemble", description = "NAME=N: make model NAME in --models run with a self-ensemble of N (1, 2, 4 or 8) unless the user picks another; rebuild the jar to ship it." )
	Map< String, Integer > setEnsemble;

	@Option( names = "--models", defaultValue = "models", description = "Models folder that --set-ensemble and --half edit. Default: ${DEFAULT-VALUE}." )
	Path models;

	@Option( names = "--half", description = "Rewrite the weights of every model in --models that is still in float32 in half precision (half the bytes; the networks still run in float32); rebuild the jar to ship them." )
	boolean half;

	@Override
	public Integer call() throws IOException
	{
		if ( setEnsemble != null )
		{
			for ( final Map.Entry< String, Integer > e : setEnsemble.entrySet() )
			{
				ModelShipping.setEnsemble( models, e.getKey(), e.getValue() );
				System.out.println( "Model " + models.resolve( e.getKey() ) + " now runs with a self-ensemble of " + e.getValue() + " by default." );
			}
			return 0;
		}
		if ( half )
		{
			for ( final String name : ModelShipping.listed( models ) )
				if ( ModelShipping.halve( models, name ) )
				{
					final ModelCard.Weights weights = ModelStore.readCard( ModelSource.directory( models.resolve( name ) ) ).weights;
					System.out.println( "Model " + models.resolve( name ) + " now holds half-precision weights (" + weights.bytes + " bytes)." );
					ShipCommand.noteStaleSharers( models, name, weights.sha256 );
				}
			return 0;
		}
		for ( final String name : ModelRegistry.shipped() )
		{
			final StoredModel model = ModelStore.load( ModelRegistry.resolve( name ) );
			final ModelCard card = model.card();
			System.out.println( card.name + "  (task " + card.task + ", " + card.architecture + ", " + card.ownBytes() / 1024 + " KiB, checksum ok"
					+ ( card.ensemble > 1 ? ", self-ensemble " + card.ensemble : "" ) + ( card.meanWith == null ? "" : ", averaged with " + card.meanWith )
					+ ( card.illumination == null ? "" : ", after estimating each plane's illumination" ) + ( card.weights.sharedWith == null ? "" : ", the weights of " + card.weights.sharedWith ) + ")" );
			if ( card.description != null )
				System.out.println( "  " + card.description );
			card.scores.entrySet().forEach( e -> System.out.println( "  " + e.getKey() + ": " + e.getValue() ) );
		}
		return 0;
	}
}
