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

    /// <summary>
    /// The region an output of a response was written to, or null: Modelport echoes the parameters in the response,
    /// Triton does not, so the request's are looked at too.
    /// </summary>
    public static string? OutputRegion(string output, IEnumerable<KeyValuePair<string, InferParameter>> answered, IEnumerable<InferRequestedOutput> requested) =>
        RegionOf(answered) ?? requested.FirstOrDefault(candidate => candidate.Name == output)?.SharedMemoryRegion;
}
