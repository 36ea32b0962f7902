package sc.fiji.restoregan.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.simulate.MicroscopyScene;
import sc.fiji.restoregan.simulate.SceneContent;

/** {@code simulate}: writes a simulated clean microscopy scene (2D or 3D) as a 32-bit TIFF. */
@Command( name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
		description = "Write a simulated fluorescence-microscopy scene (values 0 to 1) as a 32-bit TIFF; a Z stack with --depth." )
final class SimulateCommand implements Callable< Integer >
{
	@Option( names = "--output", required = true, description = "TIFF to write." )
	Path output;

	@Option( names = "--size", defaultValue = "512", description = "Width and height, px. Default: ${DEFAULT-VALUE}." )
	int size;

	@Option( names = "--depth", defaultValue = "1", description = "Slices (1 = 2D). Default: ${DEFAULT-VALUE}." )
	int depth;

	@Option( names = "--seed", defaultValue = "1", description = "Seed. Default: ${DEFAULT-VALUE}." )
	long seed;

	@Option( names = "--nuclei", description = "Nuclei per 256 x 256 px (6)." )
	Double nuclei;

	@Option( names = "--membranes", description = "Membrane brightness, 0 = none (0.15)." )
	Double membranes;

	@Option( names = "--filaments", description = "Filaments per 256 x 256 px (10)." )
	Double filaments;

	@Option( names = "--puncta", description = "Puncta per 256 x 256 px (40)." )
	Double puncta;

	@Option( names = "--vesicles", description = "Vesicles per 256 x 256 px (10)." )
	Double vesicles;

	@Option( names = "--background", description = "Mean background level (0.03)." )
	Double background;

	@Override
	public Integer call() throws Exception
	{
		if ( size < 8 || depth < 1 || ( long ) size * size * depth > Integer.MAX_VALUE )
			throw new RestoreException( "Need --size of at least 8 and --depth of at least 1 (at most 2^31 voxels in all)." );
		final SceneContent d = SceneContent.DEFAULT;
		final SceneContent content;
		try
		{
			content = new SceneContent( or( nuclei, d.nuclei() ), or( membranes, d.membranes() ), or( filaments, d.filaments() ), or( puncta, d.puncta() ),
					or( vesicles, d.vesicles() ), or( background, d.background() ) );
		}
		catch ( final IllegalArgumentException e )
		{
			throw new RestoreException( e.getMessage(), e );
		}
		ImageFiles.writeFloatTiff( new MicroscopyScene( size, size, depth, content ).image( seed ), output );
		System.out.println( "Wrote " + output + " (" + size + " x " + size + ( depth > 1 ? " x " + depth : "" ) + ", seed " + seed + ")" );
		return 0;
	}

	private static double or( final Double option, final double fallback )
	{
		return option == null ? fallback : option;
	}
}
