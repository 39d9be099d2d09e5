using System.Diagnostics;

namespace Modelport.Cli.Perf;

/// <summary>N workers, each with one request in flight: it sends the next as soon as the last is answered.</summary>
internal sealed class ConcurrencyLoad : ILoad
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _workers;

    /// <param name="senders">One per worker; they may be the same sender.</param>
    public ConcurrencyLoad(IReadOnlyList<IInferSender> senders, int steps, WindowRecorder recorder, CancellationToken cancellationToken)
    {
        // Workers start at different steps, so several data entries are in flight together, as with perf_analyzer.
        _workers = [.. senders.Select((sender, worker) => Task.Run(() => RunAsync(sender, worker % steps, steps, recorder, cancellationToken), CancellationToken.None))];
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_workers).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync(IInferSender sender, int step, int steps, WindowRecorder recorder, CancellationToken cancellationToken)
    {
        while (!_stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            var outcome = await sender.SendAsync(step, cancellationToken).ConfigureAwait(false);
            recorder.Record(outcome, Stopwatch.GetTimestamp() - start);
            step = step + 1 == steps ? 0 : step + 1;
        }
    }
}
