package sc.fiji.restoregan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

import sc.fiji.restoregan.TestModels;
import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.model.ModelSource;
import sc.fiji.restoregan.model.ModelStore;
import sc.fiji.restoregan.model.StoredModel;
import sc.fiji.restoregan.pipeline.RestoreException;

class QualityScoresTest
{
	@Test
	void scoresGoIntoTheCardAsItIsWhenTheBenchmarkEnds( @TempDir final Path dir ) throws Exception
	{
		final Path folder = dir.resolve( "tiny" );
		TestModels.saveTiny( folder, 1 );
		final StoredModel measured = ModelStore.load( ModelSource.directory( folder ) );
		// while the benchmark runs, another run adds its scores and ship names a twin
		final ModelCard meanwhile = ModelStore.readCard( ModelSource.directory( folder ) );
		meanwhile.realismTwin = "tiny-gan";
		meanwhile.scores.add( "otherBenchmark", new JsonObject() );
		ModelStore.writeCard( folder, meanwhile );
		final JsonObject summary = new JsonObject();
		summary.addProperty( "gainOverBestClassical", 1.5 );
		QualityCommand.addScores( folder, measured, "denoiseBenchmark", summary );
		final ModelCard after = ModelStore.readCard( ModelSource.directory( folder ) );
		assertEquals( "tiny-gan", after.realismTwin );
		assertTrue( after.scores.has( "otherBenchmark" ) );
		assertEquals( 1.5, after.scores.getAsJsonObject( "denoiseBenchmark" ).get( "gainOverBestClassical" ).getAsDouble() );
		// new weights shipped meanwhile: the old weights' scores are not written into their card
		TestModels.saveTiny( folder, 2 );
		assertThrows( RestoreException.class, () -> QualityCommand.addScores( folder, measured, "denoiseBenchmark", summary ) );
	}

	@Test
	void scoresOfAModelWithAPartnerNameThePartnersWeights( @TempDir final Path dir ) throws Exception
	{
		final Path folder = dir.resolve( "tiny" );
		final ModelCard card = TestModels.saveTiny( folder, 1 );
		card.meanWith = "partner";
		ModelStore.writeCard( folder, card );
		final ModelCard partner = TestModels.saveTiny( dir.resolve( "partner" ), 2 );
		final StoredModel measured = ModelStore.load( ModelSource.directory( folder ) );
		QualityCommand.addScores( folder, measured, "denoiseBenchmark", new JsonObject() );
		final String averaged = ModelStore.readCard( ModelSource.directory( folder ) ).scores.getAsJsonObject( "denoiseBenchmark" ).get( "averagedWith" ).getAsString();
		assertEquals( "tiny (weights sha256 " + partner.weights.sha256 + ")", averaged );
		// the partner dropped meanwhile: the scores no longer describe the model
		final ModelCard alone = ModelStore.readCard( ModelSource.directory( folder ) );
		alone.meanWith = null;
		ModelStore.writeCard( folder, alone );
		assertThrows( RestoreException.class, () -> QualityCommand.addScores( folder, measured, "denoiseBenchmark", new JsonObject() ) );
	}
}
