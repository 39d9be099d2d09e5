namespace Modelport.Core.Statistics;

/// <summary>A count of events and their total duration in nanoseconds, updated from any thread (Triton's StatisticDuration).</summary>
internal sealed class DurationCounter
{
    private long _count;
    private long _nanoseconds;

    public void Add(TimeSpan duration, long count = 1)
    {
        Interlocked.Add(ref _count, count);
        Interlocked.Add(ref _nanoseconds, ToNanoseconds(duration) * count);
    }

    public DurationStatistics Read() => new(Volatile.Read(ref _count), Volatile.Read(ref _nanoseconds));

    private static long ToNanoseconds(TimeSpan duration) => Math.Max(0, duration.Ticks) * TimeSpan.NanosecondsPerTick;
}
