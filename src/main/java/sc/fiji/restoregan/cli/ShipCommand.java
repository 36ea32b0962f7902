package sc.fiji.restoregan.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.model.ModelShipping;

/**
 * {@code ship}: puts a training run's model into the models folder with its
 * recipe kept whole (see {@link ModelShipping}).
 */
@Command( name = "ship", mixinStandardHelpOptions = true,
		description = { "Put a training run's exported model into the models folder: a new model, a continuation of one (--init from it: name, description and twin kept, commands chained, steps summed), a GAN twin (--twin-of: checked to descend from the faithful model, which then names it) or a partner (--partner-of: a model whose outputs are averaged with this one's, which then names it), or with --replace a new architecture in a model's place.",
				"Scores are cleared; measure them with quality --update-card." } )
final class ShipCommand implements Callable< Integer >
{
	@Option( names = "--run", required = true, description = "Run folder written by train --out." )
	Path run;

	@Option( names = "--as", required = true, description = "Model name (and folder in --models)." )
	String name;

	@Option( names = "--description", description = "One or two sentences for users; required for a new model, replaces the old one otherwise." )
	String description;

	@Option( names = "--twin-of", description = "The faithful model this is the GAN twin of; its card then names this one as realismTwin." )
	String twinOf;

	@Option( names = "--partner-of", description = "The model whose outputs this one's are to be averaged with (same task and normalisation); its card then names this one as meanWith." )
	String partnerOf;

	@Option( names = "--replace", description = "Let a model of another architecture, trained from scratch, take the place of the one named --as (description, twin and self-ensemble kept; retrain the twin)." )
	boolean replace;

	@Option( names = "--alone", description = "The model runs alone: a model it replaces or continues may have had a partner (meanWith), which it does not keep." )
	boolean alone;

	@Option( names = "--models", defaultValue = "models", description = "Models folder. Default: ${DEFAULT-VALUE}." )
	Path models;

	@Override
	public Integer call() throws Exception
	{
		final String command = "java -jar target/restoregan.jar ship --run " + run + " --as " + name + ( twinOf == null ? "" : " --twin-of " + twinOf )
				+ ( partnerOf == null ? "" : " --partner-of " + partnerOf ) + ( replace ? " --replace" : "" ) + ( alone ? " --alone" : "" );
		final ModelCard card = ModelShipping.ship( run, models, name, description, twinOf, partnerOf, replace, alone, command );
		System.out.println( "Shipped " + models.resolve( name ) + " (sha256 " + card.weights.sha256 + ", " + card.training.get( "steps" ) + " steps"
				+ ( card.training.has( "stepsInAll" ) ? ", " + card.training.get( "stepsInAll" ) + " in all" : "" ) + ")"
				+ ( twinOf == null ? "" : "; " + twinOf + " names it as its realism twin" ) + ( partnerOf == null ? "" : "; " + partnerOf + " is now averaged with it" ) + "." );
		final String stale = ModelShipping.staleTwin( models, card );
		if ( stale != null )
			System.out.println( "Note: its twin " + stale + " was fine-tuned from earlier weights; retrain it with --init " + models.resolve( name )
					+ " and ship it with --twin-of " + name + " before using realism above 0." );
		noteStaleSharers( models, name, card.weights.sha256 );
		return 0;
	}

	/**
	 * Prints a note for each model that shares {@code name}'s weights but
	 * names other weights than {@code sha256} ({@link ModelShipping#staleSharers}),
	 * after {@code name}'s weights changed.
	 */
	static void noteStaleSharers( final Path models, final String name, final String sha256 ) throws IOException
	{
		for ( final String sharer : ModelShipping.staleSharers( models, name, sha256 ) )
			System.out.println( "Note: " + sharer + " shares the weights of " + name + " and will not load until it is shipped again (illumination ship ... --as " + sharer
					+ " --restorer " + name + "), then scored again." );
	}
}
