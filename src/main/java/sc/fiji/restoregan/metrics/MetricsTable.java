package sc.fiji.restoregan.metrics;

import java.util.List;

import ij.measure.ResultsTable;

/**
 * Builds the ImageJ {@link ResultsTable} of an evaluation (not shown; the
 * caller decides), one row per image: {@value #IMAGE}, {@value #PSNR},
 * {@value #RMSE}, {@value #SSIM}, {@value #MS_SSIM}, {@value #NIQE}, the data
 * range, the NIQE model and notes. Missing scores are left empty.
 */
public final class MetricsTable
{
	/** Column of the image names. */
	public static final String IMAGE = "Image";

	/** Column of PSNR in dB. */
	public static final String PSNR = "PSNR (dB)";

	/** Column of the RMSE. */
	public static final String RMSE = "RMSE";

	/** Column of SSIM. */
	public static final String SSIM = "SSIM";

	/** Column of MS-SSIM. */
	public static final String MS_SSIM = "MS-SSIM";

	/** Column of NIQE. */
	public static final String NIQE = "NIQE";

	/** Column of the data range. */
	public static final String DATA_RANGE = "Data range";

	/** Column of the NIQE model's name. */
	public static final String NIQE_MODEL = "NIQE model";

	/** Column of the notes. */
	public static final String NOTES = "Notes";

	private MetricsTable()
	{}

	/**
	 * A table of the scores.
	 *
	 * @param dataRange the data range used (NaN if none)
	 * @param niqeModel the NIQE model's name
	 */
	public static ResultsTable of( final List< Evaluation.Scores > scores, final double dataRange, final String niqeModel )
	{
		final ResultsTable table = new ResultsTable();
		table.setNaNEmptyCells( true );
		table.showRowNumbers( false );
		for ( final Evaluation.Scores s : scores )
		{
			table.addRow();
			table.addValue( IMAGE, s.name() );
			table.addValue( PSNR, s.psnr() );
			table.addValue( RMSE, s.rmse() );
			table.addValue( SSIM, s.ssim() );
			table.addValue( MS_SSIM, s.msSsim() );
			table.addValue( NIQE, s.niqe() );
			table.addValue( DATA_RANGE, dataRange );
			table.addValue( NIQE_MODEL, niqeModel );
			table.addValue( NOTES, String.join( "; ", s.notes() ) );
		}
		table.setDecimalPlaces( table.getColumnIndex( SSIM ), 6 );
		table.setDecimalPlaces( table.getColumnIndex( MS_SSIM ), 6 );
		table.setDecimalPlaces( table.getColumnIndex( NIQE ), 4 );
		table.setDecimalPlaces( table.getColumnIndex( PSNR ), 4 );
		return table;
	}
}
