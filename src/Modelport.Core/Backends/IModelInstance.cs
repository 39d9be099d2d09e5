using Modelport.Core.Errors;

namespace Modelport.Core.Backends;

/// <summary>One execution instance of a model; the scheduler runs at most one execution on it at a time.</summary>
public interface IModelInstance : IDisposable
{
    ValueTask<Result<ExecutionOutputs>> ExecuteAsync(ExecutionInputs inputs, CancellationToken cancellationToken);
}
