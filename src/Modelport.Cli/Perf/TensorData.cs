namespace Modelport.Cli.Perf;

/// <summary>One input's data for one request, in wire layout, with the shape it is sent with (batch dimension included).</summary>
internal sealed record TensorData(byte[] Bytes, long[] Shape);
