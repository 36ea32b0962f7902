package sc.fiji.restoregan.gan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * A weighted sum of content losses given as text, for example {@code l1},
 * {@code l1+0.5*ssim} or DeblurGAN-v2's {@code 0.5*l2+0.006*perceptual}:
 * terms joined by {@code +}, each an optional weight and {@code *} before a
 * name. Names: {@code l1}, {@code l2} (alias {@code mse}), {@code ssim},
 * {@code affine-l1}, {@code affine-l2}, {@code log-l2} ({@link ContentLoss}), {@code perceptual} ({@link PerceptualLoss}) and
 * {@code contextual} ({@link ContextualLoss} on the deepest feature map);
 * the last two need a {@link FeatureNetwork}.
 */
public final class ContentObjective
{
	/** The names a term may have. */
	public static final List< String > NAMES = Stream.concat( Arrays.stream( ContentLoss.values() ).map( ContentLoss::label ), Stream.of( "mse", "perceptual", "contextual" ) ).toList();

	/**
	 * One weighted term.
	 *
	 * @param weight its factor
	 * @param name its loss
	 */
	public record Term( double weight, String name )
	{}

	private final List< Term > terms;

	private final ContextualLoss contextual;

	private ContentObjective( final List< Term > terms, final ContextualLoss contextual )
	{
		this.terms = List.copyOf( terms );
		this.contextual = contextual;
	}

	/** {@link #parse(String, double)} with the contextual loss's default bandwidth. */
	public static ContentObjective parse( final String spec )
	{
		return parse( spec, ContextualLoss.DEFAULT_BANDWIDTH );
	}

	/**
	 * Reads a specification.
	 *
	 * @param bandwidth h of the contextual loss
	 * @throws IllegalArgumentException naming what is wrong
	 */
	public static ContentObjective parse( final String spec, final double bandwidth )
	{
		final List< Term > terms = new ArrayList<>();
		for ( final String part : spec.replace( " ", "" ).toLowerCase( Locale.ROOT ).split( "\\+", -1 ) )
		{
			final int star = part.indexOf( '*' );
			final String name = part.substring( star + 1 );
			if ( !NAMES.contains( name ) )
				throw new IllegalArgumentException( "Unknown content loss '" + name + "' in '" + spec + "'; terms are [weight*]name with names " + NAMES );
			final double weight;
			try
			{
				weight = star < 0 ? 1 : Double.parseDouble( part.substring( 0, star ) );
			}
			catch ( final NumberFormatException e )
			{
				throw new IllegalArgumentException( "Bad weight '" + part.substring( 0, star ) + "' in content loss '" + spec + "'" );
			}
			if ( !( weight >= 0 ) || Double.isInfinite( weight ) )
				throw new IllegalArgumentException( "Content-loss weights must be finite and non-negative, not " + weight + " in '" + spec + "'" );
			terms.add( new Term( weight, name.equals( "mse" ) ? "l2" : name ) );
		}
		return new ContentObjective( terms, new ContextualLoss( bandwidth, ContextualLoss.DEFAULT_MAX_SIDE ) );
	}

	/** The terms, in order. */
	public List< Term > terms()
	{
		return terms;
	}

	/** Whether a term needs a feature network. */
	public boolean needsFeatures()
	{
		return terms.stream().anyMatch( t -> t.name().equals( "perceptual" ) || t.name().equals( "contextual" ) );
	}

	/**
	 * The weighted sum for {@code output} against {@code target}, both
	 * (N, C, H, W), as a scalar of their data type.
	 *
	 * @param features the feature network (may be null when no term needs one)
	 * @param random chooses the contextual loss's positions
	 */
	public NDArray loss( final NDArray output, final NDArray target, final FeatureNetwork features, final Random random )
	{
		NDArray sum = null;
		for ( final Term t : terms )
		{
			final NDArray term = Logits.times( term( t.name(), output, target, features, random ), t.weight() );
			sum = sum == null ? term : sum.add( term );
		}
		return sum;
	}

	private NDArray term( final String name, final NDArray output, final NDArray target, final FeatureNetwork features, final Random random )
	{
		return switch ( name )
		{
			case "perceptual" -> PerceptualLoss.loss( features, output, target );
			case "contextual" -> contextual.loss( deepest( features, output ), deepest( features, target ), random );
			default -> ContentLoss.of( name ).loss( output, target );
		};
	}

	private static NDArray deepest( final FeatureNetwork features, final NDArray images )
	{
		final NDList maps = features.features( images );
		return maps.get( maps.size() - 1 );
	}

	@Override
	public String toString()
	{
		final StringBuilder s = new StringBuilder();
		for ( final Term t : terms )
			s.append( s.length() == 0 ? "" : "+" ).append( t.weight() == 1 ? "" : t.weight() + "*" ).append( t.name() );
		return s.toString();
	}
}
