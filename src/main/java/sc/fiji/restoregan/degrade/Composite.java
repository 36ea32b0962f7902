package sc.fiji.restoregan.degrade;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Several degradations applied one after the other; sizes shrink through any
 * low-resolution step, so {@link #scale()} is the product of the steps'
 * scales.
 *
 * @param steps the degradations, in the order applied
 */
public record Composite( List< Degradation > steps ) implements Degradation
{
	/** Probability that a random composite includes a blur. */
	public static final double BLUR_PROBABILITY = 0.6;

	/** Probability that a random composite includes haze. */
	public static final double HAZE_PROBABILITY = 0.4;

	/** Probability that a random composite includes streaks, stripes or drops. */
	public static final double STREAKS_PROBABILITY = 0.3;

	/** Probability that a random composite includes bad lighting. */
	public static final double LIGHTING_PROBABILITY = 0.4;

	/** Probability that a random composite ends with JPEG compression. */
	public static final double JPEG_PROBABILITY = 0.2;

	/** Copies the list. */
	public Composite
	{
		steps = List.copyOf( steps );
	}

	/** The given steps in order. */
	public static Composite of( final Degradation... steps )
	{
		return new Composite( List.of( steps ) );
	}

	/**
	 * A shuffled random sequence in the manner of BSRGAN: blur, haze,
	 * streaks and lighting are each included with their own probability
	 * (with random parameters from their documented ranges), plus a
	 * downsampling by {@code scale} when it is above 1; these are applied in
	 * a random order, then camera noise always, and JPEG compression with
	 * probability {@value #JPEG_PROBABILITY}.
	 *
	 * @param scale 1 (same size) or the low-resolution factor
	 */
	public static Composite random( final Random rnd, final int scale )
	{
		final List< Degradation > steps = new ArrayList<>();
		if ( rnd.nextDouble() < BLUR_PROBABILITY )
			steps.add( Blur.random( rnd ) );
		if ( rnd.nextDouble() < HAZE_PROBABILITY )
			steps.add( DegradationKind.HAZE.random( rnd, 1 ) );
		if ( rnd.nextDouble() < STREAKS_PROBABILITY )
			steps.add( DegradationKind.STREAKS.random( rnd, 1 ) );
		if ( rnd.nextDouble() < LIGHTING_PROBABILITY )
			steps.add( Lighting.random( rnd ) );
		if ( scale > 1 )
			steps.add( new Downsample( scale, scale / 2.0 * ( 0.5 + 0.5 * rnd.nextDouble() ), null, null ) );
		Collections.shuffle( steps, rnd );
		steps.add( CameraNoise.random( rnd ) );
		if ( rnd.nextDouble() < JPEG_PROBABILITY )
			steps.add( new JpegCompression( JpegCompression.QUALITY.drawInt( rnd ) ) );
		return new Composite( steps );
	}

	@Override
	public int scale()
	{
		int s = 1;
		for ( final Degradation d : steps )
			s *= d.scale();
		return s;
	}

	@Override
	public float[] apply( final float[] img, final int width, final int height, final Random rnd )
	{
		float[] out = img;
		int w = width, h = height;
		for ( final Degradation d : steps )
		{
			out = d.apply( out, w, h, rnd );
			w /= d.scale();
			h /= d.scale();
		}
		return out == img ? img.clone() : out;
	}

	@Override
	public String describe()
	{
		return steps.stream().map( Degradation::describe ).collect( Collectors.joining( "; then " ) );
	}

	/** The direction of the last step that has one, or NaN when none has. */
	@Override
	public double direction()
	{
		double direction = Double.NaN;
		for ( final Degradation d : steps )
			if ( Double.isFinite( d.direction() ) )
				direction = d.direction();
		return direction;
	}

	/** The PSF of the last step that blurs, or null when none does. */
	@Override
	public Kernel psf()
	{
		Kernel psf = null;
		for ( final Degradation d : steps )
			if ( d.psf() != null )
				psf = d.psf();
		return psf;
	}
}
