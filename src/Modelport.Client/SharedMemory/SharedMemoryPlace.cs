namespace Modelport.Client.SharedMemory;

/// <summary>Where a tensor lies in a registered region: the offset counts from the start of the region.</summary>
internal sealed record SharedMemoryPlace(string Region, long Offset, long ByteSize)
{
    public KeyValuePair<string, InferParameter>[] Parameters =>
    [
        new(SharedMemoryParameters.Region, Region),
        new(SharedMemoryParameters.Offset, Offset),
        new(SharedMemoryParameters.ByteSize, ByteSize),
    ];
}
