package sc.fiji.restoregan.sisr.ingan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

import sc.fiji.restoregan.metrics.DoublePlane;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.sisr.ModelFolder;
import sc.fiji.restoregan.sisr.TrainedModel;
import sc.fiji.restoregan.sisr.SisrSettings;
import sc.fiji.restoregan.sisr.TensorPlanes;

/**
 * A trained InGAN: the generator, which maps a plane to any output size, and
 * the discriminator, kept so training can continue. The output size is
 * {@code settings().outWidth x settings().outHeight} when set (retargeting),
 * otherwise the input's size times {@code settings().scale}. NB: InGAN's
 * "super-resolution" is retargeting to twice the size by the same generator
 * (as in the paper); nothing is trained to invert a degradation, so it adds
 * the image's own textures at the new size rather than recovering detail.
 */
public final class InganModel extends TrainedModel
{
	/** Halvings in the generator (the paper's 3). */
	public static final int DOWN_BLOCKS = 3;

	/** Residual blocks at the generator's bottom (the paper's 6). */
	public static final int BOTTLENECKS = 6;

	private static final String GENERATOR = "generator", DISCRIMINATOR = "discriminator";

	private final InganGenerator generator;

	private final InganDiscriminator discriminator;

	/** Fresh networks for the settings' width, crop and scales, initialised. */
	InganModel( final SisrSettings settings, final int downBlocks, final int bottlenecks, final int scales )
	{
		super( settings );
		generator = new InganGenerator( settings().width, downBlocks, bottlenecks );
		discriminator = new InganDiscriminator( settings().width, scales );
		try
		{
			final Shape shape = new Shape( 1, 1, settings().crop, settings().crop );
			generator.initialize( manager(), DataType.FLOAT32, shape );
			discriminator.initialize( manager(), DataType.FLOAT32, shape );
		}
		catch ( final RuntimeException e )
		{
			close();
			throw e;
		}
	}

	/** A fresh model for {@code settings} with the paper's generator depth. */
	static InganModel create( final SisrSettings settings )
	{
		return new InganModel( settings, DOWN_BLOCKS, BOTTLENECKS, settings.scales > 0 ? settings.scales : InganDiscriminator.scalesFor( settings.crop ) );
	}

	InganGenerator generator()
	{
		return generator;
	}

	InganDiscriminator discriminator()
	{
		return discriminator;
	}

	@Override
	public int[] outputSize( final int width, final int height )
	{
		return new int[] {
				settings().outWidth > 0 ? settings().outWidth : ( int ) Math.round( settings().scale * width ),
				settings().outHeight > 0 ? settings().outHeight : ( int ) Math.round( settings().scale * height ) };
	}

	@Override
	public DoublePlane apply( final DoublePlane input, final Progress progress )
	{
		final int[] size = outputSize( input.width, input.height );
		progress.checkCancelled();
		progress.update( 0, 1, "InGAN " + input.width + "x" + input.height + " to " + size[ 0 ] + "x" + size[ 1 ] );
		final DoublePlane out = generate( input, size[ 0 ], size[ 1 ] );
		progress.update( 1, 1, "InGAN done" );
		return out;
	}

	/** The generator on a whole normalised plane with the output size {@code width x height}. */
	public DoublePlane generate( final DoublePlane input, final int width, final int height )
	{
		try ( NDManager sub = manager().newSubManager() )
		{
			return TensorPlanes.toPlane( generator.generate( store(), TensorPlanes.of( sub, input ), width, height, false ) );
		}
	}

	@Override
	public void save( final Path dir ) throws IOException
	{
		final ModelFolder.Description d = description();
		d.values.put( "architecture", new double[] { generator.downBlocks(), generator.bottlenecks(), discriminator.scales() } );
		final Map< String, Block > blocks = new LinkedHashMap<>();
		blocks.put( GENERATOR, generator );
		blocks.put( DISCRIMINATOR, discriminator );
		ModelFolder.write( dir, d, blocks );
	}

	/** Rebuilds a saved model. */
	public static InganModel load( final Path dir, final ModelFolder.Description d )
	{
		final double[] a = d.values.get( "architecture" );
		final InganModel m = a == null || a.length < 3 ? create( d.settings ) : new InganModel( d.settings, ( int ) a[ 0 ], ( int ) a[ 1 ], ( int ) a[ 2 ] );
		try
		{
			m.restoreRecord( d );
			ModelFolder.load( dir, d, GENERATOR, m.generator, m.manager() );
			ModelFolder.load( dir, d, DISCRIMINATOR, m.discriminator, m.manager() );
			return m;
		}
		catch ( final RuntimeException e )
		{
			m.close();
			throw e;
		}
	}

}
