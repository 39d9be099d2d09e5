using Modelport.Core.Tensors;

namespace Modelport.Core.Backends;

/// <summary>
/// The produced outputs, in the order of <see cref="ExecutionInputs.OutputNames"/>. Their data may point into
/// engine memory that <paramref name="MemoryOwner"/> releases when disposed.
/// </summary>
public sealed record ExecutionOutputs(IReadOnlyList<InferenceTensor> Tensors, IDisposable? MemoryOwner);
