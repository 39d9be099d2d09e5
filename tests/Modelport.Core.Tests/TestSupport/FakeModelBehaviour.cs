using System.Collections.Concurrent;
using Modelport.Core.Backends;

namespace Modelport.Core.Tests.TestSupport;

/// <summary>What the fake backend does for one model name (holds on loads and executions) and what it saw.</summary>
internal sealed class FakeModelBehaviour
{
    private readonly ConcurrentDictionary<long, int> _loadsByVersion = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _loadHolds = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _executionHolds = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource> _loadStarts = new();
    private readonly TaskCompletionSource _firstExecution = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private int _maxInFlight;
    private int _executions;

    /// <summary>Every model version this name loaded, in load order.</summary>
    public ConcurrentQueue<FakeModel> Loaded { get; } = new();

    /// <summary>The inputs of every execution, in order.</summary>
    public ConcurrentQueue<ExecutionInputs> Received { get; } = new();

    /// <summary>Completes when the first execution of any version starts.</summary>
    public Task FirstExecution => _firstExecution.Task;

    public int LoadCalls => _loadsByVersion.Values.Sum();

    public int InFlight => Volatile.Read(ref _inFlight);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int Executions => Volatile.Read(ref _executions);

    public int LoadCallsOf(long version) => _loadsByVersion.GetValueOrDefault(version);

    /// <summary>Completes when a load of <paramref name="version"/> starts.</summary>
    public Task LoadStarted(long version) => LoadStart(version).Task;

    /// <summary>Loads of <paramref name="version"/> wait until the returned source completes.</summary>
    public TaskCompletionSource HoldLoads(long version) =>
        _loadHolds[version] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Executions of <paramref name="version"/> wait until the returned source completes.</summary>
    public TaskCompletionSource HoldExecutions(long version) =>
        _executionHolds[version] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    internal Task BeginLoad(long version)
    {
        _loadsByVersion.AddOrUpdate(version, 1, static (_, count) => count + 1);
        LoadStart(version).TrySetResult();
        return _loadHolds.TryGetValue(version, out var hold) ? hold.Task : Task.CompletedTask;
    }

    internal Task BeginExecution(long version, ExecutionInputs inputs)
    {
        Received.Enqueue(inputs);
        Interlocked.Increment(ref _executions);
        _firstExecution.TrySetResult();
        var inFlight = Interlocked.Increment(ref _inFlight);
        int seen;
        while (inFlight > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, inFlight, seen) != seen)
        {
        }

        return _executionHolds.TryGetValue(version, out var hold) ? hold.Task : Task.CompletedTask;
    }

    internal void EndExecution() => Interlocked.Decrement(ref _inFlight);

    /// <summary>Lets every held load and execution go, so a test that failed midway still shuts down.</summary>
    internal void ReleaseHolds()
    {
        foreach (var hold in _loadHolds.Values.Concat(_executionHolds.Values))
        {
            hold.TrySetResult();
        }
    }

    private TaskCompletionSource LoadStart(long version) =>
        _loadStarts.GetOrAdd(version, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
