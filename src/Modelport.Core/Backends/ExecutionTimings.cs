namespace Modelport.Core.Backends;

/// <summary>
/// Where one execution spent its time, in Triton's terms: preparing the engine's inputs, running the engine, and
/// turning its outputs into tensors.
/// </summary>
public readonly record struct ExecutionTimings(TimeSpan ComputeInput, TimeSpan ComputeInfer, TimeSpan ComputeOutput)
{
    public ExecutionTimings Add(ExecutionTimings other) =>
        new(ComputeInput + other.ComputeInput, ComputeInfer + other.ComputeInfer, ComputeOutput + other.ComputeOutput);
}
