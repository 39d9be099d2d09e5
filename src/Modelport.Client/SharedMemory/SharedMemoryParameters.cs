namespace Modelport.Client.SharedMemory;

/// <summary>The parameters by which an input or a requested output refers to a registered region (Triton's shared memory extension).</summary>
internal static class SharedMemoryParameters
{
    public const string Region = "shared_memory_region";
    public const string Offset = "shared_memory_offset";
    public const string ByteSize = "shared_memory_byte_size";

    /// <summary>The region the parameters name, or null.</summary>
    public static string? RegionOf(IEnumerable<KeyValuePair<string, InferParameter>> parameters) =>
        parameters.FirstOrDefault(parameter => parameter.Key == Region).Value.Value as string;
}
