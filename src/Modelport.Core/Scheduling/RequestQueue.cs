namespace Modelport.Core.Scheduling;

/// <summary>
/// The queued requests of one scheduler, by priority level. Within a level, requests still in time come first in
/// arrival order, then those that timed out with DELAY. Removal from anywhere (cancellation) is O(1).
/// </summary>
internal sealed class RequestQueue
{
    private readonly LinkedList<ScheduledRequest>[] _inTime;
    private readonly LinkedList<ScheduledRequest>[] _delayed;

    public RequestQueue(int levels)
    {
        _inTime = new LinkedList<ScheduledRequest>[levels];
        _delayed = new LinkedList<ScheduledRequest>[levels];
        for (var level = 0; level < levels; level++)
        {
            _inTime[level] = [];
            _delayed[level] = [];
        }
    }

    public int Count { get; private set; }

    public int CountAt(int level) => _inTime[level].Count + _delayed[level].Count;

    /// <summary>The requests queued at the given level and above it (the ones a new request of that level waits behind).</summary>
    public int CountUpTo(int level)
    {
        var count = 0;
        for (var index = 0; index <= level; index++)
        {
            count += CountAt(index);
        }

        return count;
    }

    public ScheduledRequest? Head
    {
        get
        {
            for (var level = 0; level < _inTime.Length; level++)
            {
                if (_inTime[level].First is { } first)
                {
                    return first.Value;
                }

                if (_delayed[level].First is { } delayed)
                {
                    return delayed.Value;
                }
            }

            return null;
        }
    }

    public void Add(ScheduledRequest request)
    {
        _inTime[request.Level].AddLast(request.Node);
        Count++;
    }

    public void Remove(ScheduledRequest request)
    {
        request.Node.List!.Remove(request.Node);
        Count--;
    }

    public void Delay(ScheduledRequest request)
    {
        request.Node.List!.Remove(request.Node);
        request.Delayed = true;
        _delayed[request.Level].AddLast(request.Node);
    }

    /// <summary>Every queued request in the order the batcher takes them.</summary>
    public IEnumerable<ScheduledRequest> InOrder()
    {
        for (var level = 0; level < _inTime.Length; level++)
        {
            foreach (var request in _inTime[level])
            {
                yield return request;
            }

            foreach (var request in _delayed[level])
            {
                yield return request;
            }
        }
    }
}
