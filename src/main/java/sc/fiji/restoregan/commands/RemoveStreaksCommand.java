package sc.fiji.restoregan.commands;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

import sc.fiji.restoregan.degrade.ArtefactKind;
import sc.fiji.restoregan.degrade.KnownDegradation;
import sc.fiji.restoregan.model.Task;

/**
 * {@code Plugins>Restore>Remove streaks and drops}: removes streaks,
 * light-sheet stripes, drops and dust with the shipped generator (or a model
 * of the user's). The network sees the plane destriped along the stripes'
 * direction, which it estimates unless the user gives it (light-sheet
 * stripes run along the sheet, usually an image axis). When the user says
 * that the artefacts are light-sheet stripes, it runs the model trained on
 * stripes alone ({@link Task#DERAIN_STRIPES}), which corrects the destriped
 * plane rather than the image.
 *
 * @param <T> the input's pixel type
 */
@Plugin( type = Command.class, menuPath = "Plugins>Restore>Remove streaks and drops", headless = true, label = "Remove streaks and drops", description = "Remove streaks, light-sheet stripes, drops and dust with a trained generator." )
public class RemoveStreaksCommand< T extends RealType< T > > extends AbstractRestoreCommand< T >
{
	/** The direction choice that estimates it from each plane. */
	static final String ESTIMATE = "estimate from the image";

	/** The direction choice that takes the angle field. */
	static final String ANGLE = "at the angle below";

	/** The artefact choice for any of them: the label of {@link ArtefactKind#ANY} (annotations need constants). */
	static final String ANY = "streaks, stripes or drops";

	/** The artefact choice that picks the model for stripes alone: the label of {@link ArtefactKind#STRIPES}. */
	static final String STRIPES = "light-sheet stripes";

	/** The artefact choice that picks the model for drops alone: the label of {@link ArtefactKind#DROPS}. */
	static final String DROPS = "drops or dust";

	@Parameter( label = "Artefacts", choices = { ANY, STRIPES, DROPS }, persist = false,
			description = "What the image shows: with 'light-sheet stripes' the model trained on stripes alone runs (best with the stripe direction below), with 'drops or dust' the one trained on drops alone; otherwise the model for streaks, stripes, drops and dust." )
	private String artefacts = ANY;

	@Parameter( label = "Stripe direction", choices = { ESTIMATE, "along X", "along Y", ANGLE }, persist = false,
			description = "The direction of the stripes or streaks, if known (light-sheet stripes run along the sheet): more reliable than the estimate, which the image's own straight structures can mislead." )
	private String direction = ESTIMATE;

	@Parameter( label = "Stripe angle (deg)", min = "-180", max = "180", stepSize = "1", persist = false, description = "With 'at the angle below': degrees from X towards Y (Y points down)." )
	private double angle = 0;

	@Override
	protected Task task()
	{
		return Task.DERAIN;
	}

	@Override
	protected KnownDegradation known()
	{
		return KnownDegradation.NONE.withDirection( degrees( direction, angle ) ).withArtefacts( ArtefactKind.ofLabel( artefacts ) );
	}

	/** The direction in degrees for a choice of this dialog, NaN for the estimate. */
	static double degrees( final String choice, final double angle )
	{
		return switch ( choice == null ? ESTIMATE : choice )
		{
		case "along X" -> 0;
		case "along Y" -> 90;
		case ANGLE -> angle;
		default -> Double.NaN;
		};
	}

	/**
	 * Says which artefacts the image has ({@link ArtefactKind#STRIPES} picks
	 * {@link Task#DERAIN_STRIPES}, {@link ArtefactKind#DROPS}
	 * {@link Task#DERAIN_DROPS}).
	 */
	public void setArtefacts( final ArtefactKind kind )
	{
		artefacts = kind.label();
	}

	/** Sets the stripe direction in degrees from X towards Y, or NaN to estimate it. */
	public void setDirection( final double degrees )
	{
		direction = Double.isNaN( degrees ) ? ESTIMATE : ANGLE;
		angle = degrees;
	}
}
