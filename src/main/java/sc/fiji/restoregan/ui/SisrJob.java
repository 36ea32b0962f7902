package sc.fiji.restoregan.ui;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

import sc.fiji.restoregan.io.ImageFiles;
import sc.fiji.restoregan.metrics.DoublePlane;
import sc.fiji.restoregan.normalize.AffineNormalization;
import sc.fiji.restoregan.pipeline.Progress;
import sc.fiji.restoregan.pipeline.RestoreException;
import sc.fiji.restoregan.sisr.RandomSamples;
import sc.fiji.restoregan.sisr.SingleImageModel;
import sc.fiji.restoregan.sisr.SingleImageSr;
import sc.fiji.restoregan.sisr.SisrSettings;
import sc.fiji.restoregan.sisr.TrainingSession;

/**
 * A single-image run on an open image: trains (or continues training) on
 * the image's current plane (its current channel, slice and frame; an RGB
 * plane as its luminance), previews the selection or a central crop, and
 * applies the model to every plane. The input image is never modified.
 */
public final class SisrJob implements TrainingJob
{
	private final ImagePlus image;

	private final RandomAccessibleInterval< FloatType > plane;

	private final SisrSettings settings;

	private final SingleImageModel resumeFrom;

	private final int samples;

	private final TrainingSession session;

	private volatile SingleImageModel model;

	private SisrJob( final ImagePlus image, final SisrSettings settings, final SingleImageModel resumeFrom, final int samples, final Consumer< String > log )
	{
		this.image = image;
		this.plane = currentPlane( image );
		this.settings = settings;
		this.resumeFrom = resumeFrom;
		this.samples = samples;
		this.session = new TrainingSession( log );
		final Rectangle region = PreviewRegion.choose( image.getWidth(), image.getHeight(), image.getRoi() == null ? null : image.getRoi().getBounds(), 4 );
		session.previewOn( PreviewRegion.crop( SingleImageSr.normalised( plane ), region ), Math.max( 10, settings.iterations / 20 ) );
	}

	/**
	 * A new model to train.
	 *
	 * @param samples random samples to draw when applying, for models that can ({@link RandomSamples})
	 * @param log receives the trainer's log lines
	 */
	public static SisrJob train( final ImagePlus image, final SisrSettings settings, final int samples, final Consumer< String > log )
	{
		return new SisrJob( image, settings, null, samples, log );
	}

	/** A saved model to train further on the image (its saved number of updates more). */
	public static SisrJob resume( final ImagePlus image, final SingleImageModel model, final Consumer< String > log )
	{
		return new SisrJob( image, model.settings(), model, 0, log );
	}

	/** The current plane of an image, as a 32-bit copy. */
	static RandomAccessibleInterval< FloatType > currentPlane( final ImagePlus image )
	{
		final FloatProcessor fp = image.getProcessor().duplicate().convertToFloatProcessor();
		return ArrayImgs.floats( ( float[] ) fp.getPixels(), fp.getWidth(), fp.getHeight() );
	}

	@Override
	public String title()
	{
		return String.format( Locale.ROOT, "%s x%s on %s", settings.method().name(), format( settings.scale ), image.getTitle() );
	}

	private static String format( final double v )
	{
		return v == Math.rint( v ) ? Long.toString( ( long ) v ) : Double.toString( v );
	}

	@Override
	public TrainingSession session()
	{
		return session;
	}

	@Override
	public void train()
	{
		model = resumeFrom == null ? SingleImageSr.train( plane, settings, session ) : SingleImageSr.resume( resumeFrom, plane, session );
	}

	@Override
	public boolean hasModel()
	{
		return model != null;
	}

	@Override
	public void save( final Path folder ) throws IOException
	{
		requireModel().save( folder );
	}

	@Override
	public List< ImagePlus > apply( final Progress progress )
	{
		return apply( requireModel(), image, samples, progress );
	}

	/**
	 * Applies a model to every plane of an image: the restored image, then
	 * a stack of {@code samples} random samples if the model draws them.
	 */
	@SuppressWarnings( { "unchecked", "rawtypes" } )
	public static List< ImagePlus > apply( final SingleImageModel model, final ImagePlus image, final int samples, final Progress progress )
	{
		final Img< FloatType > out = SingleImageSr.apply( model, ( RandomAccessibleInterval ) ImageFiles.wrap( image ), progress );
		final String method = model.settings().method().label();
		final ImagePlus restored = ImageFiles.toImagePlus( out, image.getShortTitle() + "-" + method );
		final Calibration cal = image.getCalibration().copy();
		cal.pixelWidth *= ( double ) image.getWidth() / restored.getWidth();
		cal.pixelHeight *= ( double ) image.getHeight() / restored.getHeight();
		restored.setCalibration( cal );
		final List< ImagePlus > results = new ArrayList<>( List.of( restored ) );
		if ( samples > 0 && model instanceof RandomSamples )
			results.add( samples( ( RandomSamples ) model, image, samples, model.settings().seed, image.getShortTitle() + "-" + method + "-samples" ) );
		return results;
	}

	private static ImagePlus samples( final RandomSamples model, final ImagePlus image, final int count, final long seed, final String title )
	{
		final AffineNormalization n = SingleImageSr.normalization( currentPlane( image ) );
		ImageStack stack = null;
		for ( int i = 0; i < count; i++ )
		{
			final DoublePlane s = model.sample( seed + i );
			final FloatProcessor fp = new FloatProcessor( s.width, s.height );
			for ( int k = 0; k < s.data.length; k++ )
				fp.setf( k, ( float ) n.invert( s.data[ k ] ) );
			if ( stack == null )
				stack = new ImageStack( s.width, s.height );
			stack.addSlice( "sample " + ( i + 1 ), fp );
		}
		return new ImagePlus( title, stack );
	}

	private SingleImageModel requireModel()
	{
		if ( model == null )
			throw new RestoreException( "There is no model yet: training has not ended." );
		return model;
	}

	@Override
	public void close()
	{
		if ( model != null )
			model.close();
		if ( resumeFrom != null && resumeFrom != model )
			resumeFrom.close();
	}
}
