namespace Modelport.Core.Scheduling;

/// <summary>
/// A moving average of how long a batch takes and how many requests it carries, to tell at admission whether a request
/// would outwait its timeout in the queue. Updated under the scheduler's lock.
/// </summary>
internal sealed class ExecutionEstimate
{
    // Weight of the newest sample: recent enough to follow a change of load within a few dozen batches.
    private const double Smoothing = 0.1;

    private double _batchTicks;
    private double _requestsPerBatch;

    public void Record(TimeSpan duration, int requests)
    {
        if (_batchTicks == 0)
        {
            _batchTicks = duration.Ticks;
            _requestsPerBatch = requests;
            return;
        }

        _batchTicks += Smoothing * (duration.Ticks - _batchTicks);
        _requestsPerBatch += Smoothing * (requests - _requestsPerBatch);
    }

    /// <summary>The expected wait in the queue behind <paramref name="ahead"/> requests; zero before anything ran.</summary>
    public TimeSpan QueueWait(int ahead, int instances)
    {
        if (_batchTicks == 0 || instances < 1)
        {
            return TimeSpan.Zero;
        }

        var batchesAhead = Math.Floor(ahead / Math.Max(1, _requestsPerBatch));
        var rounds = Math.Floor(batchesAhead / instances);
        return TimeSpan.FromTicks((long)(rounds * _batchTicks));
    }
}
