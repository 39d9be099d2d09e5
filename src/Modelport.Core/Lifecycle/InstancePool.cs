using System.Threading.Channels;
using Modelport.Core.Backends;
using Modelport.Core.Errors;

namespace Modelport.Core.Lifecycle;

/// <summary>
/// The execution instances of one model version; an execution borrows an idle instance, so at most
/// <c>instance_group</c> count executions run at once.
/// </summary>
internal sealed class InstancePool : IDisposable
{
    private readonly IModelInstance[] _instances;
    private readonly Channel<IModelInstance> _idle;

    public InstancePool(IReadOnlyList<IModelInstance> instances)
    {
        _instances = [.. instances];
        _idle = Channel.CreateUnbounded<IModelInstance>();
        foreach (var instance in _instances)
        {
            _idle.Writer.TryWrite(instance);
        }
    }

    public async ValueTask<Result<ExecutionOutputs>> ExecuteAsync(ExecutionInputs inputs, CancellationToken cancellationToken)
    {
        IModelInstance instance;
        try
        {
            instance = await _idle.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return InferenceError.Cancelled("the request was cancelled while it waited for a model instance");
        }

        try
        {
            return await instance.ExecuteAsync(inputs, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _idle.Writer.TryWrite(instance);
        }
    }

    public void Dispose()
    {
        _idle.Writer.TryComplete();
        foreach (var instance in _instances)
        {
            instance.Dispose();
        }
    }
}
