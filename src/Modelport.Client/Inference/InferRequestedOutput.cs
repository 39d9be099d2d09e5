using Modelport.Client.SharedMemory;

namespace Modelport.Client;

/// <summary>An output the request asks for; a request that names none gets every output of the model.</summary>
/// <param name="name">The output's name.</param>
public sealed class InferRequestedOutput(string name)
{
    /// <summary>The output's name.</summary>
    public string Name { get; } = !string.IsNullOrEmpty(name) ? name : throw new ArgumentException("an output needs a name", nameof(name));

    /// <summary>The output's parameters, such as <c>classification</c> where the server supports it.</summary>
    public IDictionary<string, InferParameter> Parameters { get; } = new Dictionary<string, InferParameter>(StringComparer.Ordinal);

    /// <summary>The region the output is to be written to, when it is.</summary>
    internal string? SharedMemoryRegion => SharedMemoryParameters.RegionOf(Parameters);

    /// <summary>
    /// An output the server writes into a registered system shared memory region instead of the response (Triton's shared
    /// memory extension), in wire form; the result carries its datatype and shape only. See <see cref="SystemSharedMemoryRegion"/>.
    /// </summary>
    /// <param name="name">The output's name.</param>
    /// <param name="region">The name the region was registered with.</param>
    /// <param name="offset">Where the output goes, in bytes from the start of the registered region.</param>
    /// <param name="byteSize">The room the output may take; the server refuses an output that needs more.</param>
    public static InferRequestedOutput ToSharedMemory(string name, string region, long offset, long byteSize)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(byteSize);
        var output = new InferRequestedOutput(name);
        foreach (var (key, value) in new SharedMemoryPlace(region, offset, byteSize).Parameters)
        {
            output.Parameters[key] = value;
        }

        return output;
    }
}
