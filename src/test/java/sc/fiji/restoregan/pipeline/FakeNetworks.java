package sc.fiji.restoregan.pipeline;

/** Networks without weights, for testing the pipeline around them. */
final class FakeNetworks
{
	private FakeNetworks()
	{}

	/** Returns its input (times 1) or nearest-neighbour upsampled by {@code scale}. */
	static PlaneNetwork identity( final int scale, final int block, final int radius )
	{
		return new PlaneNetwork()
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

			@Override
			public String toString()
			{
				return "identity, " + calls + " calls";
			}
		};
	}
}
