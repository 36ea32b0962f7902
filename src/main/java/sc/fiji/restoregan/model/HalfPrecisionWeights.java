package sc.fiji.restoregan.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import sc.fiji.restoregan.nn.GeneratorArchitecture;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.train.InitialWeights;

/**
 * Shipped weights in half precision: half the bytes of DJL's float32
 * parameter file, so that more models fit the 40 MB of {@code models/}.
 * The network still runs in float32: the halves are widened when the model
 * is loaded ({@link ModelStore#load}), which changes a restored image by
 * far less than the models' errors ({@code docs/decisions.md}).
 * <p>
 * The file is {@code RGH1}, the number of parameters, then for each in the
 * block's order its name, rank, dimensions and values as big-endian halves.
 */
public final class HalfPrecisionWeights
{
	/** The card's {@link ModelCard.Weights#encoding} for this format. */
	public static final String ENCODING = "float16";

	private static final byte[] MAGIC = "RGH1".getBytes( StandardCharsets.US_ASCII );

	private HalfPrecisionWeights()
	{}

	/**
	 * DJL parameters (float32) of a model of {@code architecture} rewritten
	 * in half precision.
	 */
	public static byte[] encode( final GeneratorArchitecture architecture, final byte[] parameters )
	{
		try ( NDManager manager = NDManager.newBaseManager( Device.cpu(), "PyTorch" ) )
		{
			final Block block = architecture.newInitializedBlock( manager );
			InitialWeights.load( block, parameters, manager );
			final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try ( DataOutputStream out = new DataOutputStream( bytes ) )
			{
				out.write( MAGIC );
				out.writeInt( block.getParameters().size() );
				for ( final Pair< String, Parameter > p : block.getParameters() )
				{
					final NDArray array = p.getValue().getArray();
					out.writeUTF( p.getKey() );
					final long[] shape = array.getShape().getShape();
					out.writeByte( shape.length );
					for ( final long d : shape )
						out.writeInt( ( int ) d );
					for ( final float v : array.toFloatArray() )
						out.writeShort( Float16.fromFloat( v ) );
				}
			}
			return bytes.toByteArray();
		}
		catch ( final IOException e )
		{
			throw new IllegalStateException( "Cannot serialise parameters", e );
		}
	}

	/**
	 * Half-precision weights read back into DJL's float32 parameter format
	 * for a model of {@code architecture}.
	 *
	 * @throws RestoreException when they are not in this format or do not
	 *             fit the architecture
	 */
	public static byte[] decode( final GeneratorArchitecture architecture, final byte[] half )
	{
		try ( NDManager manager = NDManager.newBaseManager( Device.cpu(), "PyTorch" );
				DataInputStream in = new DataInputStream( new ByteArrayInputStream( half ) ) )
		{
			final Block block = architecture.newInitializedBlock( manager );
			final byte[] magic = new byte[ MAGIC.length ];
			in.readFully( magic );
			if ( !Arrays.equals( magic, MAGIC ) )
				throw new RestoreException( "the weights are not half-precision parameters (no " + new String( MAGIC, StandardCharsets.US_ASCII ) + " header)" );
			final int count = in.readInt();
			if ( count != block.getParameters().size() )
				throw new RestoreException( count + " parameters instead of " + block.getParameters().size() );
			for ( final Pair< String, Parameter > p : block.getParameters() )
			{
				final NDArray array = p.getValue().getArray();
				final String name = in.readUTF();
				final long[] shape = new long[ in.readUnsignedByte() ];
				for ( int d = 0; d < shape.length; d++ )
					shape[ d ] = in.readInt();
				if ( !name.equals( p.getKey() ) || !new Shape( shape ).equals( array.getShape() ) )
					throw new RestoreException( "parameter " + name + " " + new Shape( shape ) + " where the architecture has " + p.getKey() + " " + array.getShape() );
				final float[] values = new float[ Math.toIntExact( array.size() ) ];
				for ( int i = 0; i < values.length; i++ )
					values[ i ] = Float16.toFloat( in.readShort() );
				array.set( values );
			}
			if ( in.available() > 0 )
				throw new RestoreException( in.available() + " bytes after the last parameter" );
			return ModelStore.parameters( block );
		}
		catch ( final IOException e )
		{
			throw new RestoreException( "the half-precision weights end early (" + e.getMessage() + ")", e );
		}
	}

}
