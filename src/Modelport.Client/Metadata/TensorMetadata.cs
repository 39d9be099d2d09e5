namespace Modelport.Client;

/// <summary>An input or output a model declares.</summary>
/// <param name="Name">The tensor's name.</param>
/// <param name="Datatype">The v2 datatype.</param>
/// <param name="Shape">The shape; -1 marks a dimension of any size.</param>
public sealed record TensorMetadata(string Name, TensorDataType Datatype, IReadOnlyList<long> Shape);
