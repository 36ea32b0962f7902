package sc.fiji.restoregan.metrics;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Intervals;

import sc.fiji.restoregan.pipeline.RestoreException;

/**
 * Scores restored images, against a reference (PSNR, RMSE, SSIM, MS-SSIM,
 * NIQE) or without one (NIQE only): the plain-Java core of the {@code
 * metrics} command line and of {@code Plugins>Restore>Evaluate...}.
 * <p>
 * The data range R defaults to the reference's maximum minus its minimum
 * (over all planes). NIQE maps pixel values to 0..255 by {@code (v - min) / R
 * * 255}: with a reference, min is the reference's minimum and R the data
 * range, so all restored images are scaled alike; without one, min and max
 * are each image's own (or R is the given data range). Multi-plane images
 * are scored per plane and the planes' scores averaged (PSNR and RMSE pool
 * the squared error of all planes). Scores that do not apply are NaN: MS-SSIM
 * below {@value MsSsim#MIN_SIZE} pixels on the short side, NIQE below
 * {@value NiqeFeatures#MIN_SIZE}.
 * </p>
 */
public final class Evaluation
{
	/**
	 * The scores of one image; NaN where not computed.
	 *
	 * @param name the image's name
	 * @param psnr PSNR in dB (infinite for an exact copy)
	 * @param rmse root-mean-square error, in pixel units
	 * @param ssim mean SSIM
	 * @param msSsim MS-SSIM
	 * @param niqe NIQE (lower is more natural)
	 * @param notes why a score is missing, empty if none is
	 */
	public record Scores( String name, double psnr, double rmse, double ssim, double msSsim, double niqe, List< String > notes )
	{}

	private final RandomAccessibleInterval< ? extends RealType< ? > > reference;

	private final double dataRange;

	private final double referenceMin;

	private final NiqeModel model;

	/**
	 * @param reference the ground truth, or null to score NIQE only
	 * @param dataRange R, or NaN for the default (the reference's max - min;
	 *            without a reference, each image's own max - min for NIQE)
	 * @param model the NIQE pristine model
	 * @throws RestoreException if the data range is not positive
	 */
	public Evaluation( final RandomAccessibleInterval< ? extends RealType< ? > > reference, final double dataRange, final NiqeModel model )
	{
		this.reference = reference;
		this.model = model;
		referenceMin = reference == null ? Double.NaN : min( reference );
		this.dataRange = Double.isNaN( dataRange ) && reference != null ? Psnr.dataRange( reference ) : dataRange;
		if ( !Double.isNaN( this.dataRange ) && !( this.dataRange > 0 && Double.isFinite( this.dataRange ) ) )
			throw new RestoreException( "The data range must be positive, got " + this.dataRange
					+ ( Double.isNaN( dataRange ) ? " (the reference is constant: give the data range explicitly)." : "." ) );
	}

	/** The data range in use (NaN without a reference and without an explicit one). */
	public double dataRange()
	{
		return dataRange;
	}

	/** Whether there is a reference. */
	public boolean hasReference()
	{
		return reference != null;
	}

	/**
	 * Scores one image.
	 *
	 * @throws RestoreException if its size differs from the reference's, if
	 *             it is smaller than the SSIM window, or if there is no
	 *             reference and it is too small for NIQE
	 */
	public Scores evaluate( final String name, final RandomAccessibleInterval< ? extends RealType< ? > > image )
	{
		final List< String > notes = new ArrayList<>();
		final long w = image.dimension( 0 ), h = image.dimension( 1 );
		if ( reference == null )
		{
			if ( !Niqe.fits( w, h ) )
				throw new RestoreException( "'" + name + "' is " + w + "x" + h + "; NIQE needs at least " + NiqeFeatures.MIN_SIZE + "x" + NiqeFeatures.MIN_SIZE + " pixels." );
			final double niqe = Double.isNaN( dataRange ) ? Niqe.compute( image, model ) : Niqe.compute( image, model, min( image ), dataRange );
			return new Scores( name, Double.NaN, Double.NaN, Double.NaN, Double.NaN, niqe, notes );
		}
		if ( !Intervals.equalDimensions( reference, image ) )
			throw new RestoreException( "The reference is " + size( reference ) + " but '" + name + "' is " + size( image ) + "; the images must have the same size." );
		if ( w < Ssim.WINDOW || h < Ssim.WINDOW )
			throw new RestoreException( "'" + name + "' is " + w + "x" + h + "; SSIM needs at least " + Ssim.WINDOW + "x" + Ssim.WINDOW + " pixels." );
		final double mse = Psnr.mse( reference, image );
		final double psnr = Psnr.fromMse( mse, dataRange );
		final double ssim = Ssim.compute( reference, image, dataRange );
		double msSsim = Double.NaN, niqe = Double.NaN;
		if ( MsSsim.fits( w, h ) )
			msSsim = MsSsim.compute( reference, image, dataRange );
		else
			notes.add( "MS-SSIM needs at least " + MsSsim.MIN_SIZE + " pixels on the short side" );
		if ( Niqe.fits( w, h ) )
			niqe = Niqe.compute( image, model, referenceMin, dataRange );
		else
			notes.add( "NIQE needs at least " + NiqeFeatures.MIN_SIZE + "x" + NiqeFeatures.MIN_SIZE + " pixels" );
		return new Scores( name, psnr, Math.sqrt( mse ), ssim, msSsim, niqe, notes );
	}

	/**
	 * NIQE of the reference itself, scaled as the restored images are (NaN
	 * without a reference or if it is too small): the anchor of a
	 * perception-distortion plot.
	 */
	public double referenceNiqe()
	{
		if ( reference == null || !Niqe.fits( reference.dimension( 0 ), reference.dimension( 1 ) ) )
			return Double.NaN;
		return Niqe.compute( reference, model, referenceMin, dataRange );
	}

	/** The smallest value of an image. */
	public static double min( final RandomAccessibleInterval< ? extends RealType< ? > > image )
	{
		double m = Double.POSITIVE_INFINITY;
		for ( final RealType< ? > t : image )
			m = Math.min( m, t.getRealDouble() );
		return m;
	}

	private static String size( final RandomAccessibleInterval< ? > image )
	{
		final StringBuilder sb = new StringBuilder();
		for ( int d = 0; d < image.numDimensions(); d++ )
			if ( d < 2 || image.dimension( d ) > 1 )
				sb.append( sb.length() == 0 ? "" : "x" ).append( image.dimension( d ) );
		return sb.toString();
	}
}
