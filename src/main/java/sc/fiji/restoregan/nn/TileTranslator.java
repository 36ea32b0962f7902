package sc.fiji.restoregan.nn;

import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

import sc.fiji.restoregan.bridge.TensorBridge;

/** Feeds a {@link Tile} to a network and reads its output back as floats. */
public final class TileTranslator implements NoBatchifyTranslator< Tile, float[] >
{
	@Override
	public NDList processInput( final TranslatorContext ctx, final Tile tile )
	{
		return new NDList( TensorBridge.toTensor( ctx.getNDManager(), tile.data(), 1, tile.channels(), tile.height(), tile.width() ) );
	}

	@Override
	public float[] processOutput( final TranslatorContext ctx, final NDList list )
	{
		return TensorBridge.fromTensor( list.singletonOrThrow() );
	}
}
