package sc.fiji.restoregan.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.model.ModelRegistry;
import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.model.StoredModel;

/** {@code models}: lists the shipped models with their scores. */
@Command( name = "models", mixinStandardHelpOptions = true, description = "List the shipped models, their architecture and measured scores." )
final class ModelsCommand implements Callable< Integer >
{
	@Override
	public Integer call()
	{
		for ( final String name : ModelRegistry.shipped() )
		{
			final StoredModel model = ModelStore.load( ModelRegistry.resolve( name ) );
			final ModelCard card = model.card();
			System.out.println( card.name + "  (task " + card.task + ", " + card.architecture + ", " + card.weights.bytes / 1024 + " KiB, checksum ok)" );
			if ( card.description != null )
				System.out.println( "  " + card.description );
			card.scores.entrySet().forEach( e -> System.out.println( "  " + e.getKey() + ": " + e.getValue() ) );
		}
		return 0;
	}
}
