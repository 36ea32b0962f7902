package sc.fiji.restoregan.pipeline;

import java.util.Arrays;

import sc.fiji.restoregan.filter.ContextChannels;

/** Networks without weights, for testing the pipeline around them. */
final class FakeNetworks
{
	private FakeNetworks()
	{}

	/** The fixed parts of a fake network: block size, receptive field, device. */
	private abstract static class Fake implements PlaneNetwork
	{
		private final int block, radius;

		Fake( final int block, final int radius )
		{
			this.block = block;
			this.radius = radius;
		}

		@Override
		public int blockSize()
		{
			return block;
		}

		@Override
		public int receptiveFieldRadius()
		{
			return radius;
		}

		@Override
		public String describeDevice()
		{
			return "fake";
		}

		@Override
		public void close()
		{}
	}

	/** Returns its input (times 1) or nearest-neighbour upsampled by {@code scale}. */
	static PlaneNetwork identity( final int scale, final int block, final int radius )
	{
		return new Fake( block, radius )
		{
			int calls;

			@Override
			public float[] process( final float[] tile, final int height, final int width )
			{
				calls++;
				final float[] out = new float[ tile.length * scale * scale ];
				for ( int y = 0; y < height * scale; y++ )
					for ( int x = 0; x < width * scale; x++ )
						out[ y * width * scale + x ] = tile[ ( y / scale ) * width + x / scale ];
				return out;
			}

			@Override
			public int scale()
			{
				return scale;
			}

			@Override
			public String toString()
			{
				return "identity, " + calls + " calls";
			}
		};
	}

	/** Returns {@code gain * x + offset} of its (normalised) input: a model whose output has another intensity scale. */
	static PlaneNetwork affine( final float gain, final float offset, final int block, final int radius )
	{
		return new Fake( block, radius )
		{
			@Override
			public float[] process( final float[] tile, final int height, final int width )
			{
				final float[] out = new float[ tile.length ];
				for ( int i = 0; i < out.length; i++ )
					out[ i ] = gain * tile[ i ] + offset;
				return out;
			}
		};
	}

	/**
	 * Sees {@code context} beside the image and returns plane {@code channel}
	 * of each tile (0: the image, 1: the first context channel, ...).
	 */
	static PlaneNetwork channel( final ContextChannels context, final int channel, final int block, final int radius )
	{
		return new Fake( block, radius )
		{
			@Override
			public float[] process( final float[] tile, final int height, final int width )
			{
				if ( tile.length != ( 1 + context.count() ) * height * width )
					throw new IllegalArgumentException( "expected the image and " + context.count() + " context planes" );
				return Arrays.copyOfRange( tile, channel * height * width, ( channel + 1 ) * height * width );
			}

			@Override
			public ContextChannels context()
			{
				return context;
			}
		};
	}
}
