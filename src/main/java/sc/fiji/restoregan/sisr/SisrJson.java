package sc.fiji.restoregan.sisr;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

/** The JSON form of single-image settings and model descriptions. */
final class SisrJson
{
	static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

	private SisrJson()
	{}
}
