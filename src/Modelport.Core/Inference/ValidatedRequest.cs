using Modelport.Core.Backends;
using Modelport.Core.Models;

namespace Modelport.Core.Inference;

/// <summary>A request checked against the model's signature: what the engine runs and which outputs go back.</summary>
internal sealed record ValidatedRequest(ExecutionInputs Execution, IReadOnlyList<TensorSpec> Outputs, long BatchSize);
