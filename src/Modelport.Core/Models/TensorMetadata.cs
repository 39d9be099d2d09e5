using Modelport.Core.Tensors;

namespace Modelport.Core.Models;

/// <summary>A tensor as the v2 metadata endpoint shows it: the full shape a client sends, batch dimension included.</summary>
public sealed record TensorMetadata(string Name, DataType DataType, long[] Shape);
