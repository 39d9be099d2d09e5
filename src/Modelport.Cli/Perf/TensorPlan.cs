namespace Modelport.Cli.Perf;

/// <summary>An input as every request sends it: name, datatype and the full shape, batch dimension included.</summary>
internal sealed record TensorPlan(string Name, string Datatype, long[] Shape)
{
    public long ElementCount => Shape.Aggregate(1L, (count, dimension) => count * dimension);
}
