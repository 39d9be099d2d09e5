namespace Modelport.Client;

/// <summary>What the server says about a model.</summary>
/// <param name="Name">The model's name.</param>
/// <param name="Versions">The versions available.</param>
/// <param name="Platform">The platform, such as <c>onnxruntime_onnx</c>.</param>
/// <param name="Inputs">The inputs.</param>
/// <param name="Outputs">The outputs.</param>
public sealed record ModelMetadata(
    string Name,
    IReadOnlyList<string> Versions,
    string Platform,
    IReadOnlyList<TensorMetadata> Inputs,
    IReadOnlyList<TensorMetadata> Outputs);
