package sc.fiji.restoregan.ui;

import java.util.List;

import ij.ImagePlus;

import sc.fiji.restoregan.degrade.DegradationKind;
import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.model.ModelCard;
import sc.fiji.restoregan.model.Task;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.train.DegradationPairSampler;
import sc.fiji.restoregan.train.ImageFolderSource;
import sc.fiji.restoregan.train.ImagePairSampler;
import sc.fiji.restoregan.train.PairSampler;

/**
 * Training pairs from images open in Fiji: an input and a target image of
 * the same size (or the target {@code scale} times larger), or clean images
 * degraded on the fly by a synthetic degradation. Images are copied when
 * the sampler is made and never modified.
 */
public final class ImageTrainingData
{
	private ImageTrainingData()
	{}

	/** Real pairs: every plane of {@code input} with the same plane of {@code target}. */
	public static PairSampler pairs( final ImagePlus input, final ImagePlus target, final int scale, final long seed, final int patch )
	{
		try
		{
			return new ImagePairSampler( scale, seed, patch, percentiles() ).add( ImageFiles.wrap( input ), ImageFiles.wrap( target ), input.getTitle(), target.getTitle() );
		}
		catch ( final IllegalArgumentException e )
		{
			throw new RestoreException( e.getMessage(), e );
		}
	}

	/**
	 * Clean images degraded on the fly (only the user's images, no built-in
	 * simulations). The degradation sees a region of up to 128 px (or the
	 * patch plus 32), as in the command-line training, within the image.
	 */
	public static PairSampler synthetic( final List< ImagePlus > clean, final DegradationKind kind, final int scale, final long seed, final int patch )
	{
		int side = Integer.MAX_VALUE;
		for ( final ImagePlus imp : clean )
			side = Math.min( side, Math.min( imp.getWidth(), imp.getHeight() ) );
		final int region = Math.min( Math.max( 128, patch + 32 ), side ) / scale * scale;
		if ( region < patch )
			throw new RestoreException( "The images (" + side + " px) are smaller than the patch (" + patch + " px): choose a smaller patch." );
		try
		{
			final ImageFolderSource source = ImageFolderSource.ofImages( clean.stream().map( ImageFiles::wrap ).toList(), clean.stream().map( ImagePlus::getTitle ).toList() );
			return new DegradationPairSampler( List.of( source ), kind, scale, seed, region, patch, percentiles() );
		}
		catch ( final IllegalArgumentException e )
		{
			throw new RestoreException( e.getMessage(), e );
		}
	}

	/** The task a degradation trains for (recorded in the model card). */
	public static Task task( final DegradationKind kind )
	{
		return switch ( kind )
		{
			case NOISE -> Task.DENOISE;
			case BLUR -> Task.DEBLUR;
			case HAZE -> Task.DEHAZE;
			case STREAKS, STRIPES, DROPS -> Task.DERAIN;
			case LIGHTING -> Task.LIGHTING;
			case LOWRES -> Task.SR;
			case COMPOSITE -> Task.AUTO;
		};
	}

	private static double[] percentiles()
	{
		final ModelCard defaults = new ModelCard();
		return new double[] { defaults.normalization.low, defaults.normalization.high };
	}
}
