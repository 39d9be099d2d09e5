using Modelport.Core.Tensors;

namespace Modelport.Core.Backends;

/// <summary>Validated inputs, already reshaped to what the model expects, and the names of the outputs to produce.</summary>
public sealed record ExecutionInputs(IReadOnlyList<InferenceTensor> Tensors, IReadOnlyList<string> OutputNames);
