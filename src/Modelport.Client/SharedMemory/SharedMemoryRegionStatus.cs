namespace Modelport.Client;

/// <summary>A system shared memory region registered with the server.</summary>
/// <param name="Name">The name requests refer to it by.</param>
/// <param name="Key">The key of the shared memory object holding it, such as <c>/input_data</c>.</param>
/// <param name="Offset">Where the region starts in the object, in bytes.</param>
/// <param name="ByteSize">The region's size in bytes.</param>
public sealed record SharedMemoryRegionStatus(string Name, string Key, long Offset, long ByteSize);
