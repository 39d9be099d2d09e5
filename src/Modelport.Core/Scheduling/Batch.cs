using Modelport.Core.Backends;

namespace Modelport.Core.Scheduling;

/// <summary>Requests taken from the queue together, and the instance that executes them.</summary>
internal sealed record Batch(IReadOnlyList<ScheduledRequest> Requests, IModelInstance Instance, long Sequence)
{
    public long Size { get; } = Requests.Sum(request => request.BatchSize);
}
