namespace Modelport.Core.Models;

/// <summary>What the v2 model metadata endpoint returns.</summary>
public sealed record ModelMetadata(
    string Name,
    IReadOnlyList<string> Versions,
    string Platform,
    IReadOnlyList<TensorMetadata> Inputs,
    IReadOnlyList<TensorMetadata> Outputs);
