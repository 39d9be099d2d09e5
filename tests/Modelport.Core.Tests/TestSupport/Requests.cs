using Modelport.Core.Inference;

namespace Modelport.Core.Tests.TestSupport;

internal static class Requests
{
    /// <summary>A request with one INT32 input <c>INPUT0</c> of shape [n].</summary>
    public static InferenceRequest Int32(string model, params int[] values) => Int32(model, null, values);

    public static InferenceRequest Int32(string model, string? version, params int[] values) => new()
    {
        ModelName = model,
        ModelVersion = version,
        Inputs = [TensorData.Int32("INPUT0", [values.Length], values)],
    };
}
