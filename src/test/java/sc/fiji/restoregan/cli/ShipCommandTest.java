package sc.fiji.restoregan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.model.ModelRegistry;
import sc.fiji.restoregan.model.ModelShipping;
import sc.fiji.restoregan.model.ModelSource;
import sc.fiji.restoregan.model.ModelStore;

class ShipCommandTest
{
	@TempDir
	Path dir;

	private static final String[] TINY = { "train", "--batch", "2", "--patch", "32", "--seed", "3" };

	@Test
	void shipsANewModelItsContinuationAndItsTwin() throws Exception
	{
		final Path models = dir.resolve( "models" ), first = dir.resolve( "first" ), second = dir.resolve( "second" ), gan = dir.resolve( "gan" );
		Files.createDirectories( models );
		Files.writeString( models.resolve( "models.json" ), "[\n  \"other\"\n]\n" );
		assertEquals( 0, Main.run( TrainCommandTest.concat( TINY, "--steps", "3", "--filters", "4", "--depth", "1", "--out", first.toString() ) ) );
		// a new model needs a description
		assertEquals( 2, Main.run( "ship", "--run", first.toString(), "--as", "tiny", "--models", models.toString() ) );
		assertEquals( 0, Main.run( "ship", "--run", first.toString(), "--as", "tiny", "--description", "A tiny denoiser.", "--models", models.toString() ) );
		final ModelCard shipped = card( models.resolve( "tiny" ) );
		assertEquals( "tiny", shipped.name );
		assertEquals( "A tiny denoiser.", shipped.description );
		assertTrue( Files.readString( models.resolve( "models.json" ) ).contains( "\"other\"" ) );
		assertTrue( Files.readString( models.resolve( "models.json" ) ).contains( "\"tiny\"" ) );
		assertTrue( shipped.training.get( "command" ).getAsString().endsWith( "ship --run " + first + " --as tiny" ) );
		assertEquals( 1, shipped.ensemble );
		// the default self-ensemble is set on the shipped card, checked, and kept by continuations (below)
		assertEquals( 0, Main.run( "models", "--set-ensemble", "tiny=8", "--models", models.toString() ) );
		assertEquals( 8, card( models.resolve( "tiny" ) ).ensemble );
		assertEquals( shipped.weights.sha256, card( models.resolve( "tiny" ) ).weights.sha256 );
		assertEquals( 2, Main.run( "models", "--set-ensemble", "tiny=3", "--models", models.toString() ) );
		assertEquals( 2, Main.run( "models", "--set-ensemble", "nothing=8", "--models", models.toString() ) );
		assertEquals( 8, card( models.resolve( "tiny" ) ).ensemble );
		// as if trained before cards recorded the output fit: continuations and twins keep it
		final ModelCard marked = card( models.resolve( "tiny" ) );
		marked.normalization.output = ModelCard.Normalization.LEAST_SQUARES;
		ModelStore.writeCard( models.resolve( "tiny" ), marked );

		// a twin must descend from the faithful model's current weights
		assertEquals( 0, Main.run( TrainCommandTest.concat( TINY, "--steps", "2", "--gan", "ralsgan", "--disc-filters", "4", "--init", models.resolve( "tiny" ).toString(), "--out", gan.toString() ) ) );
		// continuing the faithful model changes its weights ...
		assertEquals( 0, Main.run( TrainCommandTest.concat( TINY, "--steps", "4", "--lr", "2e-4", "--init", models.resolve( "tiny" ).toString(), "--out", second.toString() ) ) );
		assertEquals( 0, Main.run( "ship", "--run", second.toString(), "--as", "tiny", "--models", models.toString() ) );
		final ModelCard continued = card( models.resolve( "tiny" ) );
		assertEquals( "A tiny denoiser.", continued.description );
		assertEquals( 8, continued.ensemble );
		assertTrue( continued.normalization.fitsOutputToInput() );
		assertEquals( 7, continued.training.get( "stepsInAll" ).getAsLong() );
		assertEquals( 3, continued.training.getAsJsonObject( "before" ).get( "steps" ).getAsLong() );
		final String chain = continued.training.get( "command" ).getAsString();
		// the earlier recipe, then the continuation started from the earlier run's folder (the shipped folder is overwritten)
		assertTrue( chain.contains( "--steps 3" ) && chain.contains( "--init " + first ) && !chain.contains( "--init " + models.resolve( "tiny" ) ), chain );
		assertEquals( 1, chain.split( " ship " ).length - 1, chain );
		assertNull( continued.realismTwin );
		// ... so the twin trained from the old weights is refused
		assertEquals( 2, Main.run( "ship", "--run", gan.toString(), "--as", "tiny-gan", "--description", "twin", "--twin-of", "tiny", "--models", models.toString() ) );
		assertTrue( !Files.exists( models.resolve( "tiny-gan" ) ) );
		// a twin trained from the new weights ships, and the faithful card names it
		assertEquals( 0, Main.run( TrainCommandTest.concat( TINY, "--steps", "2", "--gan", "ralsgan", "--disc-filters", "4", "--init", models.resolve( "tiny" ).toString(), "--out", dir.resolve( "gan2" ).toString() ) ) );
		assertEquals( 0, Main.run( "ship", "--run", dir.resolve( "gan2" ).toString(), "--as", "tiny-gan", "--description", "twin", "--twin-of", "tiny", "--models", models.toString() ) );
		assertEquals( "tiny-gan", card( models.resolve( "tiny" ) ).realismTwin );
		assertTrue( card( models.resolve( "tiny-gan" ) ).normalization.fitsOutputToInput() );
		assertTrue( ModelShipping.startedFrom( card( models.resolve( "tiny-gan" ) ), card( models.resolve( "tiny" ) ) ) );
		assertEquals( continued.weights.sha256, card( models.resolve( "tiny" ) ).weights.sha256 );
		assertEquals( 0, card( models.resolve( "tiny-gan" ) ).scores.size() );
		assertNull( ModelShipping.staleTwin( models, card( models.resolve( "tiny" ) ) ) );
		// continuing the faithful model again leaves its twin behind, which ship points out
		assertEquals( 0, Main.run( TrainCommandTest.concat( TINY, "--steps", "2", "--init", models.resolve( "tiny" ).toString(), "--out", dir.resolve( "third" ).toString() ) ) );
		assertEquals( 0, Main.run( "ship", "--run", dir.resolve( "third" ).toString(), "--as", "tiny", "--models", models.toString() ) );
		assertEquals( "tiny-gan", ModelShipping.staleTwin( models, card( models.resolve( "tiny" ) ) ) );
		assertEquals( 9, card( models.resolve( "tiny" ) ).training.get( "stepsInAll" ).getAsLong() );
	}

	/**
	 * A partner (--partner-of) ships beside its model, which then names it
	 * and is loaded averaged with it; continuations keep it, and a partner
	 * that restores another task is refused.
	 */
	@Test
	void shipsAPartnerThatItsModelIsAveragedWith() throws Exception
	{
		final Path models = dir.resolve( "models" );
		Files.createDirectories( models );
		Files.writeString( models.resolve( "models.json" ), "[]\n" );
		final String[] lighting = TrainCommandTest.concat( TINY, "--task", "lighting", "--degradation", "lighting", "--steps", "2", "--filters", "4", "--depth", "1", "--context", "4" );
		assertEquals( 0, Main.run( TrainCommandTest.concat( lighting, "--out", dir.resolve( "main" ).toString() ) ) );
		assertEquals( 0, Main.run( "ship", "--run", dir.resolve( "main" ).toString(), "--as", "tiny", "--description", "A tiny model.", "--models", models.toString() ) );
		// trained as the partner of the shipped model: the loss is on the mean of the two outputs, so the weights differ from a run alone
		final String[] surfaces = TrainCommandTest.concat( lighting, "--context-surfaces", "1" );
		assertEquals( 0, Main.run( TrainCommandTest.concat( surfaces, "--out", dir.resolve( "surfaces-alone" ).toString() ) ) );
		assertEquals( 0, Main.run( TrainCommandTest.concat( surfaces, "--partner-of", models.resolve( "tiny" ).toString(), "--out", dir.resolve( "surfaces" ).toString() ) ) );
		assertTrue( Files.mismatch( dir.resolve( "surfaces" ).resolve( "generator.params" ), dir.resolve( "surfaces-alone" ).resolve( "generator.params" ) ) >= 0 );
		// a model that sees other context channels cannot be the fixed half of the mean, nor can a GAN be trained so
		assertEquals( 2, Main.run( TrainCommandTest.concat( TINY, "--task", "lighting", "--degradation", "lighting", "--steps", "2", "--filters", "4", "--depth", "1", "--context", "8",
				"--partner-of", models.resolve( "tiny" ).toString(), "--out", dir.resolve( "other" ).toString() ) ) );
		assertEquals( 2, Main.run( TrainCommandTest.concat( surfaces, "--gan", "ralsgan", "--partner-of", models.resolve( "tiny" ).toString(), "--out", dir.resolve( "gan" ).toString() ) ) );
		final String[] denoise = TrainCommandTest.concat( TINY, "--steps", "2", "--filters", "4", "--depth", "1", "--out", dir.resolve( "denoiser" ).toString() );
		assertEquals( 0, Main.run( denoise ) );
		// nor can a model of another task (a denoiser sees no context channels, the first of any network's)
		assertEquals( 2, Main.run( TrainCommandTest.concat( surfaces, "--partner-of", dir.resolve( "denoiser" ).toString(), "--out", dir.resolve( "task" ).toString() ) ) );
		assertEquals( 2, Main.run( "ship", "--run", dir.resolve( "denoiser" ).toString(), "--as", "tiny-b", "--description", "b", "--partner-of", "tiny", "--models", models.toString() ) );
		assertNull( card( models.resolve( "tiny" ) ).meanWith );
		assertEquals( 0, Main.run( "ship", "--run", dir.resolve( "surfaces" ).toString(), "--as", "tiny-b", "--description", "b", "--partner-of", "tiny", "--models", models.toString() ) );
		assertEquals( "tiny-b", card( models.resolve( "tiny" ) ).meanWith );
		assertNull( card( models.resolve( "tiny-b" ) ).meanWith );
		assertEquals( "tiny-b", ModelRegistry.load( models.resolve( "tiny" ).toString() ).partner().card().name );
		// a continuation keeps the partner
		assertEquals( 0, Main.run( TrainCommandTest.concat( lighting, "--init", models.resolve( "tiny" ).toString(), "--out", dir.resolve( "more" ).toString() ) ) );
		assertEquals( 0, Main.run( "ship", "--run", dir.resolve( "more" ).toString(), "--as", "tiny", "--models", models.toString() ) );
		assertEquals( "tiny-b", card( models.resolve( "tiny" ) ).meanWith );
		// a model shipped to run alone drops it, and cannot be a partner itself
		assertEquals( 2, Main.run( "ship", "--run", dir.resolve( "surfaces" ).toString(), "--as", "tiny", "--replace", "--alone", "--partner-of", "tiny-b", "--models", models.toString() ) );
		assertEquals( 0, Main.run( "ship", "--run", dir.resolve( "surfaces" ).toString(), "--as", "tiny", "--replace", "--alone", "--models", models.toString() ) );
		assertNull( card( models.resolve( "tiny" ) ).meanWith );
		assertEquals( null, ModelRegistry.load( models.resolve( "tiny" ).toString() ).partner() );
	}

	/**
	 * A run that widened the model (--context) ships over it as a
	 * continuation; another architecture trained from scratch does not.
	 */
	@Test
	void aWidenedContinuationReplacesItsModel() throws Exception
	{
		final Path models = dir.resolve( "models" ), first = dir.resolve( "first" ), wide = dir.resolve( "wide" ), other = dir.resolve( "other" );
		Files.createDirectories( models );
		Files.writeString( models.resolve( "models.json" ), "[]\n" );
		final String[] lighting = TrainCommandTest.concat( TINY, "--task", "lighting", "--degradation", "lighting", "--steps", "2" );
		assertEquals( 0, Main.run( TrainCommandTest.concat( lighting, "--filters", "4", "--depth", "1", "--out", first.toString() ) ) );
		assertEquals( 0, Main.run( "ship", "--run", first.toString(), "--as", "tiny", "--description", "A tiny model.", "--models", models.toString() ) );
		final String[] twin = TrainCommandTest.concat( lighting, "--gan", "ralsgan", "--disc-filters", "4", "--init", models.resolve( "tiny" ).toString() );
		assertEquals( 0, Main.run( TrainCommandTest.concat( twin, "--out", dir.resolve( "gan" ).toString() ) ) );
		assertEquals( 0, Main.run( "ship", "--run", dir.resolve( "gan" ).toString(), "--as", "tiny-gan", "--description", "twin", "--twin-of", "tiny", "--models", models.toString() ) );
		assertEquals( 0, Main.run( TrainCommandTest.concat( lighting, "--filters", "4", "--depth", "1", "--context", "4", "--out", other.toString() ) ) );
		assertEquals( 2, Main.run( "ship", "--run", other.toString(), "--as", "tiny", "--models", models.toString() ) );
		assertEquals( 1, card( models.resolve( "tiny" ) ).architecture.inChannels() );
		assertEquals( 0, Main.run( TrainCommandTest.concat( lighting, "--context", "4", "--init", models.resolve( "tiny" ).toString(), "--out", wide.toString() ) ) );
		assertEquals( 0, Main.run( "ship", "--run", wide.toString(), "--as", "tiny", "--models", models.toString() ) );
		final ModelCard widened = card( models.resolve( "tiny" ) );
		assertEquals( 3, widened.architecture.inChannels() );
		assertEquals( 4, widened.training.get( "stepsInAll" ).getAsLong() );
		assertEquals( "A tiny model.", widened.description );
		// the old twin no longer fits; a twin of the widened model replaces it
		assertEquals( "tiny-gan", ModelShipping.staleTwin( models, widened ) );
		assertEquals( 0, Main.run( TrainCommandTest.concat( twin, "--out", dir.resolve( "gan2" ).toString() ) ) );
		assertEquals( 0, Main.run( "ship", "--run", dir.resolve( "gan2" ).toString(), "--as", "tiny-gan", "--twin-of", "tiny", "--models", models.toString() ) );
		assertEquals( 3, card( models.resolve( "tiny-gan" ) ).architecture.inChannels() );
		assertNull( ModelShipping.staleTwin( models, card( models.resolve( "tiny" ) ) ) );

		// with --replace another architecture takes the model's place: a new recipe, name, description and twin kept
		final Path wider = dir.resolve( "wider" );
		assertEquals( 0, Main.run( TrainCommandTest.concat( lighting, "--filters", "6", "--depth", "1", "--context", "4", "--out", wider.toString() ) ) );
		assertEquals( 2, Main.run( "ship", "--run", wider.toString(), "--as", "tiny", "--models", models.toString() ) );
		assertEquals( 0, Main.run( "models", "--set-ensemble", "tiny=4", "--models", models.toString() ) );
		assertEquals( 0, Main.run( "ship", "--run", wider.toString(), "--as", "tiny", "--replace", "--models", models.toString() ) );
		final ModelCard replaced = card( models.resolve( "tiny" ) );
		assertTrue( replaced.sameArchitecture( card( wider ) ) && !replaced.sameArchitecture( widened ) );
		// shipped weights are the run's, rounded to half precision
		assertTrue( replaced.weights.halfPrecision() && !card( wider ).weights.halfPrecision() );
		assertEquals( card( wider ).weights.sha256, replaced.weights.halvedFrom );
		assertEquals( "A tiny model.", replaced.description );
		assertEquals( 4, replaced.ensemble );
		assertEquals( 2, replaced.training.get( "steps" ).getAsLong() );
		assertTrue( !replaced.training.has( "stepsInAll" ) && !replaced.training.has( "before" ) );
		assertTrue( replaced.training.get( "command" ).getAsString().endsWith( "ship --run " + wider + " --as tiny --replace" ) );
		assertEquals( "tiny-gan", ModelShipping.staleTwin( models, replaced ) );

		// a run started from other run folders records their commands before its own, back to the first step
		final Path further = dir.resolve( "further" ), furthest = dir.resolve( "furthest" );
		assertEquals( 0, Main.run( TrainCommandTest.concat( lighting, "--init", wider.toString(), "--out", further.toString() ) ) );
		assertEquals( 0, Main.run( TrainCommandTest.concat( lighting, "--lr", "2e-4", "--init", further.toString(), "--out", furthest.toString() ) ) );
		assertEquals( 0, Main.run( "ship", "--run", furthest.toString(), "--as", "tiny", "--replace", "--models", models.toString() ) );
		final ModelCard chained = card( models.resolve( "tiny" ) );
		final String[] commands = chained.training.get( "command" ).getAsString().split( " && " );
		assertEquals( 4, commands.length, String.join( "\n", commands ) );
		assertTrue( commands[ 0 ].contains( "--out " + wider ) && !commands[ 0 ].contains( "--init" ), commands[ 0 ] );
		assertTrue( commands[ 1 ].contains( "--init " + wider ) && commands[ 1 ].contains( "--out " + further ), commands[ 1 ] );
		assertTrue( commands[ 2 ].contains( "--init " + further ) && commands[ 2 ].contains( "--out " + furthest ), commands[ 2 ] );
		assertTrue( commands[ 3 ].startsWith( "java -jar target/restoregan.jar ship --run " + furthest ), commands[ 3 ] );
		assertEquals( 2 + 2 + 2, chained.training.get( "stepsInAll" ).getAsLong() );
		assertEquals( 2, chained.training.getAsJsonObject( "before" ).get( "steps" ).getAsLong() );
		// a folder whose card already records the chain ships with it as it is, not chained twice
		final Path kept = dir.resolve( "kept" );
		Files.createDirectories( kept );
		for ( final String file : new String[] { ModelSource.CARD, chained.weights.file } )
			Files.copy( models.resolve( "tiny" ).resolve( file ), kept.resolve( file ) );
		assertEquals( 0, Main.run( "ship", "--run", kept.toString(), "--as", "tiny-kept", "--description", "kept", "--models", models.toString() ) );
		final String[] again = card( models.resolve( "tiny-kept" ) ).training.get( "command" ).getAsString().split( " && " );
		assertEquals( 4, again.length, String.join( "\n", again ) );
		assertTrue( again[ 3 ].startsWith( "java -jar target/restoregan.jar ship --run " + kept ), again[ 3 ] );
		assertEquals( 6, card( models.resolve( "tiny-kept" ) ).training.get( "stepsInAll" ).getAsLong() );
	}

	private static ModelCard card( final Path folder )
	{
		return ModelStore.load( ModelSource.directory( folder ) ).card();
	}
}
