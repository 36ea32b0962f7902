package sc.fiji.restoregan.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** The Java heap's peak usage between a {@link #reset()} and a {@link #read()}. */
public final class HeapPeak
{
	private HeapPeak()
	{}

	/** Starts a new measurement. */
	public static void reset()
	{
		for ( final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans() )
			if ( pool.getType() == MemoryType.HEAP )
				pool.resetPeakUsage();
	}

	/** Sum of the heap pools' peak usage since the last reset, in bytes (an upper bound of the live peak: it includes garbage not yet collected). */
	public static long read()
	{
		long sum = 0;
		for ( final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans() )
			if ( pool.getType() == MemoryType.HEAP )
				sum += pool.getPeakUsage().getUsed();
		return sum;
	}
}
