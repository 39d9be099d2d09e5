using Modelport.Core.Tensors;

namespace Modelport.Core.Backends;

/// <summary>
/// The produced outputs, in the order of <see cref="ExecutionInputs.OutputNames"/>. Their data may point into
/// engine memory that <paramref name="MemoryOwner"/> releases when disposed. <paramref name="Timings"/> says where the
/// execution spent its time, for the statistics.
/// </summary>
public sealed record ExecutionOutputs(IReadOnlyList<InferenceTensor> Tensors, IDisposable? MemoryOwner, ExecutionTimings Timings = default);
