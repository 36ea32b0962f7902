package sc.fiji.restoregan.model;

/**
 * IEEE 754 half precision (binary16) conversions, for Java 17, which lacks
 * {@code Float.floatToFloat16}: rounding to the nearest half, ties to even,
 * with subnormals, infinities and NaN kept.
 */
public final class Float16
{
	private Float16()
	{}

	/** The half nearest to {@code f} (ties to even), as its 16 bits. */
	public static short fromFloat( final float f )
	{
		final int bits = Float.floatToRawIntBits( f );
		final int sign = ( bits >>> 16 ) & 0x8000;
		final int exponent = ( bits >>> 23 ) & 0xff;
		final int mantissa = bits & 0x7fffff;
		if ( exponent == 0xff )
			return ( short ) ( sign | 0x7c00 | ( mantissa != 0 ? 0x200 : 0 ) );
		final int e = exponent - 127 + 15;
		if ( e >= 0x1f )
			return ( short ) ( sign | 0x7c00 );
		if ( e <= 0 )
		{
			// subnormal half: the value in units of 2^-24
			if ( e < -10 )
				return ( short ) sign;
			return ( short ) ( sign | roundShift( mantissa | 0x800000, 14 - e ) );
		}
		// a carry out of the mantissa correctly moves to the next exponent (or to infinity)
		return ( short ) ( sign | ( ( e << 10 ) + roundShift( mantissa, 13 ) ) );
	}

	/** {@code value >> shift} rounded to the nearest integer, ties to even. */
	private static int roundShift( final int value, final int shift )
	{
		final int kept = value >> shift;
		final int rest = value & ( ( 1 << shift ) - 1 ), half = 1 << ( shift - 1 );
		return rest > half || ( rest == half && ( kept & 1 ) != 0 ) ? kept + 1 : kept;
	}

	/** The float a half's 16 bits stand for (exact: every half is a float). */
	public static float toFloat( final short half )
	{
		final int bits = half & 0xffff;
		final int sign = ( bits & 0x8000 ) << 16;
		final int exponent = ( bits >>> 10 ) & 0x1f;
		final int mantissa = bits & 0x3ff;
		if ( exponent == 0x1f )
			return Float.intBitsToFloat( sign | 0x7f800000 | ( mantissa << 13 ) );
		if ( exponent == 0 )
		{
			final float v = mantissa * 0x1p-24f;
			return sign != 0 ? -v : v;
		}
		return Float.intBitsToFloat( sign | ( ( exponent + 112 ) << 23 ) | ( mantissa << 13 ) );
	}
}
