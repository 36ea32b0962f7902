package sc.fiji.restoregan.nn;

import java.lang.reflect.Type;

import com.google.gson.JsonDeserializationContext;
import com.google.gson.JsonDeserializer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonSerializationContext;
import com.google.gson.JsonSerializer;

/**
 * Reads and writes a {@link GeneratorArchitecture} as the JSON object of its
 * concrete configuration, choosing the class from the object's {@code type}
 * (absent: U-Net).
 */
final class ArchitectureJson implements JsonSerializer< GeneratorArchitecture >, JsonDeserializer< GeneratorArchitecture >
{
	@Override
	public JsonElement serialize( final GeneratorArchitecture src, final Type typeOfSrc, final JsonSerializationContext context )
	{
		return context.serialize( src, src.getClass() );
	}

	@Override
	public GeneratorArchitecture deserialize( final JsonElement json, final Type typeOfT, final JsonDeserializationContext context )
	{
		if ( !json.isJsonObject() )
			throw new JsonParseException( "An architecture must be a JSON object, not " + json );
		final JsonObject object = json.getAsJsonObject();
		final JsonElement type = object.get( "type" );
		try
		{
			final GeneratorKind kind = GeneratorKind.ofType( type == null || type.isJsonNull() ? null : type.getAsString() );
			return context.deserialize( object, kind.defaults().getClass() );
		}
		catch ( final IllegalArgumentException e )
		{
			throw new JsonParseException( e.getMessage(), e );
		}
	}
}
