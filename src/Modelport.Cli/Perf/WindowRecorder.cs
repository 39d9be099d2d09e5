using System.Diagnostics;
using HdrHistogram;

namespace Modelport.Cli.Perf;

/// <summary>
/// Collects finished requests from every worker without locks: latencies go to an HdrHistogram recorder, whose interval
/// histogram is swapped out at each window's end; counters are swapped the same way.
/// </summary>
internal sealed class WindowRecorder
{
    /// <summary>Latencies are kept in microseconds up to an hour, to 3 significant digits (exact below 2048 µs).</summary>
    public const long MaxMicroseconds = 3_600_000_000;

    private readonly Recorder _latencies = HistogramFactory.With64BitBucketSize()
        .WithValuesFrom(1)
        .WithValuesUpTo(MaxMicroseconds)
        .WithPrecisionOf(3)
        .WithThreadSafeWrites()
        .WithThreadSafeReads()
        .Create();

    private readonly TaskCompletionSource _firstAnswer = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _errors;
    private long _sendTicks;
    private long _receiveTicks;
    private string? _firstError;
    private long _windowStart = Stopwatch.GetTimestamp();

    /// <summary>Completes when the first request is answered, successfully or not.</summary>
    public Task FirstAnswer => _firstAnswer.Task;

    public void Record(in RequestOutcome outcome, long elapsedTicks)
    {
        _firstAnswer.TrySetResult();
        if (outcome.Error is not null)
        {
            Interlocked.Increment(ref _errors);
            Interlocked.CompareExchange(ref _firstError, outcome.Error, null);
            return;
        }

        _latencies.RecordValue(Math.Clamp(elapsedTicks * 1_000_000 / Stopwatch.Frequency, 1, MaxMicroseconds));
        Interlocked.Add(ref _sendTicks, outcome.SendTicks);
        Interlocked.Add(ref _receiveTicks, outcome.ReceiveTicks);
    }

    /// <summary>Drops what was recorded so far: the next window starts now.</summary>
    public void Restart() => Collect();

    /// <summary>Ends the window: what was recorded since the last call, over the time since then; the caller adds the server's delta.</summary>
    public Window Collect()
    {
        var now = Stopwatch.GetTimestamp();
        var latencies = _latencies.GetIntervalHistogram();
        var duration = Stopwatch.GetElapsedTime(Interlocked.Exchange(ref _windowStart, now), now);
        return new Window(
            latencies,
            Interlocked.Exchange(ref _errors, 0),
            Interlocked.Exchange(ref _sendTicks, 0),
            Interlocked.Exchange(ref _receiveTicks, 0),
            duration,
            Server: null,
            Interlocked.Exchange(ref _firstError, null));
    }
}
