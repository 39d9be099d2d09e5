using System.Threading.Channels;
using Modelport.Core.Backends;
using Modelport.Core.Errors;

namespace Modelport.Core.Tests.Scheduling;

/// <summary>
/// An instance whose executions wait until the test completes them, so a test decides exactly when each batch ends.
/// All instances of one <see cref="ExecutionLog"/> report there.
/// </summary>
internal sealed class ScriptedInstance(ExecutionLog log) : IModelInstance
{
    public bool Disposed { get; private set; }

    public async ValueTask<Result<ExecutionOutputs>> ExecuteAsync(ExecutionInputs inputs, CancellationToken cancellationToken)
    {
        var execution = new PendingExecution(inputs, this);
        log.Started.Writer.TryWrite(execution);
        return await execution.Result.Task.WaitAsync(cancellationToken);
    }

    public void Dispose() => Disposed = true;
}

/// <summary>Every execution that started on a set of scripted instances, in start order.</summary>
internal sealed class ExecutionLog
{
    public Channel<PendingExecution> Started { get; } = Channel.CreateUnbounded<PendingExecution>();

    public async Task<PendingExecution> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await Started.Reader.ReadAsync(timeout.Token);
    }

    public bool TryNext(out PendingExecution? execution) => Started.Reader.TryRead(out execution);
}

/// <summary>One execution in progress: its inputs, and the means to finish it.</summary>
internal sealed class PendingExecution(ExecutionInputs inputs, ScriptedInstance instance)
{
    public ExecutionInputs Inputs { get; } = inputs;

    public ScriptedInstance Instance { get; } = instance;

    public TaskCompletionSource<Result<ExecutionOutputs>> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public long BatchSize => Inputs.Tensors[0].Shape[0];

    /// <summary>Finishes with every requested output a copy of the first input, its memory owned by <paramref name="owner"/>.</summary>
    public void Echo(IDisposable? owner = null)
    {
        var input = Inputs.Tensors[0];
        var data = input.Data.ToArray();
        var outputs = Inputs.OutputNames.Select(name => input with { Name = name, Data = data }).ToList();
        Result.SetResult(new ExecutionOutputs(outputs, owner));
    }

    public void Fail(InferenceError error) => Result.SetResult(error);
}
