namespace Modelport.Client;

/// <summary>How many times something happened and the nanoseconds it took in all, since the server started.</summary>
/// <param name="Count">The number of occurrences.</param>
/// <param name="Nanoseconds">Their total duration in nanoseconds.</param>
public sealed record StatisticDuration(long Count, long Nanoseconds)
{
    /// <summary>Nothing yet: no occurrence, no time.</summary>
    public static StatisticDuration Zero { get; } = new(0, 0);
}
