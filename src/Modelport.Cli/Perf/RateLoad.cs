using System.Diagnostics;

namespace Modelport.Cli.Perf;

/// <summary>
/// Requests on a schedule. Asynchronous: each goes out at its time whatever is still in flight. Synchronous: a pool
/// of workers takes the schedule's times in turn, each waiting for its answer, so a slow server delays the schedule.
/// </summary>
internal sealed class RateLoad : ILoad
{
    // Timers wake about once a millisecond at best: every request whose time has come goes out on each wake-up.
    private static readonly TimeSpan ShortestWait = TimeSpan.FromMilliseconds(1);

    private readonly CancellationTokenSource _stop = new();
    private readonly RequestSchedule _schedule;
    private readonly IInferSender _sender;
    private readonly int _steps;
    private readonly WindowRecorder _recorder;
    private readonly CancellationToken _cancellationToken;
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly Task[] _workers;
    private int _inFlight;
    private int _step;

    public RateLoad(RequestSchedule schedule, bool asynchronous, int workers, IInferSender sender, int steps, WindowRecorder recorder, CancellationToken cancellationToken)
    {
        _schedule = schedule;
        _sender = sender;
        _steps = steps;
        _recorder = recorder;
        _cancellationToken = cancellationToken;
        _workers = asynchronous
            ? [Task.Run(FireAsync, CancellationToken.None)]
            : [.. Enumerable.Range(0, workers).Select(_ => Task.Run(WorkAsync, CancellationToken.None))];
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_workers).ConfigureAwait(false);
        while (Volatile.Read(ref _inFlight) > 0)
        {
            await Task.Delay(ShortestWait, CancellationToken.None).ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task FireAsync()
    {
        var next = _schedule.Next();
        while (!_stop.IsCancellationRequested && !_cancellationToken.IsCancellationRequested)
        {
            var now = Stopwatch.GetElapsedTime(_start).TotalSeconds;
            while (next <= now)
            {
                Interlocked.Increment(ref _inFlight);
                _ = SendAsync();
                next = _schedule.Next();
            }

            await WaitAsync(next - now).ConfigureAwait(false);
        }
    }

    private async Task WorkAsync()
    {
        while (!_stop.IsCancellationRequested && !_cancellationToken.IsCancellationRequested)
        {
            double next;
            lock (_schedule)
            {
                next = _schedule.Next();
            }

            var wait = next - Stopwatch.GetElapsedTime(_start).TotalSeconds;
            if (wait > 0)
            {
                await WaitAsync(wait).ConfigureAwait(false);
            }

            if (!_stop.IsCancellationRequested)
            {
                Interlocked.Increment(ref _inFlight);
                await SendAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task WaitAsync(double seconds)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(seconds, ShortestWait.TotalSeconds)), _stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting: the loop ends.
        }
    }

    private async Task SendAsync()
    {
        try
        {
            var step = (int)((uint)Interlocked.Increment(ref _step) % (uint)_steps);
            var start = Stopwatch.GetTimestamp();
            var outcome = await _sender.SendAsync(step, _cancellationToken).ConfigureAwait(false);
            _recorder.Record(outcome, Stopwatch.GetTimestamp() - start);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
